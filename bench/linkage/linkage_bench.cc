// Linkage benchmark (issue 7): pairs compared, blocking reduction ratio, pair completeness, pairwise
// F1 and wall time for linking a synthetic population of person-involvements generated here, with
// duplicates and the errors desk data has (typos, nicknames and initials, swapped day/month, a wrong
// birth year, missing BSN/sex/address, moves), pseudonymised with a random key through
// privacy::Pseudonymiser exactly as at a desk.
//
//   build-linkage/bench/linkage/linkage_bench [INVOLVEMENTS=100000] [THREADS=2] [SEED=7] [THRESHOLD=0.9]
//   [LSH=32x24,8x8]
//
// The peer measured in the same run is all-pairs work: the number of pairs an unblocked linkage would
// compare (the reduction ratio), and the time the same Dice comparisons would take, extrapolated from
// timing a sample of random pairs.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "linkage/evaluation.h"
#include "linkage/linker.h"
#include "privacy/clk_schema.h"
#include "privacy/dice.h"
#include "privacy/key.h"
#include "privacy/pseudonymiser.h"

namespace {

using sz::linkage::LinkRecord;

const std::vector<std::string> kMale = {
    "jan",      "johannes",  "hendrik",  "gerrit", "willem",   "bernard",  "antonius",  "gerardus", "hermanus",
    "albertus", "theodorus", "cornelis", "pieter", "dirk",     "martinus", "wilhelmus", "bram",     "daan",
    "sem",      "lucas",     "finn",     "levi",   "noah",     "luuk",     "milan",     "jesse",    "thijs",
    "ruben",    "bas",       "tim",      "lars",   "stijn",    "niels",    "koen",      "jeroen",   "mark",
    "dennis",   "sander",    "rick",     "tom",    "mohammed", "ahmet",    "mustafa",   "yusuf",    "emre",
    "wouter",   "gijs",      "jens",     "teun",   "mees",     "jurre",    "sven",      "hidde",    "rutger",
    "erik",     "frank",     "marco",    "robin"};
const std::vector<std::string> kFemale = {
    "maria",     "johanna", "anna",   "hendrika", "gerarda", "wilhelmina", "bernardina", "theodora", "geertruida",
    "elisabeth", "emma",    "julia",  "sophie",   "tess",    "sara",       "eva",        "lotte",    "fenna",
    "lieke",     "anouk",   "iris",   "femke",    "mila",    "zoe",        "noor",       "evi",      "sanne",
    "lisa",      "anne",    "laura",  "esther",   "marloes", "linda",      "ingrid",     "monique",  "petra",
    "fatma",     "ayse",    "elif",   "yasmin",   "nina",    "roos",       "isa",        "lynn",     "jasmijn",
    "maud",      "floor",   "britt",  "demi",     "kim",     "chantal",    "ilse",       "merel",    "marieke",
    "annemiek",  "carla",   "hanneke"};
const std::vector<std::string> kSurnames = {"jansen",       "bakker",
                                            "visser",       "smit",
                                            "meijer",       "mulder",
                                            "bos",          "vos",
                                            "peters",       "hendriks",
                                            "dekker",       "brouwer",
                                            "dijkstra",     "kok",
                                            "janssen",      "wolters",
                                            "nijhuis",      "luttikhuis",
                                            "horst",        "kamphuis",
                                            "olthof",       "wessels",
                                            "slot",         "hulshof",
                                            "pothoff",      "brinkman",
                                            "lammers",      "kuipers",
                                            "leferink",     "schuurman",
                                            "haverkate",    "oude vrielink",
                                            "reimink",      "ter braak",
                                            "nijenhuis",    "kuiper",
                                            "veldhuis",     "lenferink",
                                            "tijhuis",      "bruggink",
                                            "wiggers",      "weijers",
                                            "eshuis",       "hofste",
                                            "stokkers",     "grootenhuis",
                                            "rouwhorst",    "boerrigter",
                                            "scholten",     "ten dam",
                                            "jurriens",     "klein gunnewiek",
                                            "pasman",       "roelofs",
                                            "nijland",      "wolbers",
                                            "morsink",      "assink",
                                            "beld",         "huisman",
                                            "kroeze",       "vedder",
                                            "willemsen",    "yilmaz",
                                            "kaya",         "demir",
                                            "el amrani",    "nguyen",
                                            "de jong",      "de vries",
                                            "van den berg", "van dijk",
                                            "de boer",      "van der meer",
                                            "de graaf",     "van leeuwen",
                                            "de wit",       "van der linden",
                                            "ter haar",     "oude luttikhuis",
                                            "ten hove",     "van der veen",
                                            "te riele",     "in het veld"};
const std::vector<std::pair<std::string, std::string>> kNicknames = {
    {"johannes", "hans"},  {"hendrik", "henk"},    {"wilhelmus", "wim"}, {"cornelis", "kees"}, {"johanna", "jo"},
    {"elisabeth", "lies"}, {"gerardus", "gerard"}, {"antonius", "toon"}, {"bernard", "ben"},   {"wilhelmina", "mien"}};

struct Person {
  std::string given, surname, bsn;
  int year = 0, month = 0, day = 0;
  bool male = false;
  int household = 0;
};

std::string Typo(const std::string& text, std::mt19937_64& rng) {
  if (text.size() < 3) return text;
  std::string out = text;
  size_t at = 1 + rng() % (text.size() - 2);
  switch (rng() % 4) {
    case 0: out.erase(at, 1); break;
    case 1: out[at] = static_cast<char>('a' + rng() % 26); break;
    case 2: std::swap(out[at], out[at + 1]); break;
    default: out.insert(at, 1, out[at]); break;
  }
  return out;
}

std::string Bsn(std::mt19937_64& rng) {  // a number passing the elfproef
  while (true) {
    int digits[9];
    int sum = 0;
    for (int pos = 0; pos < 8; ++pos) {
      digits[pos] = static_cast<int>(rng() % 10);
      sum += (9 - pos) * digits[pos];
    }
    for (int last = 0; last < 10; ++last) {
      if ((sum - last) % 11 == 0 && sum - last != 0 && digits[0] != 0) {
        digits[8] = last;
        std::string out;
        for (int digit : digits) out += static_cast<char>('0' + digit);
        return out;
      }
    }
  }
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const long involvements = argc > 1 ? std::atol(argv[1]) : 100000;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  const uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 7;
  std::mt19937_64 rng(seed);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

  // Households of 1–5 persons with postcode, house number and wijk; persons with 1–8 involvements.
  struct Household {
    std::string postcode, number, wijk;
  };
  std::vector<Household> households;
  std::vector<Person> persons;
  long planned = 0;
  std::vector<int> copies;
  while (planned < involvements) {
    Household household;
    char postcode[8];
    char letters[3] = {static_cast<char>('A' + rng() % 26), static_cast<char>('B' + rng() % 25), 0};
    if (letters[0] == 'S') letters[0] = 'T';
    std::snprintf(postcode, sizeof postcode, "%04d%s", 7400 + static_cast<int>(rng() % 300), letters);
    household.postcode = postcode;
    household.number = std::to_string(1 + rng() % 300);
    char wijk[16];
    std::snprintf(wijk, sizeof wijk, "WK%04d%02d", 140 + static_cast<int>(rng() % 14), static_cast<int>(rng() % 10));
    household.wijk = wijk;
    households.push_back(household);
    int size = 1 + static_cast<int>(rng() % 5);
    std::string surname = kSurnames[rng() % kSurnames.size()];
    int parent_year = 1940 + static_cast<int>(rng() % 60);
    for (int member = 0; member < size && planned < involvements; ++member) {
      Person person;
      person.male = rng() % 2;
      person.given = person.male ? kMale[rng() % kMale.size()] : kFemale[rng() % kFemale.size()];
      // Partners often keep their own surname; children take the household's.
      person.surname = member == 1 && chance(0.6) ? kSurnames[rng() % kSurnames.size()] : surname;
      person.year =
          member < 2 ? parent_year + static_cast<int>(rng() % 5) : parent_year + 20 + static_cast<int>(rng() % 20);
      person.month = 1 + static_cast<int>(rng() % 12);
      person.day = 1 + static_cast<int>(rng() % 28);
      person.bsn = Bsn(rng);
      person.household = static_cast<int>(households.size()) - 1;
      double draw = std::uniform_real_distribution<double>(0, 1)(rng);
      int count = draw < 0.5 ? 1 : draw < 0.75 ? 2 : draw < 0.9 ? 3 : 4 + static_cast<int>(rng() % 5);
      persons.push_back(person);
      copies.push_back(count);
      planned += count;
    }
  }

  auto key = sz::privacy::Key::Generate();
  auto schema = sz::privacy::ReadClkSchemaFile(std::string(SZ_SOURCE_DIR) + "/config/linkage-schema.json");
  if (!key.ok() || !schema.ok()) {
    std::fprintf(stderr, "key or schema: %s\n", (key.ok() ? schema.status() : key.status()).ToString().c_str());
    return 3;
  }
  auto pseudonymiser = sz::privacy::Pseudonymiser::Create(*key, *schema);
  if (!pseudonymiser.ok()) return 3;

  auto start = std::chrono::steady_clock::now();
  std::vector<LinkRecord> records;
  std::vector<std::string> truth;
  for (size_t person_idx = 0; person_idx < persons.size(); ++person_idx) {
    const Person& person = persons[person_idx];
    for (int copy = 0; copy < copies[person_idx]; ++copy) {
      sz::privacy::PersonIdentity identity;
      identity.given_names = person.given;
      identity.surname = person.surname;
      int year = person.year, month = person.month, day = person.day;
      if (chance(0.10)) identity.given_names = Typo(identity.given_names, rng);
      if (chance(0.10)) identity.surname = Typo(identity.surname, rng);
      if (chance(0.05)) identity.given_names = identity.given_names.substr(0, 1) + ".";
      if (chance(0.05)) {
        for (const auto& [full, nick] : kNicknames) {
          if (full == person.given) identity.given_names = nick;
        }
      }
      if (chance(0.02) && day <= 12) std::swap(day, month);
      if (chance(0.02)) year += chance(0.5) ? 1 : -1;
      char date[16];
      std::snprintf(date, sizeof date, "%02d-%02d-%04d", day, month, year);
      identity.birth_date = chance(0.02) ? "" : date;
      identity.bsn = chance(0.45) ? person.bsn : "";
      identity.sex = chance(0.03) ? "" : person.male ? "M" : "V";
      const Household& household = households[chance(0.08) ? rng() % households.size() : person.household];
      bool has_address = chance(0.92);
      if (has_address) {
        identity.postcode = household.postcode;
        identity.house_number = household.number;
      }
      auto pseudonyms = pseudonymiser->Pseudonymise(identity);
      if (!pseudonyms.ok()) return 2;
      LinkRecord record;
      record.source = "desk" + std::to_string(rng() % 6);
      record.record_id = std::to_string(records.size());
      record.betrokkene_nr = 1;
      record.bsn_pseudonym = pseudonyms->bsn_pseudonym;
      record.name_pseudonym = pseudonyms->name_pseudonym;
      record.household_pseudonym = pseudonyms->address_pseudonym;
      if (!pseudonyms->clk.empty()) {
        auto clk = sz::linkage::DecodeClk(pseudonyms->clk);
        if (clk.ok()) record.clk = *clk;
      }
      record.birth_year = pseudonyms->birth_year.value_or(0);
      record.sex = pseudonyms->sex == "m"   ? sz::Sex::kMan
                   : pseudonyms->sex == "v" ? sz::Sex::kVrouw
                                            : sz::Sex::kUnknown;
      record.wijk = has_address && chance(0.97) ? household.wijk : "";
      records.push_back(std::move(record));
      truth.push_back(std::to_string(person_idx));
    }
  }
  // Shuffle so that a person's involvements are not adjacent.
  std::vector<size_t> order(records.size());
  for (size_t idx = 0; idx < order.size(); ++idx) order[idx] = idx;
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<LinkRecord> shuffled;
  std::vector<std::string> shuffled_truth;
  for (size_t idx : order) {
    shuffled.push_back(std::move(records[idx]));
    shuffled_truth.push_back(truth[idx]);
  }
  double seconds_pseudonymise = Seconds(start);

  sz::linkage::LinkageOptions options;
  options.threads = threads;
  if (argc > 4) options.clustering.link_probability = std::atof(argv[4]);
  if (argc > 5) {  // "TABLESxBITS,TABLESxBITS": the two CLK bit-sampling passes, for exploring blocking
    int tables_a = 0, bits_a = 0, tables_b = 0, bits_b = 0;
    if (std::sscanf(argv[5], "%dx%d,%dx%d", &tables_a, &bits_a, &tables_b, &bits_b) == 4) {
      for (sz::linkage::BlockingPass& pass : options.blocking.passes) {
        if (pass.kind == sz::linkage::BlockingKind::kClkBits) pass = {pass.kind, tables_a, bits_a};
        if (pass.kind == sz::linkage::BlockingKind::kYearSexClkBits) pass = {pass.kind, tables_b, bits_b};
      }
    }
  }
  start = std::chrono::steady_clock::now();
  auto result = sz::linkage::Link(shuffled, options);
  double seconds_link = Seconds(start);
  if (!result.ok()) {
    std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
    return 2;
  }
  auto report =
      sz::linkage::Evaluate(shuffled, *result, shuffled_truth, options.mode, options.clustering.link_probability);
  if (!report.ok()) return 2;

  // Peer: all-pairs Dice work with the fastest Dice the machine has (Dice1024Batch on filters stored
  // back to back), timed for a few queries against every filter and extrapolated to all pairs.
  std::vector<uint64_t> filters;
  std::vector<uint32_t> popcounts;
  for (const LinkRecord& record : shuffled) {
    sz::linkage::ClkWords words = record.clk.value_or(sz::linkage::ClkWords{});
    filters.insert(filters.end(), words.begin(), words.end());
    popcounts.push_back(sz::privacy::Popcount1024(words.data()));
  }
  std::vector<float> scores(shuffled.size());
  const size_t queries = 50;
  start = std::chrono::steady_clock::now();
  double checksum = 0;
  for (size_t query = 0; query < queries; ++query) {
    sz::privacy::Dice1024Batch(filters.data() + query * sz::privacy::kWordsPer1024, popcounts[query], filters.data(),
                               popcounts.data(), shuffled.size(), scores.data());
    checksum += scores[query + 1];
  }
  double per_pair = Seconds(start) / (static_cast<double>(queries) * static_cast<double>(shuffled.size()));

  const auto& stats = result->stats;
  std::printf("involvements %lld, persons %zu, threads %d, seed %llu\n", static_cast<long long>(stats.records),
              persons.size(), threads, static_cast<unsigned long long>(seed));
  std::printf("pseudonymise: %.2f s\n", seconds_pseudonymise);
  for (size_t pass = 0; pass < stats.pass_names.size(); ++pass) {
    std::printf("  pass %-28s new pairs %10lld  oversized blocks %lld\n", stats.pass_names[pass].c_str(),
                static_cast<long long>(stats.pass_new_pairs[pass]),
                static_cast<long long>(stats.pass_oversized_blocks[pass]));
  }
  std::printf("all pairs %.0f, pairs compared %lld, reduction ratio %.6f\n", stats.all_pairs,
              static_cast<long long>(stats.pairs_compared), stats.reduction_ratio);
  std::printf("pair completeness %.4f (%lld of %lld true pairs compared)\n", report->pair_completeness,
              static_cast<long long>(report->true_pairs_compared), static_cast<long long>(report->true_pairs));
  std::printf("links before clustering: precision %.4f recall %.4f F1 %.4f\n", report->links.precision,
              report->links.recall, report->links.f1);
  std::printf("persons: precision %.4f recall %.4f F1 %.4f purity %.4f inverse purity %.4f (%lld found, %lld true)\n",
              report->persons.precision, report->persons.recall, report->persons.f1, report->purity,
              report->inverse_purity, static_cast<long long>(report->persons_predicted),
              static_cast<long long>(report->persons_true));
  std::printf("link wall time %.2f s (blocking %.2f, compare+EM %.2f, clustering %.2f); EM iterations %d\n",
              seconds_link, stats.seconds_blocking, stats.seconds_comparing, stats.seconds_clustering,
              stats.em_iterations);
  std::printf("peer: all-pairs Dice alone (%s) would take %.1f s (%.2f ns per pair, one thread; checksum %.0f)\n",
              std::string(sz::privacy::Dice1024Implementation()).c_str(), per_pair * stats.all_pairs, per_pair * 1e9,
              checksum);
  std::printf("model:\n%s", result->model.Describe().c_str());
  return 0;
}
