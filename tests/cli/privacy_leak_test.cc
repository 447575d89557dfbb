// Issue 4's leak test over the whole demo flow: generate → keygen → pseudonymise (half of the desks with
// --veldcoderingen, issue 18's keyed field encodings of names, birth date and address) → ingest →
// summary/rejects/link/link-pairs/crossdesk export. Not one given name, surname, BSN, street address, postcode, or full
// birth date from the generated identified exports may appear in the store file, any extract, any command output, or
// any export — searched in the bytes.
//
// How the bytes are searched: every file is cut into tokens, maximal runs of [A-Za-z0-9+/=] and
// UTF-8 bytes ≥ 0x80, compared case-insensitively. A base64 CLK or a hex pseudonym is then one long
// token and can never match a name by chance, while a name written anywhere (also lower-cased or
// inside quotes, between separators or in SQLite's binary pages) is found. Dates are also searched as
// plain substrings in dd-mm-jjjj and YYYY-MM-DD forms.
// Exclusions, each because it is not an identity: words of the contracts' vocabulary (a surname
// "Buren" equals the category "buren"), region names (the summary prints "Hof van Twente"; a surname
// "Hof" is not leaked by it), tussenvoegsel particles (van, de, 't), names shorter than 4 characters in the binary
// store file (3-letter runs occur in SQLite page headers; they are still searched in every text file), birth dates
// inside the generated event years (an event date may equal a baby's birth date), and woonplaats (a town name is not an
// address; the summary prints gemeente names).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_set>
#include <vector>

#include "io/csv_reader.h"
#include "io/region_file.h"
#include "sources/contract.h"
#include "support/run_command.h"

