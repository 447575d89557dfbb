#include "synth/internal/names.h"

#include <array>
#include <utility>

namespace sz::synth::internal {
namespace {

using Names = std::vector<std::string_view>;

// Dutch given names by cohort (official names; nicknames below).
const Names kNlMaleOld = {"Johannes", "Hendrik", "Gerrit", "Jan", "Cornelis", "Hendrikus", "Gerardus", "Bernardus",
                          "Antonius", "Theodorus", "Wilhelmus", "Jacobus", "Petrus", "Albertus", "Herman", "Adrianus",
                          "Franciscus", "Derk", "Jan Willem", "Lambertus"};
const Names kNlFemaleOld = {"Wilhelmina", "Johanna", "Maria", "Hendrika", "Geertruida", "Gerritdina", "Aleida",
                            "Bernardina", "Catharina", "Elisabeth", "Anna", "Cornelia", "Jacoba", "Adriana",
                            "Theodora", "Janna", "Grada", "Hermina", "Berendina", "Antonia"};
const Names kNlMaleMid = {"Peter", "Jan", "Johannes", "Marco", "Erik", "Martin", "Hans", "Gerard", "Rob", "Henk",
                          "Bert", "Richard", "Edwin", "René", "André", "Ronald", "Frank", "Wim", "Theo", "Dennis"};
const Names kNlFemaleMid = {"Maria", "Monique", "Sandra", "Anja", "Ingrid", "Marjolein", "Petra", "Angelique", "Ria",
                            "Wilma", "Annemarie", "Yvonne", "Marian", "Esther", "Linda", "Miranda", "José", "Ellen",
                            "Hélène", "Carolien"};
const Names kNlMaleYoung = {"Daan", "Sem", "Lucas", "Thijs", "Jesse", "Bram", "Ruben", "Tim", "Niels", "Stijn", "Luuk",
                            "Joost", "Jeroen", "Bas", "Koen", "Thomas", "Mark", "Rick", "Noah", "Milan"};
const Names kNlFemaleYoung = {"Emma", "Julia", "Sophie", "Lotte", "Anouk", "Lisa", "Sanne", "Fleur", "Femke", "Iris",
                              "Eva", "Zoë", "Chloë", "Anaïs", "Loïs", "Noor", "Tess", "Mila", "Roos", "Sara"};
const Names kNlMaleKid = {"Noah", "Sem", "Liam", "Luuk", "Daan", "Levi", "Finn", "Milan", "Mees", "Jens", "Teun",
                          "Guus", "Sam", "Gijs", "Stijn", "Boaz", "Siem", "Jurre", "Olivier", "Thijs"};
const Names kNlFemaleKid = {"Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Nora", "Yara", "Saar", "Lieke", "Evi",
                            "Noor", "Olivia", "Liv", "Fenna", "Isa", "Jaylinn", "Maud", "Nova", "Sara"};

const Names kTrMale = {"Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Emre", "Yusuf", "Murat",
                       "Ömer", "Burak", "Kerem", "Ümit", "Serkan"};
const Names kTrFemale = {"Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Özlem", "Gülsen", "Esra",
                         "Büşra", "Derya", "Sevgi", "Hülya", "Merve"};
const Names kMaMale = {"Mohamed", "Ahmed", "Mustafa", "Youssef", "Said", "Rachid", "Karim", "Hamza", "Bilal", "Ayoub",
                       "Mohammed", "Abdelkader", "Nordin", "Anouar", "Redouan"};
const Names kMaFemale = {"Fatima", "Khadija", "Naima", "Samira", "Malika", "Houda", "Imane", "Salma", "Yasmina",
                         "Nadia", "Hafsa", "Soumaya", "Loubna", "Ikram", "Amal"};
const Names kDeMale = {"Jürgen", "Klaus", "Stefan", "Uwe", "Dieter", "Thomas", "Michael", "Andreas", "Jörg", "Matthias"};
const Names kDeFemale = {"Ursula", "Sabine", "Petra", "Claudia", "Jutta", "Anja", "Kerstin", "Brigitte", "Käthe", "Heike"};
const Names kPlMale = {"Piotr", "Krzysztof", "Tomasz", "Paweł", "Marcin", "Michał", "Łukasz", "Jakub", "Andrzej", "Marek"};
const Names kPlFemale = {"Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Joanna", "Magdalena", "Ewa", "Monika",
                         "Dorota", "Żaneta"};
const Names kOtherMale = {"Ahmad", "Mohammad", "Tesfay", "Daniel", "Minh", "Alejandro", "Dimitri", "Samuel",
                          "Ali", "Omar", "Kofi", "Rahul"};
const Names kOtherFemale = {"Maryam", "Aster", "Senait", "Lina", "Thi", "María", "Olga", "Amira", "Rania", "Aïcha",
                            "Priya", "Luz"};

const Names& Pool(Origin origin, bool female, int birth_year) {
  switch (origin) {
    case Origin::kNl:
      if (birth_year < 1955) return female ? kNlFemaleOld : kNlMaleOld;
      if (birth_year < 1975) return female ? kNlFemaleMid : kNlMaleMid;
      if (birth_year < 2005) return female ? kNlFemaleYoung : kNlMaleYoung;
      return female ? kNlFemaleKid : kNlMaleKid;
    case Origin::kTr: return female ? kTrFemale : kTrMale;
    case Origin::kMa: return female ? kMaFemale : kMaMale;
    case Origin::kDe: return female ? kDeFemale : kDeMale;
    case Origin::kPl: return female ? kPlFemale : kPlMale;
    case Origin::kOther: return female ? kOtherFemale : kOtherMale;
  }
  return kOtherMale;
}

const std::vector<Surname> kNlSurnames = {
    {"de", "Jong"}, {"", "Jansen"}, {"de", "Vries"}, {"van den", "Berg"}, {"van", "Dijk"}, {"", "Bakker"},
    {"", "Visser"}, {"", "Smit"}, {"", "Meijer"}, {"de", "Boer"}, {"", "Mulder"}, {"de", "Groot"}, {"", "Bos"},
    {"", "Vos"}, {"", "Peters"}, {"", "Hendriks"}, {"van", "Leeuwen"}, {"", "Dekker"}, {"", "Brouwer"}, {"de", "Wit"},
    {"", "Dijkstra"}, {"de", "Graaf"}, {"van der", "Meer"}, {"van der", "Linden"}, {"", "Kok"}, {"de", "Haan"},
    {"van den", "Heuvel"}, {"van der", "Veen"}, {"van den", "Broek"}, {"de", "Bruijn"}, {"van der", "Heijden"},
    {"", "Schouten"}, {"van", "Beek"}, {"", "Willems"}, {"van de", "Ven"}, {"", "Hoekstra"}, {"", "Koster"},
    {"ter", "Horst"}, {"ten", "Hove"}, {"ter", "Haar"}, {"ten", "Brinke"}, {"", "Nijhuis"}, {"", "Kamphuis"},
    {"", "Brinkman"}, {"", "Wessels"}, {"", "Lammertink"}, {"", "Assink"}, {"", "Bruggink"}, {"", "Haverkate"},
    {"", "Oude Vrielink"}, {"", "Oude Luttikhuis"}, {"", "Scholten"}, {"", "Morsink"}, {"", "Jansink"},
    {"", "Wolters"}, {"", "Leferink"}, {"", "Schuurman"}, {"", "Rouwhorst"}, {"", "Olthof"}, {"", "Busscher"},
    {"", "Lansink"}, {"", "Reinders"}, {"", "Klein Gunnewiek"}, {"", "Tijhuis"}, {"", "Veldhuis"}, {"", "Eshuis"},
    {"", "Velthuis"}, {"", "Mensink"}, {"", "Hofman"}, {"", "Kampman"}, {"", "Groot Nibbelink"}, {"", "Pots"},
    {"van 't", "Hof"}, {"in 't", "Veld"}, {"", "Ruiterkamp"}, {"", "Kuipers"}, {"", "Smelt"}, {"", "Wiggers"},
    {"", "Hulshof"}, {"", "Tuinman"}, {"", "Leusink"}, {"", "Zwiers"}, {"van der", "Vegt"}, {"", "Averink"},
    {"", "Nijenhuis"}, {"", "Stevens"}, {"van", "Wijk"}, {"", "Hoogland"}, {"", "Jonker"}, {"", "Post"}};
const std::vector<Surname> kTrSurnames = {{"", "Yılmaz"}, {"", "Kaya"}, {"", "Demir"}, {"", "Şahin"}, {"", "Çelik"},
                                          {"", "Yıldız"}, {"", "Öztürk"}, {"", "Aydın"}, {"", "Arslan"}, {"", "Doğan"},
                                          {"", "Koç"}, {"", "Kılıç"}};
const std::vector<Surname> kMaSurnames = {{"el", "Amrani"}, {"", "Bouzid"}, {"el", "Idrissi"}, {"", "Benali"},
                                          {"", "Ouali"}, {"", "Haddou"}, {"el", "Khattabi"}, {"", "Azzouz"},
                                          {"", "Boukhari"}, {"", "Tahiri"}};
const std::vector<Surname> kDeSurnames = {{"", "Müller"}, {"", "Schröder"}, {"", "Schmidt"}, {"", "Meyer"},
                                          {"", "Schulte"}, {"", "Köhler"}, {"", "Becker"}, {"", "Wagner"},
                                          {"von", "Bülow"}, {"", "Hoffmann"}};
const std::vector<Surname> kPlSurnames = {{"", "Kowalski"}, {"", "Nowak"}, {"", "Wiśniewski"}, {"", "Wójcik"},
                                          {"", "Kamiński"}, {"", "Lewandowski"}, {"", "Zieliński"}, {"", "Dąbrowski"}};
const std::vector<Surname> kOtherSurnames = {{"", "Nguyen"}, {"", "Tesfamariam"}, {"", "Haile"}, {"", "Hussein"},
                                             {"", "García"}, {"", "Ivanova"}, {"", "Rahimi"}, {"", "Mensah"},
                                             {"dos", "Santos"}, {"", "Patel"}};

const std::vector<Surname>& Surnames(Origin origin) {
  switch (origin) {
    case Origin::kNl: return kNlSurnames;
    case Origin::kTr: return kTrSurnames;
    case Origin::kMa: return kMaSurnames;
    case Origin::kDe: return kDeSurnames;
    case Origin::kPl: return kPlSurnames;
    case Origin::kOther: return kOtherSurnames;
  }
  return kOtherSurnames;
}

const std::vector<std::pair<std::string_view, Names>> kNicknames = {
    {"Johannes", {"Hans", "Jan", "Joop", "Johan"}}, {"Wilhelmina", {"Mien", "Wil", "Willy", "Mina"}},
    {"Hendrik", {"Henk", "Rik", "Henny"}}, {"Hendrikus", {"Henk", "Hennie", "Rikus"}}, {"Gerrit", {"Gert", "Gerrie"}},
    {"Johanna", {"Anneke", "Jo", "Hanna", "Annie"}}, {"Maria", {"Mieke", "Marja", "Ria", "Mia"}},
    {"Cornelis", {"Kees", "Cor"}}, {"Jacobus", {"Koos", "Jaap", "Co"}}, {"Petrus", {"Piet", "Peter"}},
    {"Adrianus", {"Arie", "Adri", "Janus"}}, {"Geertruida", {"Truus", "Trudy", "Geertje"}},
    {"Hendrika", {"Riek", "Henny", "Rika"}}, {"Antonius", {"Toon", "Ton", "Tonnie"}}, {"Theodorus", {"Theo", "Ruud"}},
    {"Franciscus", {"Frans", "Frank"}}, {"Gerardus", {"Gerard", "Gert", "Geert"}}, {"Bernardus", {"Ben", "Bernard", "Benno"}},
    {"Elisabeth", {"Lies", "Els", "Betty", "Liesbeth"}}, {"Catharina", {"Toos", "Ria", "Karin"}},
    {"Wilhelmus", {"Wim", "Willem", "Pim"}}, {"Albertus", {"Albert", "Bert"}}, {"Lambertus", {"Bert", "Lammert"}},
    {"Gerritdina", {"Dinie", "Dina"}}, {"Bernardina", {"Dina", "Nardy"}}, {"Berendina", {"Dina", "Riet"}},
    {"Aleida", {"Alie", "Leida"}}, {"Cornelia", {"Corrie", "Nel", "Cor"}}, {"Jacoba", {"Coba", "Co"}},
    {"Adriana", {"Janny", "Adrie"}}, {"Antonia", {"Toos", "Toni"}}, {"Hermina", {"Mini", "Herma"}},
    {"Herman", {"Manus", "Herm"}}, {"Theodora", {"Dora", "Thea"}}, {"Anna", {"Annie", "Anneke"}},
    {"Derk", {"Dirk"}}, {"Jan Willem", {"Jan-Willem", "JW"}}, {"Mohamed", {"Mo", "Mohammed"}},
    {"Mustafa", {"Musti"}}, {"Youssef", {"Yusuf", "Joesoef"}}, {"Thomas", {"Tom"}}, {"Richard", {"Rick"}},
    {"Annemarie", {"Anne-Marie", "Annemiek"}}, {"Johan", {"Joop", "Hans"}}, {"Lucas", {"Luuk"}},
    {"Olivier", {"Olly"}}, {"Katarzyna", {"Kasia"}}, {"Małgorzata", {"Gosia"}}, {"Michael", {"Michiel", "Mike"}},
    {"Daniel", {"Danny"}}, {"Isa", {"Isabella"}}, {"Sophie", {"Fie"}}, {"Julia", {"Juul"}}};

const Names kStreets = {
    "Dorpsstraat", "Kerkstraat", "Molenweg", "Haaksbergerstraat", "Oldenzaalsestraat", "Hengelosestraat",
    "Deurningerstraat", "Lipperkerkstraat", "Boddenkampstraat", "Wiedenbroeksweg", "Esweg", "Grotestraat",
    "Marktstraat", "Bornsestraat", "Ootmarsumsestraat", "Lindenlaan", "Eikenlaan", "Berkenlaan", "Beukenlaan",
    "Kastanjelaan", "Wilhelminastraat", "Julianastraat", "Beatrixstraat", "Oranjestraat", "Prins Hendrikstraat",
    "Van Heekstraat", "Ter Horststraat", "Tuinstraat", "Schoolstraat", "Stationsstraat", "Parallelweg",
    "Industrieweg", "Nieuwstraat", "Burgemeester Jansenlaan", "Dr. Schaepmanstraat", "Pastoor Schmeddingstraat",
    "Kloosterstraat", "Veldkampweg", "Broekheurnering", "Wooldriksweg", "Gronausestraat", "Tubantiasingel",
    "Twekkelerweg", "Roombeek", "Ketelhuisplein", "Lasondersingel", "Weerseloseweg", "Kuipersdijk", "Olieslagersweg",
    "Mr. Dr. Ariënsstraat", "Sint Plechelmusstraat", "Vriezenveenseweg", "Rijssensestraat", "Enterweg", "Holterweg",
    "Markeloseweg", "Goorsestraat", "Deldenerstraat", "Langestraat", "'t Stroink", "Het Hoge Veld", "Zonnebloemstraat",
    "Tulpstraat", "Rozenstraat", "Vlinderweg", "Merelstraat", "Lijsterstraat", "Zwaluwstraat", "Hazelaarweg",
    "Esdoornlaan", "Populierenlaan", "Weidestraat", "Akkerstraat", "Heuvelweg", "Bosweg", "Kanaalweg", "Havenstraat",
    "Twentekanaal", "Dinkelweg", "Reggestraat"};

}  // namespace

Origin OriginFromName(std::string_view name) {
  if (name == "nl") return Origin::kNl;
  if (name == "tr") return Origin::kTr;
  if (name == "ma") return Origin::kMa;
  if (name == "de") return Origin::kDe;
  if (name == "pl") return Origin::kPl;
  return Origin::kOther;
}

size_t GivenNameCount(Origin origin, bool female, int birth_year) { return Pool(origin, female, birth_year).size(); }
std::string_view GivenName(Origin origin, bool female, int birth_year, size_t index) {
  const Names& pool = Pool(origin, female, birth_year);
  return pool[index % pool.size()];
}
size_t SurnameCount(Origin origin) { return Surnames(origin).size(); }
Surname SurnameAt(Origin origin, size_t index) {
  const std::vector<Surname>& pool = Surnames(origin);
  return pool[index % pool.size()];
}

std::vector<std::string_view> Nicknames(std::string_view given_name) {
  for (const auto& [formal, informal] : kNicknames) {
    if (formal == given_name) return informal;
  }
  return {};
}

size_t StreetCount() { return kStreets.size(); }
std::string_view StreetAt(size_t index) { return kStreets[index % kStreets.size()]; }

namespace {
// Two-byte UTF-8 sequences (Latin-1 Supplement and Latin Extended-A) that carry a diacritic → base letter.
struct Fold {
  const char* utf8;
  char base;
};
const std::array<Fold, 62> kFolds = {{
    {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ã", 'a'}, {"å", 'a'}, {"ą", 'a'}, {"ç", 'c'}, {"ć", 'c'},
    {"è", 'e'}, {"é", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"ę", 'e'}, {"ğ", 'g'}, {"ì", 'i'}, {"í", 'i'}, {"î", 'i'},
    {"ï", 'i'}, {"ı", 'i'}, {"ł", 'l'}, {"ñ", 'n'}, {"ń", 'n'}, {"ò", 'o'}, {"ó", 'o'}, {"ô", 'o'}, {"ö", 'o'},
    {"õ", 'o'}, {"ş", 's'}, {"ś", 's'}, {"ù", 'u'}, {"ú", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ý", 'y'}, {"ż", 'z'},
    {"ź", 'z'}, {"À", 'A'}, {"Á", 'A'}, {"Ä", 'A'}, {"Ç", 'C'}, {"Č", 'C'}, {"È", 'E'}, {"É", 'E'}, {"Ë", 'E'},
    {"İ", 'I'}, {"Ï", 'I'}, {"Ł", 'L'}, {"Ñ", 'N'}, {"Ö", 'O'}, {"Ó", 'O'}, {"Ş", 'S'}, {"Ś", 'S'}, {"Ü", 'U'},
    {"Ú", 'U'}, {"Ż", 'Z'}, {"Ź", 'Z'}, {"ß", 's'}, {"ø", 'o'}, {"Ø", 'O'}, {"æ", 'a'}, {"œ", 'o'},
}};
}  // namespace

std::string StripDiacritics(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xC0 && i + 1 < text.size()) {
      bool folded = false;
      for (const Fold& fold : kFolds) {
        if (text[i] == fold.utf8[0] && text[i + 1] == fold.utf8[1]) {
          out.push_back(fold.base);
          if (fold.base == 's' && fold.utf8[1] == '\x9f') out.push_back('s');  // ß → ss
          folded = true;
          break;
        }
      }
      if (folded) {
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

bool HasDiacritics(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace sz::synth::internal
