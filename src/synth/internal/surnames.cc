// The surname pools of names.h: per origin a head of real names (ranks 0 … head−1, most common first) and a
// procedurally generated tail of plausible names, built once on first use, and the Zipf laws the
// generator draws ranks with.
//
// Every core name (the name without tussenvoegsel, which is what linkage compares) occurs once per
// pool. A tail is made of two kinds of candidates: composed from real parts (stems and suffixes, given
// names with patronymic endings) — all kept — and, where more names are needed, syllable-built roots with
// the same endings, of which a fixed hash-chosen subset fills the tail up to its size. The tail is then
// put in a fixed hash order, so the common and the rare tail ranks mix all kinds and the order does
// not depend on the alphabet.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>

#include "synth/internal/names.h"

namespace sz::synth::internal {
namespace {

using Parts = std::vector<std::string_view>;

// ---- heads: real names, most common first --------------------------------------------------------

const std::vector<Surname> kNlHead = {
    {"de", "Jong"},       {"", "Jansen"},        {"de", "Vries"},         {"van den", "Berg"},
    {"van", "Dijk"},      {"", "Bakker"},        {"", "Visser"},          {"", "Smit"},
    {"", "Meijer"},       {"de", "Boer"},        {"", "Mulder"},          {"de", "Groot"},
    {"", "Bos"},          {"", "Vos"},           {"", "Peters"},          {"", "Hendriks"},
    {"van", "Leeuwen"},   {"", "Dekker"},        {"", "Brouwer"},         {"de", "Wit"},
    {"", "Dijkstra"},     {"de", "Graaf"},       {"van der", "Meer"},     {"van der", "Linden"},
    {"", "Kok"},          {"de", "Haan"},        {"van den", "Heuvel"},   {"van der", "Veen"},
    {"van den", "Broek"}, {"de", "Bruijn"},      {"van der", "Heijden"},  {"", "Schouten"},
    {"van", "Beek"},      {"", "Willems"},       {"van de", "Ven"},       {"", "Hoekstra"},
    {"", "Koster"},       {"ter", "Horst"},      {"ten", "Hove"},         {"ter", "Haar"},
    {"ten", "Brinke"},    {"", "Nijhuis"},       {"", "Kamphuis"},        {"", "Brinkman"},
    {"", "Wessels"},      {"", "Lammertink"},    {"", "Assink"},          {"", "Bruggink"},
    {"", "Haverkate"},    {"", "Oude Vrielink"}, {"", "Oude Luttikhuis"}, {"", "Scholten"},
    {"", "Morsink"},      {"", "Jansink"},       {"", "Wolters"},         {"", "Leferink"},
    {"", "Schuurman"},    {"", "Rouwhorst"},     {"", "Olthof"},          {"", "Busscher"},
    {"", "Lansink"},      {"", "Reinders"},      {"", "Klein Gunnewiek"}, {"", "Tijhuis"},
    {"", "Veldhuis"},     {"", "Eshuis"},        {"", "Velthuis"},        {"", "Mensink"},
    {"", "Hofman"},       {"", "Kampman"},       {"", "Groot Nibbelink"}, {"", "Pots"},
    {"van 't", "Hof"},    {"in 't", "Veld"},     {"", "Ruiterkamp"},      {"", "Kuipers"},
    {"", "Smelt"},        {"", "Wiggers"},       {"", "Hulshof"},         {"", "Tuinman"},
    {"", "Leusink"},      {"", "Zwiers"},        {"van der", "Vegt"},     {"", "Averink"},
    {"", "Nijenhuis"},    {"", "Stevens"},       {"van", "Wijk"},         {"", "Hoogland"},
    {"", "Jonker"},       {"", "Post"}};
const std::vector<Surname> kTrHead = {{"", "Yılmaz"}, {"", "Kaya"},   {"", "Demir"},  {"", "Şahin"},
                                      {"", "Çelik"},  {"", "Yıldız"}, {"", "Öztürk"}, {"", "Aydın"},
                                      {"", "Arslan"}, {"", "Doğan"},  {"", "Koç"},    {"", "Kılıç"}};
const std::vector<Surname> kMaHead = {{"el", "Amrani"}, {"", "Bouzid"}, {"el", "Idrissi"},  {"", "Benali"},
                                      {"", "Ouali"},    {"", "Haddou"}, {"el", "Khattabi"}, {"", "Azzouz"},
                                      {"", "Boukhari"}, {"", "Tahiri"}};
const std::vector<Surname> kDeHead = {{"", "Müller"},   {"", "Schröder"}, {"", "Schmidt"}, {"", "Meyer"},
                                      {"", "Schulte"},  {"", "Köhler"},   {"", "Becker"},  {"", "Wagner"},
                                      {"von", "Bülow"}, {"", "Hoffmann"}};
const std::vector<Surname> kPlHead = {{"", "Kowalski"}, {"", "Nowak"},       {"", "Wiśniewski"}, {"", "Wójcik"},
                                      {"", "Kamiński"}, {"", "Lewandowski"}, {"", "Zieliński"},  {"", "Dąbrowski"}};
const std::vector<Surname> kOtherHead = {{"", "Nguyen"},    {"", "Tesfamariam"}, {"", "Haile"},  {"", "Hussein"},
                                         {"", "García"},    {"", "Ivanova"},     {"", "Rahimi"}, {"", "Mensah"},
                                         {"dos", "Santos"}, {"", "Patel"}};

// Tail sizes (distinct core names added after the head).
constexpr size_t kNlTail = 235000;
constexpr size_t kTrTail = 6000;
constexpr size_t kMaTail = 5000;
constexpr size_t kDeTail = 3500;
constexpr size_t kPlTail = 5000;
constexpr size_t kOtherTail = 2500;

// ---- helpers ------------------------------------------------------------------------------------

// FNV-1a, 64 bits: a fixed hash of the bytes (std::hash may differ between standard libraries).
uint64_t Fnv1a(std::string_view text, uint64_t salt) {
  uint64_t hash = 0xCBF29CE484222325ULL ^ (salt * 0x9E3779B97F4A7C15ULL);
  for (char ch : text) {
    hash ^= static_cast<unsigned char>(ch);
    hash *= 0x100000001B3ULL;
  }
  hash ^= hash >> 33;
  hash *= 0xFF51AFD7ED558CCDULL;
  return hash ^ (hash >> 33);
}

bool IsVowel(char ch) { return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u' || ch == 'y'; }

// Dutch spelling at a morpheme boundary: a stressed short vowel before one consonant doubles it when
// a vowel follows ("Mol" + "ink" → "Mollink"); unstressed -el/-er/-en do not ("Nibbel" + "ink").
// A final unstressed e gives way to a vowel. Returns "" for a triple letter ("Zee" + "en").
std::string Join(std::string_view left, std::string_view right) {
  std::string out(left);
  if (right.empty() || left.empty()) return out.append(right);
  char last = left.back();
  size_t n = left.size();
  if (n >= 2 && left[n - 2] == last && right.front() == last) return "";
  if (last == 'e' && n >= 2 && left[n - 2] != 'e' && IsVowel(right.front())) {
    out.pop_back();  // "Beuke" + "erink" → "Beukerink", "Eike" + "ink" → "Eikink"
    return out.append(right);
  }
  if (IsVowel(right.front()) && std::string_view("bdfgklmnprst").find(last) != std::string_view::npos && n >= 2 &&
      IsVowel(static_cast<char>(std::tolower(static_cast<unsigned char>(left[n - 2])))) &&
      (n < 3 || !IsVowel(static_cast<char>(std::tolower(static_cast<unsigned char>(left[n - 3]))))) &&
      !(left[n - 2] == 'e' && n > 3)) {
    out.push_back(last);
  }
  return out.append(right);
}

// Substrings that make a generated name an insult or a joke in Dutch, German or English.
bool Offensive(std::string_view name) {
  std::string lower;
  for (char ch : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  for (std::string_view bad : {"lul", "kut", "kak", "poep", "neuk", "hoer", "pis", "sex", "nazi", "kont", "slet",
                               "fuck", "shit", "tering", "kanker", "pik", "scheet", "drol", "hitler"}) {
    if (lower.find(bad) != std::string::npos) return true;
  }
  return false;
}

// "Brunnner", "Stollling": three equal letters in a row.
bool TripleLetter(std::string_view name) {
  for (size_t idx = 2; idx < name.size(); ++idx) {
    if (name[idx] == name[idx - 1] && name[idx] == name[idx - 2]) return true;
  }
  return false;
}

// Collects candidates; every core name once (also against the head).
class TailBuilder {
 public:
  explicit TailBuilder(const std::vector<Surname>& head) {
    seen_.reserve(1 << 19);
    for (const Surname& surname : head) seen_.insert(std::string(surname.name));
  }
  // Composed from real parts: always kept.
  void AddPrimary(std::string_view tussenvoegsel, std::string name) { Add(primary_, tussenvoegsel, std::move(name)); }
  // Syllable-built: a hash-chosen subset is kept.
  void AddFiller(std::string_view tussenvoegsel, std::string name) { Add(filler_, tussenvoegsel, std::move(name)); }

  // The tail of `size` names (fewer if there are not enough candidates), in a fixed hash order.
  std::vector<std::pair<std::string_view, std::string>> Finish(size_t size, uint64_t salt) {
    std::vector<std::pair<std::string_view, std::string>> tail = std::move(primary_);
    if (tail.size() < size) {
      HashOrder(filler_, salt ^ 0xF111);
      size_t take = std::min(size - tail.size(), filler_.size());
      for (size_t idx = 0; idx < take; ++idx) tail.push_back(std::move(filler_[idx]));
    }
    filler_.clear();
    HashOrder(tail, salt);
    if (tail.size() > size) tail.resize(size);
    return tail;
  }

 private:
  // Sorts by a fixed hash of the name (ties, which do not occur in practice, by the name).
  static void HashOrder(std::vector<std::pair<std::string_view, std::string>>& names, uint64_t salt) {
    std::vector<std::pair<uint64_t, size_t>> keys;
    keys.reserve(names.size());
    for (size_t idx = 0; idx < names.size(); ++idx) keys.emplace_back(Fnv1a(names[idx].second, salt), idx);
    std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : names[a.second].second < names[b.second].second;
    });
    std::vector<std::pair<std::string_view, std::string>> sorted;
    sorted.reserve(names.size());
    for (const auto& key : keys) sorted.push_back(std::move(names[key.second]));
    names = std::move(sorted);
  }

  void Add(std::vector<std::pair<std::string_view, std::string>>& into, std::string_view tussenvoegsel,
           std::string name) {
    if (name.size() < 3 || TripleLetter(name) || Offensive(name)) return;
    if (!seen_.insert(name).second) return;
    into.emplace_back(tussenvoegsel, std::move(name));
  }

  std::unordered_set<std::string> seen_;
  std::vector<std::pair<std::string_view, std::string>> primary_;
  std::vector<std::pair<std::string_view, std::string>> filler_;
};

// A deterministic choice among `options` for `key` (weights in whole numbers).
template <typename T>
T Choose(std::string_view key, uint64_t salt, const std::vector<std::pair<T, int>>& options) {
  int total = 0;
  for (const auto& option : options) total += option.second;
  int target = static_cast<int>(Fnv1a(key, salt) % static_cast<uint64_t>(total));
  for (const auto& option : options) {
    target -= option.second;
    if (target < 0) return option.first;
  }
  return options.back().first;
}

std::string Capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}
// Lower-cases the first letter, also the Turkish capitals İ, Ö, Ü, Ç, Ş ("İsmail" → "ismail").
std::string Lowered(std::string_view text) {
  std::string out(text);
  if (out.empty()) return out;
  if (static_cast<unsigned char>(out[0]) < 0x80) {
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
  }
  for (auto [upper, lower] : std::array<std::pair<std::string_view, std::string_view>, 5>{
           {{"İ", "i"}, {"Ö", "ö"}, {"Ü", "ü"}, {"Ç", "ç"}, {"Ş", "ş"}}}) {
    if (out.starts_with(upper)) return std::string(lower) + out.substr(upper.size());
  }
  return out;
}

// ---- Dutch ---------------------------------------------------------------------------------------

// Landscape, farm and object words that Dutch and Twente surnames are made of.
const Parts kNlStems = {
    "Eikel",   "Zand",    "Ooster", "Wester",  "Noorder",  "Zuider",    "Brink",    "Bosch",     "Veld",    "Broek",
    "Berg",    "Dijk",    "Horst",  "Hof",     "Kamp",     "Haar",      "Hul",      "Es",        "Molen",   "Water",
    "Linde",   "Beuke",   "Eike",   "Berken",  "Elzen",    "Wilgen",    "Hazel",    "Hulst",     "Heide",   "Hei",
    "Venne",   "Veen",    "Mors",   "Mars",    "Kolk",     "Beek",      "Meer",     "Sloot",     "Bree",    "Rode",
    "Holt",    "Hout",    "Loo",    "Laar",    "Donk",     "Hooge",     "Lage",     "Nieuwen",   "Olden",   "Groten",
    "Kerk",    "Kloster", "Kapel",  "Steen",   "Klei",     "Leem",      "Riet",     "Gras",      "Koren",   "Rogge",
    "Haver",   "Vlas",    "Hop",    "Appel",   "Peren",    "Kersen",    "Noten",    "Rozen",     "Lelie",   "Bloem",
    "Vogel",   "Hane",    "Valk",   "Kraai",   "Raven",    "Duiven",    "Zwanen",   "Ganzen",    "Ossen",   "Paarden",
    "Schaap",  "Bokken",  "Vossen", "Wolf",    "Beren",    "Herten",    "Hazen",    "Mole",      "Stroink", "Brug",
    "Dam",     "Wiel",    "Goor",   "Diep",    "Stegge",   "Voorde",    "Weide",    "Akker",     "Esch",    "Dinkel",
    "Regge",   "Hengel",  "Boek",   "Lutte",   "Ruiter",   "Schutte",   "Scholte",  "Meule",     "Kuiper",  "Smeden",
    "Timmer",  "Wever",   "Bakker", "Visser",  "Schipper", "Herder",    "Koster",   "Brouwer",   "Mulder",  "Kolder",
    "Hoek",    "Spiker",  "Pol",    "Nij",     "Oude",     "Klooster",  "Wolters",  "Hemmel",    "Elshof",  "Rouw",
    "Vrie",    "Lammer",  "Wessel", "Arend",   "Gerrit",   "Harm",      "Evert",    "Berend",    "Roelof",  "Hendrik",
    "Lubbert", "Geert",   "Derk",   "Egbert",  "Tonnis",   "Wolter",    "Albert",   "Beltman",   "Borgh",   "Kate",
    "Zomer",   "Winter",  "Morgen", "Avond",   "Zon",      "Maan",      "Ster",     "Witte",     "Zwarte",  "Roode",
    "Groene",  "Blauw",   "Grote",  "Kleine",  "Lange",    "Korte",     "Hoge",     "Dikke",     "Oost",    "West",
    "Noord",   "Zuid",    "Midden", "Boven",   "Neder",    "Achter",    "Voor",     "Over",      "Holter",  "Ootmar",
    "Delden",  "Borne",   "Losser", "Rijssen", "Almelo",   "Tubbergen", "Denekamp", "Haaksberg", "Enschede"};
// Place endings: these take a tussenvoegsel ("van Oosterveld", "ter Eikelhorst") or none.
const Parts kNlPlaceEnds = {"veld",   "berg", "dijk",  "beek", "broek", "bosch", "hoek",  "hage",  "hove",   "voort",
                            "wijk",   "dam",  "laar",  "loo",  "sloot", "weerd", "meer",  "burg",  "rode",   "donk",
                            "heuvel", "hout", "holt",  "kolk", "wal",   "weide", "akker", "horst", "kamp",   "brink",
                            "hof",    "haar", "stede", "hul",  "venne", "enk",   "es",    "dorp",  "huizen", "bergen"};
// Farm and person endings: bare, or with Oude/Groot/Klein in the name (Twente: "Oude Vrielink").
const Parts kNlFarmEnds = {"ink",   "ing",   "huis", "kamp",  "man",    "hof",  "horst", "kate", "wiek",  "link",
                           "erink", "elink", "beld", "brink", "meijer", "mans", "er",    "ers",  "kotte", "haar"};
// Frisian and Groningen endings.
const Parts kNlFrisianEnds = {"stra", "sma", "inga", "enga", "ma", "ga", "sta", "tsma", "ema", "ster"};
// Given names (old forms) for patronymics.
const Parts kNlPatronymRoots = {
    "Gerrit",  "Hendrik", "Harm",    "Jan",     "Evert",    "Albert",  "Lammert",  "Derk",     "Dirk",    "Willem",
    "Wessel",  "Berend",  "Geert",   "Roelof",  "Reinder",  "Klaas",   "Pieter",   "Cornelis", "Teunis",  "Arend",
    "Aart",    "Gijs",    "Joost",   "Maarten", "Thijs",    "Wouter",  "Hein",     "Egbert",   "Herman",  "Hendrikus",
    "Wolter",  "Lubbert", "Tonnis",  "Jurrien", "Freerk",   "Sijbren", "Hidde",    "Jelle",    "Sjoerd",  "Tjeerd",
    "Wiebe",   "Douwe",   "Folkert", "Hessel",  "Ids",      "Jacob",   "Claas",    "Adriaan",  "Martijn", "Gerard",
    "Bernard", "Ewold",   "Gosse",   "Hielke",  "Jouke",    "Lieuwe",  "Meindert", "Otte",     "Rein",    "Siebe",
    "Taeke",   "Ulbe",    "Wigger",  "Ebbe",    "Fokke",    "Goossen", "Hulder",   "Janus",    "Luitjen", "Mannes",
    "Nijs",    "Rutger",  "Steven",  "Tijmen",  "Wijnand",  "Zweer",   "Ane",      "Bouke",    "Dooitze", "Eelke",
    "Feike",   "Gerben",  "Harmen",  "Jelte",   "Kornelis", "Lolke",   "Minne",    "Oene",     "Pier",    "Rinse",
    "Sake",    "Tiete",   "Wybren",  "Anne",    "Barend",   "Coen",    "Diederik", "Elbert",   "Floris",  "Govert",
    "Huib",    "Izaak",   "Jochem",  "Kees",    "Leendert", "Mathijs", "Niek",     "Olivier",  "Paul",    "Rijk",
    "Simon",   "Toon",    "Ubbo",    "Vincent", "Wijtze"};
const Parts kNlPatronymEnds = {"s", "se", "sen", "sz", "ens", "ink", "ing", "ma", "stra", "inga", "sma", "kamp"};
// Occupations and descriptions: "de Wever", "Timmerman".
const Parts kNlOccupations = {
    "Wever",    "Timmer",       "Smid",        "Kuiper",    "Molenaar",   "Schipper",    "Herder",       "Schaper",
    "Kramer",   "Koopman",      "Snijder",     "Metselaar", "Verver",     "Slager",      "Boer",         "Knecht",
    "Ridder",   "Schout",       "Schepen",     "Voogd",     "Bode",       "Mester",      "Zager",        "Draaier",
    "Ketelaar", "Pottenbakker", "Glazenmaker", "Leidekker", "Rietdekker", "Wagenaar",    "Voerman",      "Jager",
    "Visscher", "Vinke",        "Haan",        "Kraan",     "Reiger",     "Mees",        "Spreeuw",      "Koekoek",
    "Lange",    "Korte",        "Kleine",      "Rijke",     "Arme",       "Goede",       "Blijde",       "Stoute",
    "Vroede",   "Wijze",        "Zwart",       "Rood",      "Bruin",      "Blaauw",      "Geel",         "Graauw",
    "Vriend",   "Buur",         "Gast",        "Heer",      "Paap",       "Monnik",      "Koning",       "Keizer",
    "Prins",    "Graaf",        "Hertog",      "Baron",     "Vorst",      "Beuker",      "Bleeker",      "Brander",
    "Decker",   "Dorsman",      "Gieter",      "Hekman",    "Hooijer",    "Klomp",       "Kolenbrander", "Leerlooier",
    "Maaijer",  "Ploeger",      "Raadman",     "Roerdink",  "Spinner",    "Steenbakker", "Tichelaar",    "Turfsteker",
    "Veenstra", "Vlasman",      "Zeilmaker",   "Zoutman",   "Houtman",    "Klokman"};

const std::vector<std::pair<std::string_view, int>> kNlPlaceTussenvoegsels = {
    {"", 40},  {"van", 18},   {"van de", 6}, {"van den", 7}, {"van der", 6}, {"ter", 7},    {"ten", 6},
    {"te", 2}, {"van 't", 2}, {"in 't", 2},  {"op de", 1},   {"uit de", 1},  {"aan de", 1}, {"bij de", 1}};
const std::vector<std::pair<std::string_view, int>> kNlFarmPrefixes = {
    {"", 86}, {"Oude ", 4}, {"Groot ", 3}, {"Klein ", 3}, {"Olde ", 2}, {"Lutke ", 1}, {"Nijen ", 1}};

// Syllables for the filler roots.
const Parts kNlOnsets = {"B", "Bl", "Br", "D",   "Dr", "G",  "Gr", "H",  "J", "K",  "Kl", "Kr", "L", "M",  "N",
                         "P", "R",  "S",  "Sch", "Sl", "Sm", "Sn", "St", "T", "Tr", "V",  "Vr", "W", "Wr", "Z"};
const Parts kNlShortVowels = {"a", "e", "i", "o", "u"};
const Parts kNlLongVowels = {"aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ij", "ou"};
const Parts kNlShortCodas = {"k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "lk", "lm", "lt",  "ld", "nk", "nd",
                             "ng", "nt", "rk", "rm", "rn", "rt", "rd", "rs", "st", "ch", "cht", "ft", "ks", "mp"};
const Parts kNlLongCodas = {"k", "l", "m", "n", "p", "r", "s", "t", "d", "rd", "ld", "nd", "rs", "st"};
const Parts kNlLinkers = {"", "e", "el", "er", "en"};

std::vector<std::string> NlFillerRoots() {
  std::vector<std::string> roots;
  auto add = [&](std::string_view onset, std::string_view vowel, std::string_view coda) {
    // No "Drarr", "Blelt": a liquid in the onset is not repeated in the coda.
    for (char liquid : {'r', 'l'}) {
      if (onset.find(liquid) != std::string_view::npos && coda.find(liquid) != std::string_view::npos) return;
    }
    roots.push_back(std::string(onset) + std::string(vowel) + std::string(coda));
  };
  for (std::string_view onset : kNlOnsets) {
    for (std::string_view vowel : kNlShortVowels) {
      for (std::string_view coda : kNlShortCodas) add(onset, vowel, coda);
    }
    for (std::string_view vowel : kNlLongVowels) {
      for (std::string_view coda : kNlLongCodas) add(onset, vowel, coda);
    }
  }
  return roots;
}

void BuildNl(TailBuilder& builder) {
  auto place = [&](std::string name, bool primary) {
    std::string_view tv = Choose<std::string_view>(name, 11, kNlPlaceTussenvoegsels);
    if (primary) {
      builder.AddPrimary(tv, std::move(name));
    } else {
      builder.AddFiller(tv, std::move(name));
    }
  };
  auto farm = [&](std::string name, bool primary) {
    std::string_view prefix = Choose<std::string_view>(name, 12, kNlFarmPrefixes);
    std::string full = std::string(prefix) + name;
    if (primary) {
      builder.AddPrimary("", std::move(full));
    } else {
      builder.AddFiller("", std::move(full));
    }
  };
  for (std::string_view stem : kNlStems) {
    for (std::string_view end : kNlPlaceEnds) place(Join(stem, end), true);
    for (std::string_view end : kNlFarmEnds) farm(Join(stem, end), true);
    for (std::string_view end : kNlFrisianEnds) builder.AddPrimary("", Join(stem, end));
  }
  for (std::string_view root : kNlPatronymRoots) {
    for (std::string_view end : kNlPatronymEnds) {
      if (root.back() == 's' && end.front() == 's') continue;  // "Cornelis" + "s"
      builder.AddPrimary("", Join(root, end));
    }
  }
  for (std::string_view word : kNlOccupations) {
    builder.AddPrimary(Choose<std::string_view>(word, 13, {{"", 2}, {"de", 3}}), std::string(word));
    builder.AddPrimary("", Join(word, "s"));
    builder.AddPrimary("", Join(word, "man"));
  }
  // Filler: per root and linker three farm endings and three place endings, chosen by hash (all
  // combinations would be 1.7 million candidates and slow the first use down for nothing).
  static const Parts kFillerPlaceEnds = {"veld",  "berg", "dijk",  "beek", "broek", "hoek", "horst", "kamp",
                                         "brink", "hof",  "voort", "wijk", "laar",  "loo",  "donk",  "holt"};
  auto pick = [](const Parts& ends, std::string_view key, uint64_t salt, size_t k) {
    Parts picked;
    size_t start = static_cast<size_t>(Fnv1a(key, salt) % ends.size());
    for (size_t idx = 0; idx < k; ++idx) picked.push_back(ends[(start + idx * 7) % ends.size()]);
    return picked;
  };
  for (const std::string& root : NlFillerRoots()) {
    for (std::string_view linker : kNlLinkers) {
      std::string base = linker.empty() ? root : Join(root, linker);
      if (base.empty()) continue;
      for (std::string_view end : pick(kNlFarmEnds, base, 14, 3)) {
        // "Dilke" + "ink" is written "Dilkink"; "Bolmel" + "er" is not a name.
        if (IsVowel(end.front()) && linker == "e") continue;
        if (!linker.empty() && (end == "er" || end == "ers" || end == "erink" || end == "elink")) continue;
        farm(Join(base, end), false);
      }
      for (std::string_view end : pick(kFillerPlaceEnds, base, 15, 3)) place(Join(base, end), false);
    }
    std::string_view frisian = pick(Parts{"stra", "sma", "inga", "ma"}, root, 16, 1).front();
    builder.AddFiller("", Join(root, frisian));
  }
}

// ---- Turkish -------------------------------------------------------------------------------------

const Parts kTrFirst = {
    "Kara",   "Ak",     "Öz",     "Yıl",     "Gül",   "Ay",     "Demir",  "Çelik", "Taş",   "Kılıç",   "Er",
    "Bal",    "Kaya",   "Yıldız", "Şen",     "Tun",   "Can",    "Koç",    "Al",    "Bay",   "Gök",     "Uz",
    "Ateş",   "Türk",   "Arslan", "Kurt",    "Yurt",  "Sarı",   "Boz",    "Bulut", "Deniz", "Dağ",     "Doğan",
    "Erdem",  "Güler",  "Güneş",  "Işık",    "Kar",   "Keskin", "Ok",     "Oral",  "Önal",  "Sağ",     "Sevim",
    "Tekin",  "Toprak", "Uçar",   "Ünal",    "Yavuz", "Yeşil",  "Yüce",   "Altın", "Baş",   "Bek",     "Çak",
    "Dur",    "Ekin",   "Elmas",  "Eren",    "Gür",   "İnce",   "Kal",    "Kan",   "Kır",   "Kök",     "Mert",
    "Polat",  "Sezer",  "Şahin",  "Tan",     "Tok",   "Uysal",  "Yalçın", "Yiğit", "Aslan", "Bozkurt", "Çift",
    "Durmuş", "Gökçe",  "Karaca", "Kocaman", "Özkan", "Sönmez", "Tatlı"};
const Parts kTrSecond = {"türk",  "maz",   "kaya",  "oğlu",  "can",   "han",  "er",   "dağ",  "taş",    "soy",
                         "el",    "demir", "ay",    "yürek", "baş",   "su",   "göz",  "ok",   "kan",    "tekin",
                         "doğan", "yiğit", "kurt",  "bey",   "alp",   "tepe", "ağaç", "gün",  "yıldız", "yol",
                         "men",   "ışık",  "bulut", "ateş",  "kılıç", "gül",  "dal",  "dere", "ova",    "tan",
                         "bilek", "ekin",  "pınar", "koç",   "aslan", "in",   "can",  "lı"};
const Parts kTrGivenRoots = {"Ahmet",    "Mehmet", "Ali",   "Hasan",    "Hüseyin", "Mustafa", "Osman", "İbrahim",
                             "Halil",    "Yusuf",  "Ömer",  "Süleyman", "Ramazan", "Kemal",   "Recep", "İsmail",
                             "Abdullah", "Hakkı",  "Rıza",  "Salih",    "Selim",   "Cemal",   "Hamdi", "Musa",
                             "Veli",     "Hacı",   "Emin",  "Şükrü",    "Bekir",   "Yakup",   "Murat", "Orhan",
                             "Nuri",     "Tahir",  "Fikri", "Remzi",    "Necip",   "Sabri"};
const Parts kTrOccupations = {"Demirci", "Kalaycı",    "Terzi",    "Çoban",   "Aşçı",     "Kasap",   "Berber",
                              "Bakkal",  "Değirmenci", "Dokumacı", "Kuyumcu", "Marangoz", "Nalbant", "Sarraf",
                              "Tüccar",  "Yazıcı",     "Çiftçi",   "Kahveci", "Boyacı",   "Eskici"};

void BuildTr(TailBuilder& builder) {
  for (std::string_view first : kTrFirst) {
    for (std::string_view second : kTrSecond) builder.AddPrimary("", std::string(first) + std::string(second));
  }
  for (std::string_view given : kTrGivenRoots) {
    builder.AddPrimary("", std::string(given) + "oğlu");
    builder.AddPrimary("", std::string(given) + "can");
    builder.AddPrimary("", std::string(given));
  }
  for (std::string_view word : kTrOccupations) {
    builder.AddPrimary("", std::string(word));
    builder.AddPrimary("", std::string(word) + "oğlu");
  }
  for (std::string_view first : kTrFirst) {
    for (std::string_view given : kTrGivenRoots) builder.AddFiller("", std::string(first) + Lowered(given) + "oğlu");
  }
}

// ---- Moroccan ------------------------------------------------------------------------------------

const Parts kMaNisbaBases = {"Amran",  "Idriss", "Khattab", "Tahir",  "Zian",   "Fass",  "Alam", "Hamd",    "Haddad",
                             "Jabr",   "Karim",  "Mans",    "Mourab", "Nass",   "Ouazz", "Rahm", "Sadk",    "Sal",
                             "Yazid",  "Zahr",   "Bakk",    "Chak",   "Dahm",   "Fark",  "Ghaz", "Hajj",    "Jamal",
                             "Kabb",   "Lahm",   "Majd",    "Nour",   "Rachd",  "Saad",  "Tahr", "Wahb",    "Yous",
                             "Zerh",   "Azz",    "Charf",   "Fadl",   "Hassan", "Kasm",  "Lamr", "Mahd",    "Naj",
                             "Ouahab", "Rab",    "Sabr",    "Talb",   "Yahy",   "Zaou",  "Bekk", "Darkaou", "Ghoul",
                             "Hadr",   "Jellal", "Kharb",   "Mekk",   "Rif",    "Sous",  "Tanj", "Warr"};
const Parts kMaNisbaEnds = {"i", "aoui", "ouni", "ani", "ari", "ini"};
const Parts kMaRoots = {
    "ali",   "haddou",  "moussa",  "aissa",  "yahya",   "abdellah", "brahim",  "hamou",   "said",   "omar",    "salah",
    "taleb", "jelloun", "kirane",  "mimoun", "zian",    "azza",     "jemaa",   "allal",   "chaib",  "kacem",   "lahcen",
    "hmad",  "driss",   "hassan",  "khalil", "mansour", "nasser",   "rachid",  "salem",   "tahar",  "yassin",  "zaid",
    "abbou", "addi",    "bakr",    "daoud",  "farhat",  "ghali",    "hachem",  "issa",    "jaafar", "karroum", "larbi",
    "malek", "najib",   "ouakrim", "rahhal", "sellam",  "tayeb",    "youssef", "zouhair", "amar",   "belkacem"};
const Parts kMaOnsets = {"B", "D", "F", "H", "J", "K", "Kh", "L", "M", "N", "R", "S", "T", "Z", "Ch", "Gh"};
const Parts kMaVowels = {"a", "e", "ou"};
const Parts kMaDoubles = {"bb", "dd", "ff", "kk", "ll", "mm", "nn", "rr", "ss", "tt", "zz"};
const Parts kMaEnds = {"ou", "ach", "ouch", "ani", "aoui", "ouni", "ari", "i", "a", "ati", "ioui", "ouz", "ane"};

void BuildMa(TailBuilder& builder) {
  for (std::string_view base : kMaNisbaBases) {
    for (std::string_view end : kMaNisbaEnds) {
      std::string name = std::string(base) + std::string(end);
      builder.AddPrimary(Choose<std::string_view>(name, 21, {{"", 3}, {"el", 2}}), std::move(name));
    }
  }
  for (std::string_view root : kMaRoots) {
    builder.AddPrimary("", "Ben" + std::string(root));
    builder.AddPrimary("", "Bou" + std::string(root));
    builder.AddPrimary("", "Ait " + Capitalised(std::string(root)));
    builder.AddPrimary("", "Ou" + std::string(root));
    builder.AddPrimary("", Capitalised(std::string(root)));
  }
  for (std::string_view onset : kMaOnsets) {
    for (std::string_view vowel : kMaVowels) {
      for (std::string_view middle : kMaDoubles) {
        for (std::string_view end : kMaEnds) {
          std::string name = std::string(onset) + std::string(vowel) + std::string(middle) + std::string(end);
          builder.AddFiller(Choose<std::string_view>(name, 22, {{"", 4}, {"el", 1}}), std::move(name));
        }
      }
    }
  }
}

// ---- German --------------------------------------------------------------------------------------

const Parts kDeFirst = {
    "Stein",  "Berg",    "Wald",    "Feld",   "Horn",   "Linden", "Rosen",  "Eichen", "Birken", "Sonnen", "Winter",
    "Sommer", "Schwarz", "Weiß",    "Grün",   "Roth",   "Klein",  "Groß",   "Neu",    "Alt",    "Hoch",   "Lang",
    "Kurz",   "Hof",     "Brand",   "Kirch",  "Mühl",   "Bach",   "Fisch",  "Vogel",  "Wolf",   "Fuchs",  "Hahn",
    "Beck",   "Kra",     "Ober",    "Unter",  "Nieder", "Heide",  "Busch",  "Dorn",   "Eisen",  "Gold",   "Silber",
    "Kupfer", "Blum",    "Baum",    "Hart",   "Weiden", "Haber",  "Korn",   "Brück",  "Burg",   "Mohr",   "Lehm",
    "Sand",   "Moor",    "Brunn",   "Schön",  "Frei",   "Wies",   "Espen",  "Tannen", "Buchen", "Hasel",  "Erlen",
    "Kessel", "Schnee",  "Lerchen", "Finken", "Adler",  "Hirsch", "Ochsen", "Stoll",  "Ritter", "Keller", "Müller",
    "Meier",  "Schul",   "Vogt",    "Hüb",    "Köh",    "Bühl",   "Röder",  "Lüde",   "Möl",    "Nöl"};
const Parts kDeSecond = {"mann",  "er",     "berg",  "feld",   "stein",    "bach",   "hoff",  "meier", "meyer",
                         "hauer", "brink",  "kamp",  "dorf",   "hausen",   "haus",   "ling",  "burg",  "wald",
                         "thal",  "hagen",  "horst", "beck",   "mayer",    "ner",    "inger", "brock", "kötter",
                         "wede",  "kemper", "bruch", "hübner", "schläger", "macher", "bauer", "graf"};
const Parts kDeOccupations = {
    "Schneider", "Fischer", "Weber",    "Schulz",   "Wagner",     "Bauer",   "Koch",    "Richter",  "Klein",
    "Wolf",      "Schäfer", "Neumann",  "Schwarz",  "Zimmermann", "Braun",   "Krüger",  "Hofmann",  "Hartmann",
    "Lange",     "Schmitt", "Werner",   "Schmitz",  "Krause",     "Meier",   "Lehmann", "Schmid",   "Schulze",
    "Maier",     "Köhler",  "Herrmann", "König",    "Walter",     "Mayer",   "Huber",   "Kaiser",   "Fuchs",
    "Peters",    "Lang",    "Scholz",   "Möller",   "Weiß",       "Jung",    "Hahn",    "Schubert", "Vogel",
    "Friedrich", "Keller",  "Günther",  "Frank",    "Berger",     "Winkler", "Roth",    "Beck",     "Lorenz",
    "Baumann",   "Franke",  "Albrecht", "Schuster", "Simon",      "Ludwig"};

void BuildDe(TailBuilder& builder) {
  for (std::string_view word : kDeOccupations) builder.AddPrimary("", std::string(word));
  for (std::string_view first : kDeFirst) {
    for (std::string_view second : kDeSecond) {
      std::string name = std::string(first) + std::string(second);
      bool place = second == "berg" || second == "feld" || second == "thal" || second == "burg" || second == "hausen" ||
                   second == "dorf" || second == "bach" || second == "wald";
      std::string_view tv = place ? Choose<std::string_view>(name, 31, {{"", 10}, {"von", 2}, {"vom", 1}}) : "";
      builder.AddPrimary(tv, std::move(name));
    }
  }
  for (std::string_view first : kDeFirst) {
    for (std::string_view end : {"ert", "ke", "ing", "s", "el", "le", "mann"}) {
      builder.AddFiller("", std::string(first) + std::string(end));
    }
  }
}

// ---- Polish --------------------------------------------------------------------------------------

const Parts kPlRoots = {"Adam",  "Bart",    "Bogdan", "Borkow", "Brzez",  "Chmiel", "Cies",  "Czarn",   "Dąb",
                        "Dud",   "Dziedz",  "Gaj",    "Głow",   "Górn",   "Grab",   "Grzyb", "Jabłoń",  "Jank",
                        "Jasin", "Kaczmar", "Kalin",  "Kasprz", "Kozł",   "Krawc",  "Kruk",  "Kub",     "Kwiatk",
                        "Lis",   "Maj",     "Malin",  "Mazur",  "Michal", "Mróz",   "Nowic", "Olsz",    "Orzeł",
                        "Pawl",  "Piotr",   "Rutk",   "Sadow",  "Sawic",  "Sikor",  "Sob",   "Sokoł",   "Stęp",
                        "Szew",  "Szym",    "Tomasz", "Urban",  "Walcz",  "Wilk",   "Witk",  "Wojc",    "Wróbl",
                        "Zając", "Zawadz",  "Żuk",    "Baran",  "Cich",   "Dziub",  "Filip", "Gołęb",   "Hryn",
                        "Jakub", "Kowal",   "Marcin", "Nowak",  "Pietrz", "Rog",    "Stach", "Wieczor", "Błasz",
                        "Czer",  "Gór",     "Kras",   "Mich",   "Ziel",   "Kozak",  "Sowa",  "Lach"};
const Parts kPlEnds = {"ski", "cki", "ewicz", "owicz", "czyk",  "ak",    "ek",   "ik",
                       "uk",  "iak", "owski", "ewski", "iński", "yński", "czak", "ecki"};
const Parts kPlOnsets = {"B", "Ch", "Cz", "D", "Dz", "G",  "Gr", "J", "K", "Kr", "Ł", "L", "M",
                         "N", "P",  "Pr", "R", "S",  "Sz", "St", "T", "W", "Wr", "Z", "Ż", "Zb"};
const Parts kPlVowels = {"a", "e", "i", "o", "u", "ó", "ę", "ą", "y"};
const Parts kPlCodas = {"b", "ch", "cz", "d", "k", "l", "ł", "m", "n", "p", "r", "s", "sz", "t", "w", "z", "ż", "rz"};

// Polish root + ending: "Jabłoń" + "owski" → "Jabłoniowski", "Sowa" + "iński" → "Sowiński"; "" for
// clashes such as "Wojc" + "czyk".
std::string PlJoin(std::string_view root, std::string_view end) {
  std::string out(root);
  bool vowel_end = IsVowel(end.front()) || end.starts_with("ó");
  if (out.ends_with("ń")) {
    out.resize(out.size() - std::string_view("ń").size());
    out += vowel_end ? "ni" : "ń";
  } else if (IsVowel(out.back()) && vowel_end) {
    out.pop_back();
  } else if ((out.back() == 'c' || out.back() == 'z') && end.front() == 'c') {
    return "";
  } else if (out.back() == 'k' && end.front() == 'k') {
    return "";
  } else if ((out.back() == 's' || out.back() == 'z' || out.ends_with("ż")) && end.front() == 's') {
    return "";  // "Dzys" + "ski"
  }
  return out.append(end);
}

void BuildPl(TailBuilder& builder) {
  for (std::string_view root : kPlRoots) {
    for (std::string_view end : kPlEnds) builder.AddPrimary("", PlJoin(root, end));
  }
  for (std::string_view onset : kPlOnsets) {
    for (std::string_view vowel : kPlVowels) {
      if (vowel == "y" && (onset == "K" || onset == "G" || onset == "J")) continue;  // not Polish spelling
      for (std::string_view coda : kPlCodas) {
        for (std::string_view end : {"ski", "cki", "owicz", "czyk", "ak", "ek", "owski", "iński", "iak"}) {
          builder.AddFiller("", PlJoin(std::string(onset) + std::string(vowel) + std::string(coda), end));
        }
      }
    }
  }
}

// ---- other origins -------------------------------------------------------------------------------

const Parts kSpanish = {
    "García",  "Rodríguez", "González", "Fernández", "López",     "Martínez", "Sánchez", "Pérez",   "Gómez",
    "Martín",  "Jiménez",   "Ruiz",     "Hernández", "Díaz",      "Moreno",   "Muñoz",   "Álvarez", "Romero",
    "Alonso",  "Gutiérrez", "Navarro",  "Torres",    "Domínguez", "Vázquez",  "Ramos",   "Gil",     "Ramírez",
    "Serrano", "Blanco",    "Molina",   "Morales",   "Suárez",    "Ortega",   "Delgado", "Castro",  "Ortiz",
    "Rubio",   "Marín",     "Sanz",     "Núñez",     "Iglesias",  "Medina",   "Garrido", "Cortés",  "Castillo",
    "Santos",  "Lozano",    "Guerrero", "Cano",      "Prieto"};
const Parts kEritreanFirst = {"Gebre",    "Tesfa",   "Haile",   "Wolde",   "Kidane", "Berhane", "Ghebre", "Habte",
                              "Tekle",    "Mehari",  "Asmerom", "Yemane",  "Zere",   "Kiflom",  "Hagos",  "Fitsum",
                              "Mebrahtu", "Negassi", "Tsegay",  "Amanuel", "Weldu",  "Mesfin",  "Abraha", "Goitom"};
const Parts kEritreanSecond = {"mariam", "mikael", "selassie",  "giorgis", "medhin", "yesus",   "kristos",
                               "hiwet",  "tsion",  "egziabher", "ab",      "ezgi",   "gabriel", "yohannes"};
const Parts kArabic = {"Hassan", "Ahmad",  "Ali",    "Khalil",  "Ibrahim", "Mahmoud", "Saleh",    "Youssef",
                       "Omar",   "Hamad",  "Nasser", "Jaber",   "Haddad",  "Khatib",  "Masri",    "Halabi",
                       "Shami",  "Homsi",  "Zoubi",  "Rifai",   "Hamwi",   "Aswad",   "Abdullah", "Mohammad",
                       "Issa",   "Moussa", "Sayed",  "Sheikh",  "Hamid",   "Jasim",   "Kurdi",    "Najjar",
                       "Tamimi", "Qasim",  "Rahman", "Ghanem",  "Darwish", "Sabbagh", "Dabbagh",  "Hariri",
                       "Obeid",  "Salem",  "Fares",  "Mansour", "Kassem",  "Hallak"};
const Parts kHindustaniEnds = {"din",   "saran",  "lal",    "charan", "kisoen", "dhan",  "nath",     "prasad", "sahai",
                               "autar", "bali",   "dien",   "tahal",  "sing",   "dajal", "khelawan", "soekh",  "adhin",
                               "roep",  "narain", "persad", "dat",    "raj",    "sewak", "pal"};
const Parts kHindustaniStarts = {"Ram", "Jag", "Mahab", "Sita", "Kalloe", "Bis",  "Chan", "Dew",
                                 "Gan", "Har", "Kis",   "Lach", "Moh",    "Ragh", "Shiw"};
const Parts kRussianRoots = {"Ivan",  "Petr",     "Smirn",  "Kuznets", "Pop",    "Sokol",   "Lebed",
                             "Kozl",  "Novik",    "Moroz",  "Volk",    "Zaits",  "Pavl",    "Semen",
                             "Golub", "Vinograd", "Bogdan", "Vorob",   "Fedor",  "Mikhail", "Taras",
                             "Orl",   "Andre",    "Makar",  "Nikit",   "Zakhar", "Belous",  "Karp"};
const Parts kRussianEnds = {"ov", "ova", "ev", "eva", "in", "ina", "enko", "uk", "chuk"};
const Parts kVarious = {
    "Tran",       "Le",        "Pham",      "Hoang",        "Phan",       "Vu",       "Dang",         "Bui",
    "Do",         "Ho",        "Ngo",       "Duong",        "Ly",         "Wang",     "Li",           "Zhang",
    "Chen",       "Liu",       "Yang",      "Huang",        "Zhao",       "Wu",       "Zhou",         "Xu",
    "Sun",        "Ma",        "Zhu",       "Hu",           "Guo",        "Lin",      "He",           "Gao",
    "Luo",        "Zheng",     "Abdi",      "Mohamud",      "Warsame",    "Farah",    "Jama",         "Osman",
    "Yusuf",      "Hirsi",     "Aden",      "Dahir",        "Egal",       "Nur",      "Boateng",      "Owusu",
    "Asante",     "Osei",      "Agyeman",   "Appiah",       "Adjei",      "Darko",    "Amoah",        "Ofori",
    "Acheampong", "Sarpong",   "Singh",     "Kumar",        "Sharma",     "Shah",     "Gupta",        "Mehta",
    "Reddy",      "Iyer",      "Nair",      "Rao",          "Joshi",      "Desai",    "Latumahina",   "Pattinama",
    "Tuhumury",   "Sahetapy",  "Wattimena", "Pattipeilohy", "Leuwol",     "Tahapary", "Martina",      "Isenia",
    "Wijngaarde", "Pinas",     "Dap",       "Doekhi",       "Zschuschen", "Karimi",   "Ahmadi",       "Hosseini",
    "Mohammadi",  "Rezaei",    "Jafari",    "Akbari",       "Sadeghi",    "Yilma",    "Bekele",       "Tadesse",
    "Girma",      "Alemu",     "Kebede",    "Silva",        "Ferreira",   "Costa",    "Oliveira",     "Pereira",
    "Rossi",      "Russo",     "Ferrari",   "Esposito",     "Bianchi",    "Romano",   "Papadopoulos", "Georgiou",
    "Nikolaou",   "Popescu",   "Ionescu",   "Horváth",      "Nagy",       "Kovács",   "Novák",        "Dvořák",
    "Petrović",   "Jovanović", "Hodžić",    "Begić",        "Kovačević",  "Murphy",   "Kelly",        "Smith",
    "Jones",      "Brown"};

void BuildOther(TailBuilder& builder) {
  for (std::string_view name : kVarious) builder.AddPrimary("", std::string(name));
  for (std::string_view first : kEritreanFirst) {
    builder.AddPrimary("", std::string(first));
    for (std::string_view second : kEritreanSecond) builder.AddPrimary("", std::string(first) + std::string(second));
  }
  for (std::string_view name : kArabic) {
    builder.AddPrimary("", "Al " + std::string(name));
    builder.AddPrimary("", "Abu " + std::string(name));
    builder.AddPrimary("", std::string(name));
  }
  for (std::string_view start : kHindustaniStarts) {
    for (std::string_view end : kHindustaniEnds) builder.AddPrimary("", std::string(start) + std::string(end));
  }
  for (std::string_view root : kRussianRoots) {
    for (std::string_view end : kRussianEnds) builder.AddPrimary("", std::string(root) + std::string(end));
  }
  for (std::string_view name : kSpanish) builder.AddPrimary("", std::string(name));
  for (std::string_view first : kSpanish) {
    for (std::string_view second : kSpanish) {
      if (first != second) builder.AddFiller("", std::string(first) + " " + std::string(second));
    }
  }
}

// ---- the pools ---------------------------------------------------------------------------------

struct SurnamePool {
  std::vector<std::string> storage;  // the tail's names; never changed after `names` points into it
  std::vector<Surname> names;        // head, then tail
  ZipfWithOffset law{1, 1, 1};
};

struct PoolSpec {
  const std::vector<Surname>* head;
  void (*build)(TailBuilder&);
  size_t tail;
  double offset;
  double exponent;
};

// Laws (zipf.h), chosen for the shares in docs/synthetic-twente.md "Persons and households":
// Dutch: de Jong ≈ 0.5%, top 10 ≈ 3.6%, Σp² ≈ 3e-4 (the Nederlandse Familienamenbank of the Meertens Instituut has
// de Jong at about 0.5% of residents and the ten most common surnames at about 3.5%). Turkish: Yılmaz ≈ 2%. Others: the
// most common ≈ 1.2%.
PoolSpec Spec(Origin origin) {
  switch (origin) {
    case Origin::kNl: return {&kNlHead, BuildNl, kNlTail, 8.0, 0.85};
    case Origin::kTr: return {&kTrHead, BuildTr, kTrTail, 5.0, 0.9};
    case Origin::kMa: return {&kMaHead, BuildMa, kMaTail, 10.0, 0.9};
    case Origin::kDe: return {&kDeHead, BuildDe, kDeTail, 10.0, 0.9};
    case Origin::kPl: return {&kPlHead, BuildPl, kPlTail, 10.0, 0.9};
    case Origin::kOther: break;
  }
  return {&kOtherHead, BuildOther, kOtherTail, 10.0, 0.9};
}

std::unique_ptr<SurnamePool> BuildPool(Origin origin) {
  PoolSpec spec = Spec(origin);
  auto pool = std::make_unique<SurnamePool>();
  TailBuilder builder(*spec.head);
  spec.build(builder);
  std::vector<std::pair<std::string_view, std::string>> tail =
      builder.Finish(spec.tail, 0x5A3E + static_cast<uint64_t>(origin));
  pool->storage.reserve(tail.size());
  for (auto& [tussenvoegsel, name] : tail) pool->storage.push_back(std::move(name));
  pool->names = *spec.head;
  pool->names.reserve(spec.head->size() + tail.size());
  for (size_t idx = 0; idx < tail.size(); ++idx) pool->names.push_back({tail[idx].first, pool->storage[idx]});
  pool->law = ZipfWithOffset(pool->names.size(), spec.offset, spec.exponent);
  return pool;
}

// Built on first use (thread-safe static initialisation), kept for the life of the process.
const SurnamePool& Pool(Origin origin) {
  static const std::array<std::unique_ptr<SurnamePool>, kOriginCount> pools = [] {
    std::array<std::unique_ptr<SurnamePool>, kOriginCount> built;
    for (int idx = 0; idx < kOriginCount; ++idx) built[idx] = BuildPool(static_cast<Origin>(idx));
    return built;
  }();
  return *pools[static_cast<size_t>(origin)];
}

}  // namespace

size_t SurnameCount(Origin origin) { return Pool(origin).names.size(); }
size_t SurnameHeadCount(Origin origin) { return Spec(origin).head->size(); }
Surname SurnameAt(Origin origin, size_t index) {
  const std::vector<Surname>& names = Pool(origin).names;
  return names[index % names.size()];
}
const ZipfWithOffset& SurnameLaw(Origin origin) { return Pool(origin).law; }
size_t DrawSurname(Origin origin, Rng& rng) { return SurnameLaw(origin).Rank(rng.Uniform()); }

}  // namespace sz::synth::internal