namespace sz {
namespace {

namespace fs = std::filesystem;
using testing::RunSamenzicht;

constexpr const char* kDeskSources[] = {"veilig_thuis",   "zorgwekkend_gedrag", "woningvervuiling",
                                        "wonen_verblijf", "jeugdhulp",          "wmo"};
constexpr int kFirstYear = 2023;

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsTokenByte(unsigned char c) { return std::isalnum(c) || c == '+' || c == '/' || c == '=' || c >= 0x80; }

std::unordered_set<std::string> Tokens(const std::string& bytes) {
  std::unordered_set<std::string> tokens;
  std::string token;
  for (char ch : bytes) {
    if (IsTokenByte(static_cast<unsigned char>(ch))) {
      token.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    } else if (!token.empty()) {
      tokens.insert(std::move(token));
      token.clear();
    }
  }
  if (!token.empty()) tokens.insert(token);
  return tokens;
}

// Words that legitimately appear in the store: column names, categories, aliases.
std::set<std::string> Vocabulary() {
  std::set<std::string> words;
  auto add_words = [&](const std::string& text) {
    for (const auto& token : Tokens(text)) words.insert(token);
  };
  for (const char* particle : {"van", "de",  "der", "den", "het", "t",  "ter", "ten", "te", "in", "op",
                               "aan", "uit", "bij", "la",  "le",  "du", "des", "d",   "l",  "vd", "v"}) {
    words.insert(particle);
  }
  auto regions = io::LoadRegionFile(std::string(SZ_SOURCE_DIR) + "/config/regions/twente-synthetic-2024.csv");
  EXPECT_TRUE(regions.ok());
  for (auto level :
       {RegionLevel::kLand, RegionLevel::kRegio, RegionLevel::kGemeente, RegionLevel::kWijk, RegionLevel::kBuurt}) {
    for (const Region* region : regions->AtLevel(level)) add_words(region->name);
  }
  for (const auto& contract : sources::AllContracts()) {
    add_words(contract.name);
    for (const auto* table : {&contract.extract}) {
      for (const auto& column : table->columns) {
        add_words(column.name);
        for (const auto& value : column.allowed) add_words(value);
        for (const auto& [alias, value] : column.aliases) add_words(alias);
      }
    }
  }
  return words;
}

struct Identities {
  std::set<std::string> name_tokens;  // lower case
  std::set<std::string> numbers;      // BSNs, compact postcodes (lower case)
  std::set<std::string> dates;        // dd-mm-jjjj and YYYY-MM-DD
  std::set<std::string> addresses;    // "street number" and "postcode number"
};

void CollectIdentities(const std::string& persons_file, const std::set<std::string>& vocabulary, Identities& out) {
  auto reader = io::CsvReader::Open(persons_file);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  const auto& header = (*reader)->header();
  auto col = [&](const char* name) {
    return static_cast<int>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  int given = col("voornamen"), surname = col("achternaam"), bsn = col("bsn"), birth = col("geboortedatum"),
      postcode = col("postcode"), number = col("huisnummer"), street = col("straat");
  io::CsvRecord row;
  while ((*reader)->Next(row)) {
    ASSERT_TRUE(row.error.empty()) << persons_file << ":" << row.line << " " << row.error;
    for (int c : {given, surname}) {
      for (const auto& token : Tokens(row.cells[c])) {
        if (token.size() >= 3 && !vocabulary.count(token)) out.name_tokens.insert(token);
      }
    }
    if (!row.cells[bsn].empty()) out.numbers.insert(row.cells[bsn]);
    std::string compact_postcode;
    for (char ch : row.cells[postcode]) {
      if (ch != ' ') compact_postcode.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    }
    if (!compact_postcode.empty()) {
      out.numbers.insert(compact_postcode);
      out.addresses.insert(compact_postcode + " " + row.cells[number]);
    }
    if (street < static_cast<int>(header.size()) && !row.cells[street].empty()) {
      out.addresses.insert(Lower(row.cells[street]) + " " + row.cells[number]);
    }
    auto date = ParseDate(row.cells[birth]);
    if (date.ok() && date->year < kFirstYear) {
      char dutch[48];
      std::snprintf(dutch, sizeof dutch, "%02d-%02d-%04d", date->day, date->month, date->year);
      out.dates.insert(dutch);
      out.dates.insert(date->ToIso());
    }
  }
}

void ExpectNoIdentities(const std::string& what, const std::string& bytes, const Identities& ids, bool binary) {
  std::unordered_set<std::string> tokens = Tokens(bytes);
  std::string lower = Lower(bytes);
  int leaks = 0;
  auto leak = [&](const std::string& kind, const std::string& value) {
    if (++leaks <= 5) ADD_FAILURE() << kind << " '" << value << "' found in " << what;
  };
  for (const auto& name : ids.name_tokens) {
    if (binary && name.size() < 4) continue;
    if (tokens.count(name)) leak("name", name);
  }
  for (const auto& number : ids.numbers) {
    if (tokens.count(number)) leak("BSN/postcode", number);
  }
  // Dates as whole values: SQLite stores adjacent text fields without separators, so "2023-11-20"
  // followed by "2024-…" contains "23-11-2020"; a digit before or after means it is not this date.
  auto found_whole = [&](const std::string& needle) {
    for (size_t pos = lower.find(needle); pos != std::string::npos; pos = lower.find(needle, pos + 1)) {
      bool digit_before = pos > 0 && std::isdigit(static_cast<unsigned char>(lower[pos - 1]));
      size_t end = pos + needle.size();
      bool digit_after = end < lower.size() && std::isdigit(static_cast<unsigned char>(lower[end]));
      if (!digit_before && !digit_after) return true;
    }
    return false;
  };
  for (const auto& date : ids.dates) {
    if (found_whole(date)) leak("birth date", date);
  }
  for (const auto& address : ids.addresses) {
    if (lower.find(address) != std::string::npos) leak("address", address);
  }
  EXPECT_EQ(leaks, 0) << what;
}

TEST(PrivacyLeakTest, NoIdentityReachesTheStoreExtractsLogsOrExports) {
  std::string dir = ::testing::TempDir() + "/leak-test-" + std::to_string(getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string desks = dir + "/desks", extracts = dir + "/extracts", db = dir + "/store/samenzicht.db";
  fs::create_directories(extracts);
  std::string logs;
  auto run = [&](const std::string& args, std::initializer_list<int> allowed_exit = {0}) {
    auto result = RunSamenzicht(args);
    logs += result.output;
    EXPECT_TRUE(std::find(allowed_exit.begin(), allowed_exit.end(), result.exit_code) != allowed_exit.end())
        << args << "\n"
        << result.output;
  };
  run("generate --out " + desks + " --seed 7 --scale 0.05 --years " + std::to_string(kFirstYear) + "-2024");
  run("keygen --out " + desks + "/desk.key");
  std::vector<std::string> with_fields;
  for (size_t i = 0; i < std::size(kDeskSources); ++i) {
    std::string s(kDeskSources[i]);
    const bool fields = i % 2 == 0;
    if (fields) with_fields.push_back(s);
    run("pseudonymise --key " + desks + "/desk.key --source " + s + " " + desks + "/" + s + "/registraties.csv " +
        desks + "/" + s + "/betrokkenen.csv -o " + extracts + "/" + s + ".csv" + (fields ? " --veldcoderingen" : ""));
    run("ingest --db " + db + " --source " + s + " " + extracts + "/" + s + ".csv", {0, 2});
  }
  run("summary --db " + db);
  run("rejects --db " + db + " --out " + dir + "/rejects-export.csv");
  run("link --db " + db);
  run("link-pairs --db " + db + " --min-probability 0 --out " + dir + "/link-pairs.csv");
  run("crossdesk --db " + db + " --out " + dir + "/dwarsverbanden.csv");

  std::set<std::string> vocabulary = Vocabulary();
  {
    // The cross-desk export's measure and category labels (e.g. "3_of_meer") are the platform's words.
    std::istringstream exported(ReadBytes(dir + "/dwarsverbanden.csv"));
    std::string line;
    while (std::getline(exported, line)) {
      std::string labels = line.substr(0, line.find(';', line.find(';') + 1));
      for (const auto& token : Tokens(labels)) vocabulary.insert(token);
    }
  }
  Identities ids;
  for (const char* source : kDeskSources) {
    CollectIdentities(desks + "/" + source + "/betrokkenen.csv", vocabulary, ids);
  }
  ASSERT_GT(ids.name_tokens.size(), 100u) << "the generator produced too few identities to make this test meaningful";
  ASSERT_GT(ids.numbers.size(), 100u);
  ASSERT_GT(ids.dates.size(), 100u);

  // The store: the database file and its WAL.
  for (const auto& entry : fs::directory_iterator(fs::path(db).parent_path())) {
    ExpectNoIdentities(entry.path().string(), ReadBytes(entry.path()), ids, /*binary=*/true);
  }
  for (const auto& entry : fs::directory_iterator(extracts)) {
    if (entry.path().string().find(".rejects.csv") != std::string::npos) continue;  // stays at the desk
    ExpectNoIdentities(entry.path().string(), ReadBytes(entry.path()), ids, /*binary=*/false);
  }
  ExpectNoIdentities("command output", logs, ids, /*binary=*/false);
  ExpectNoIdentities("rejects export", ReadBytes(dir + "/rejects-export.csv"), ids, /*binary=*/false);
  ExpectNoIdentities("link pairs export", ReadBytes(dir + "/link-pairs.csv"), ids, /*binary=*/false);
  ExpectNoIdentities("cross-desk export", ReadBytes(dir + "/dwarsverbanden.csv"), ids, /*binary=*/false);
  ExpectNoIdentities("cross-desk provenance", ReadBytes(dir + "/dwarsverbanden.csv.json"), ids, /*binary=*/false);

  // The field encodings were made: the last column (veldcodering) of most rows holds hundreds of
  // base64 characters.
  ASSERT_EQ(with_fields.size(), 3u);
  for (const std::string& source : with_fields) {
    std::istringstream extract(ReadBytes(extracts + "/" + source + ".csv"));
    size_t rows = 0, encoded = 0;
    for (std::string line; std::getline(extract, line);) {
      if (line.empty() || line[0] == '#') continue;
      ++rows;
      encoded += line.size() - line.rfind(';') > 200;
    }
    EXPECT_GT(encoded, rows / 2) << source;
  }

  // The check can fail: the identified export itself is full of identities.
  std::unordered_set<std::string> export_tokens = Tokens(ReadBytes(desks + "/veilig_thuis/betrokkenen.csv"));
  int found = 0;
  for (const auto& name : ids.name_tokens) found += export_tokens.count(name);
  EXPECT_GT(found, 50);
}

}  // namespace
}  // namespace sz
