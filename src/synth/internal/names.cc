#include "synth/internal/names.h"

#include <array>
#include <utility>

namespace sz::synth::internal {
namespace {

using Names = std::vector<std::string_view>;

// Given names by cohort and sex, most common first (official names as the BRP registers them; the
// roepnamen and nicknames desks write are below). The older cohorts are Catholic Twente: formal Latin
// forms (Johannes, Gerardus, Hendrika) dominate, the most common holding close to one in twelve.
// No name may also be a word the store or the command output contains for another reason ("Floor" is
// SQL's floor()): tests/cli/privacy_leak_test.cc would rightly report it as a leaked identity.
const Names kNlMaleOld = {
    "Johannes",     "Hendrik",    "Gerrit",     "Jan",       "Cornelis",   "Hendrikus",  "Gerardus",   "Bernardus",
    "Antonius",     "Theodorus",  "Wilhelmus",  "Jacobus",   "Petrus",     "Albertus",   "Herman",     "Adrianus",
    "Franciscus",   "Derk",       "Jan Willem", "Lambertus", "Gerhardus",  "Hermanus",   "Everhardus", "Engelbertus",
    "Henricus",     "Josephus",   "Martinus",   "Nicolaas",  "Pieter",     "Willem",     "Dirk",       "Klaas",
    "Arend",        "Berend",     "Evert",      "Harm",      "Egbert",     "Roelof",     "Reinier",    "Jacob",
    "Fredericus",   "Aloysius",   "Leonardus",  "Ludovicus", "Marinus",    "Matheus",    "Paulus",     "Stephanus",
    "Alphonsus",    "Augustinus", "Godefridus", "Hubertus",  "Ignatius",   "Benedictus", "Albert",     "Arnoldus",
    "Bartholomeus", "Dinand",     "Gradus",     "Hein",      "Frederik",   "Lucas",      "Joseph",     "Andreas",
    "Wessel",       "Lubbertus",  "Tonnis",     "Jurriaan",  "Christiaan", "Dominicus",  "Eduard",     "Gijsbertus",
    "Jozef",        "Laurentius", "Mattheus",   "Otto",      "Rudolphus",  "Simon",      "Valentinus", "Wolter"};
const Names kNlFemaleOld = {
    "Maria",     "Johanna",   "Wilhelmina", "Hendrika",  "Geertruida", "Gerritdina", "Aleida",    "Bernardina",
    "Catharina", "Elisabeth", "Anna",       "Cornelia",  "Jacoba",     "Adriana",    "Theodora",  "Janna",
    "Grada",     "Hermina",   "Berendina",  "Antonia",   "Gerharda",   "Everdina",   "Hendrina",  "Gesina",
    "Fenna",     "Aaltje",    "Geertje",    "Jantje",    "Trijntje",   "Dina",       "Engelina",  "Frederika",
    "Helena",    "Josephina", "Margaretha", "Theresia",  "Francisca",  "Petronella", "Christina", "Bernarda",
    "Gerarda",   "Hermanna",  "Lamberta",   "Alberdina", "Jozefa",     "Martina",    "Agnes",     "Cecilia",
    "Louisa",    "Sophia",    "Clara",      "Dirkje",    "Mathilda",   "Regina",     "Rosalia",   "Susanna",
    "Jacomina",  "Albertha",  "Arendina",   "Egberdina", "Harmina",    "Lubbertha",  "Willemina", "Alida",
    "Bertha",    "Dora",      "Emma",       "Gerdina",   "Hilligje",   "Ida",        "Lena",      "Minna",
    "Neeltje",   "Paulina",   "Riek",       "Stijntje",  "Tonia",      "Wilhelmien", "Aleid",     "Bernadette"};
const Names kNlMaleMid = {
    "Peter",  "Jan",     "Johannes", "Marco",    "Erik",      "Martin",    "Hans",   "Gerard", "Rob",     "Henk",
    "Bert",   "Richard", "Edwin",    "René",     "André",     "Ronald",    "Frank",  "Wim",    "Theo",    "Dennis",
    "Johan",  "Hendrik", "Gerrit",   "Willem",   "Jos",       "Ton",       "Kees",   "Paul",   "Ruud",    "Ad",
    "Harry",  "Marcel",  "Arjan",    "Patrick",  "Michel",    "Robert",    "John",   "Remco",  "Wilco",   "Rudi",
    "Gert",   "Herman",  "Bernard",  "Albert",   "Antoon",    "Leo",       "Evert",  "Harm",   "Frans",   "Jacques",
    "Huub",   "Fred",    "Gerben",   "Jaap",     "Klaas",     "Piet",      "Pieter", "Dirk",   "Raymond", "Roy",
    "Hennie", "Benno",   "Gerardus", "Antonius", "Bernardus", "Alexander", "Arnold", "Bart",   "Erwin",   "Eric",
    "Guido",  "Hugo",    "Ivo",      "Jeroen",   "Joop",      "Jurgen",    "Karel",  "Leon",   "Maarten", "Marc"};
const Names kNlFemaleMid = {
    "Maria",  "Monique",   "Sandra",   "Anja",      "Ingrid",     "Marjolein", "Petra",   "Angelique", "Ria",
    "Wilma",  "Annemarie", "Yvonne",   "Marian",    "Esther",     "Linda",     "Miranda", "José",      "Ellen",
    "Hélène", "Carolien",  "Johanna",  "Anna",      "Elisabeth",  "Hendrika",  "Gerda",   "Marja",     "Marianne",
    "Karin",  "Saskia",    "Jolanda",  "Mariska",   "Bianca",     "Patricia",  "Diana",   "Natasja",   "Brigitte",
    "Ilse",   "Marieke",   "Annet",    "Anita",     "Janny",      "Riet",      "Truus",   "Tineke",    "Joke",
    "Irene",  "Liesbeth",  "Margriet", "Henriëtte", "Astrid",     "Martine",   "Manon",   "Carla",     "Corry",
    "Erna",   "Gonny",     "Hilde",    "Inge",      "Jacqueline", "Lia",       "Mirjam",  "Nicole",    "Renate",
    "Simone", "Thea",      "Trudy",    "Yolanda",   "Ans",        "Anneke",    "Dinie",   "Hanneke",   "Miriam",
    "Agnes",  "Christa",   "Désirée",  "Els",       "Greet",      "Jeanette",  "Lidwien", "Mieke"};
const Names kNlMaleYoung = {
    "Thomas",  "Tim",    "Mark",       "Kevin",     "Dennis",  "Jeroen",   "Bas",     "Niels",  "Rick",  "Sander",
    "Martijn", "Stijn",  "Koen",       "Ruben",     "Bram",    "Joost",    "Mike",    "Robin",  "Nick",  "Wouter",
    "Jesse",   "Thijs",  "Luuk",       "Daan",      "Sem",     "Lucas",    "Noah",    "Milan",  "Jordy", "Pim",
    "Jasper",  "Sven",   "Joris",      "Maarten",   "Michiel", "Arjen",    "Roel",    "Roy",    "Tom",   "Max",
    "Lars",    "Jelle",  "Gijs",       "Jorn",      "Yannick", "Mitchell", "Vincent", "Wesley", "Ramon", "Bart",
    "Erwin",   "Sjoerd", "Daniël",     "Jeffrey",   "Stefan",  "Wessel",   "Hidde",   "Timo",   "Twan",  "Frank",
    "Rob",     "Johan",  "Remco",      "Rutger",    "Niek",    "Jens",     "Dion",    "Glenn",  "Marc",  "Menno",
    "Floris",  "Casper", "Christiaan", "Alexander", "Laurens", "Johannes", "Dirk",    "Teun",   "Tijs",  "Olaf"};
const Names kNlFemaleYoung = {
    "Laura",   "Lisa",   "Anne",    "Kim",     "Sanne",    "Iris",      "Linda",    "Femke",   "Anouk",     "Manon",
    "Marloes", "Maria",  "Esther",  "Eva",     "Emma",     "Julia",     "Sophie",   "Lotte",   "Fleur",     "Zoë",
    "Chloë",   "Anaïs",  "Loïs",    "Noor",    "Tess",     "Mila",      "Roos",     "Sara",    "Esmee",     "Nina",
    "Inge",    "Sharon", "Kelly",   "Melissa", "Daniëlle", "Chantal",   "Nicole",   "Jessica", "Bianca",    "Maartje",
    "Marieke", "Eline",  "Jolien",  "Suzanne", "Amber",    "Demi",      "Britt",    "Romy",    "Kirsten",   "Charlotte",
    "Ilse",    "Naomi",  "Rianne",  "Denise",  "Wendy",    "Mandy",     "Lieke",    "Merel",   "Marit",     "Joyce",
    "Janine",  "Mirthe", "Evelien", "Hester",  "Judith",   "Karlijn",   "Lianne",   "Maaike",  "Nienke",    "Nathalie",
    "Renske",  "Sabine", "Sylvia",  "Vera",    "Johanna",  "Elisabeth", "Annelies", "Marleen", "Stephanie", "Tamara"};
const Names kNlMaleKid = {"Noah",    "Sem",   "Liam",   "Luuk",     "Daan",   "Levi",   "Finn",  "Milan",  "Mees",
                          "Jens",    "Teun",  "Guus",   "Sam",      "Gijs",   "Stijn",  "Boaz",  "Siem",   "Jurre",
                          "Olivier", "Thijs", "Lucas",  "Bram",     "Julian", "Thomas", "Ruben", "Tim",    "Lars",
                          "Jesse",   "Max",   "Hugo",   "Tijn",     "Jayden", "Dex",    "Sven",  "Mats",   "Ties",
                          "Floris",  "Owen",  "Adam",   "Noud",     "Ryan",   "Dean",   "Cas",   "Vince",  "Hidde",
                          "Mick",    "Niek",  "Kai",    "Benjamin", "James",  "Lenn",   "Stan",  "Morris", "Sepp",
                          "Tygo",    "Jip",   "Pepijn", "Timo",     "Wout",   "Mason",  "David", "Abel",   "Quinn",
                          "Raf",     "Bo",    "Daniël", "Joep",     "Koen",   "Rens",   "Roan",  "Luca",   "Jack",
                          "Mohamed", "Ilyas", "Hamza",  "Johannes", "Willem", "Jan",    "Otis",  "Ravi"};
const Names kNlFemaleKid = {"Emma",   "Julia",   "Mila",  "Tess",   "Sophie",   "Zoë",   "Nora",    "Yara",    "Saar",
                            "Lieke",  "Evi",     "Noor",  "Olivia", "Liv",      "Fenna", "Isa",     "Jaylinn", "Maud",
                            "Nova",   "Sara",    "Anna",  "Lotte",  "Fleur",    "Lisa",  "Eva",     "Lynn",    "Liz",
                            "Esmee",  "Amy",     "Fenne", "Lina",   "Elin",     "Femke", "Noa",     "Puck",    "Zara",
                            "Yfke",   "Luna",    "Roos",  "Sanne",  "Ivy",      "Jill",  "Julie",   "Lana",    "Lauren",
                            "Maja",   "Mare",    "Nina",  "Romy",   "Sophia",   "Vera",  "Veerle",  "Anouk",   "Emily",
                            "Hailey", "Jasmijn", "Joy",   "Lara",   "Madelief", "Mirre", "Rosalie", "Sofie",   "Suze",
                            "Tara",   "Benthe",  "Fay",   "Hannah", "Isabel",   "Lise",  "Merel",   "Noortje", "Loïs",
                            "Chloé",  "Zoey",    "Ella",  "Mia",    "Maria",    "Elisa", "Senna",   "Sterre"};

const Names kTrMale = {"Mehmet",  "Mustafa", "Ahmet",    "Ali",    "Hüseyin", "Hasan",    "İbrahim", "Emre",
                       "Yusuf",   "Murat",   "Ömer",     "Burak",  "Kerem",   "Ümit",     "Serkan",  "Osman",
                       "Ramazan", "Halil",   "Süleyman", "İsmail", "Recep",   "Abdullah", "Kemal",   "Fatih",
                       "Hakan",   "Erkan",   "Volkan",   "Tolga",  "Cem",     "Can",      "Berkay",  "Enes",
                       "Furkan",  "Arda",    "Eren",     "Yiğit",  "Onur",    "Oğuz",     "Orhan",   "Salih",
                       "Selim",   "Sinan",   "Uğur",     "Yasin",  "Gökhan",  "Levent",   "Metin",   "Cengiz"};
const Names kTrFemale = {"Fatma", "Ayşe",   "Emine",  "Hatice", "Zeynep",  "Elif",  "Meryem", "Özlem",  "Gülsen",
                         "Esra",  "Büşra",  "Derya",  "Sevgi",  "Hülya",   "Merve", "Sultan", "Hanife", "Havva",
                         "Gülay", "Nurten", "Serpil", "Songül", "Dilek",   "Sibel", "Nur",    "Aylin",  "Ebru",
                         "Gizem", "Kübra",  "Seda",   "Tuba",   "Yasemin", "Zehra", "Şeyma",  "Rabia",  "Ecrin",
                         "Defne", "Asya",   "Azra",   "Nisa",   "Melek",   "Hacer", "Saliha", "Cansu",  "Burcu"};
const Names kMaMale = {"Mohamed",  "Ahmed",      "Mustafa",  "Youssef",    "Said",    "Rachid", "Karim",    "Hamza",
                       "Bilal",    "Ayoub",      "Mohammed", "Abdelkader", "Nordin",  "Anouar", "Redouan",  "Abdelaziz",
                       "Abdellah", "Abderrahim", "Driss",    "Hassan",     "Hicham",  "Ilias",  "Ismail",   "Jamal",
                       "Khalid",   "Mimoun",     "Mourad",   "Nabil",      "Omar",    "Othman", "Soufiane", "Tarik",
                       "Yassine",  "Zakaria",    "Adam",     "Amine",      "Anas",    "Ayman",  "Brahim",   "Hakim",
                       "Ibrahim",  "Mehdi",      "Samir",    "Younes",     "Abdelhak"};
const Names kMaFemale = {"Fatima",  "Khadija",  "Naima",   "Samira",  "Malika", "Houda",   "Imane", "Salma",  "Yasmina",
                         "Nadia",   "Hafsa",    "Soumaya", "Loubna",  "Ikram",  "Amal",    "Aicha", "Zineb",  "Zohra",
                         "Rachida", "Latifa",   "Hanane",  "Karima",  "Meriem", "Nora",    "Sara",  "Sanae",  "Siham",
                         "Souad",   "Wafa",     "Yasmine", "Ilham",   "Hayat",  "Hajar",   "Asmae", "Chaima", "Douae",
                         "Fadoua",  "Ghizlane", "Hind",    "Kaoutar", "Layla",  "Nisrine", "Rkia",  "Sabah",  "Touria"};
const Names kDeMale = {"Jürgen",  "Klaus",       "Stefan",   "Uwe",        "Dieter", "Thomas",  "Michael",
                       "Andreas", "Jörg",        "Matthias", "Wolfgang",   "Peter",  "Frank",   "Hans",
                       "Werner",  "Günter",      "Manfred",  "Helmut",     "Karl",   "Heinz",   "Rainer",
                       "Bernd",   "Ralf",        "Markus",   "Christian",  "Tobias", "Florian", "Sebastian",
                       "Lukas",   "Jonas",       "Felix",    "Maximilian", "Leon",   "Paul",    "Horst",
                       "Gerhard", "Hans-Jürgen", "Dirk",     "Sven",       "Björn"};
const Names kDeFemale = {"Ursula",  "Sabine",  "Petra",   "Claudia", "Jutta",    "Anja",      "Kerstin",  "Brigitte",
                         "Käthe",   "Heike",   "Monika",  "Renate",  "Gabriele", "Christa",   "Gisela",   "Ingrid",
                         "Helga",   "Karin",   "Susanne", "Birgit",  "Andrea",   "Nicole",    "Stefanie", "Julia",
                         "Katrin",  "Anna",    "Lena",    "Lea",     "Marie",    "Sophie",    "Hannah",   "Jana",
                         "Jessica", "Melanie", "Sandra",  "Doris",   "Erika",    "Hildegard", "Martina",  "Bärbel"};
const Names kPlMale = {"Piotr",    "Krzysztof",  "Tomasz",   "Paweł",    "Marcin", "Michał",    "Łukasz",
                       "Jakub",    "Andrzej",    "Marek",    "Adam",     "Jan",    "Stanisław", "Wojciech",
                       "Grzegorz", "Mariusz",    "Dariusz",  "Rafał",    "Kamil",  "Mateusz",   "Bartosz",
                       "Dawid",    "Przemysław", "Sławomir", "Zbigniew", "Jerzy",  "Tadeusz",   "Kazimierz",
                       "Robert",   "Sebastian",  "Szymon",   "Wiktor",   "Filip",  "Damian",    "Artur",
                       "Adrian",   "Patryk",     "Karol",    "Maciej",   "Józef"};
const Names kPlFemale = {"Anna",    "Katarzyna", "Małgorzata", "Agnieszka", "Joanna",   "Magdalena", "Ewa",
                         "Monika",  "Dorota",    "Żaneta",     "Barbara",   "Elżbieta", "Krystyna",  "Zofia",
                         "Teresa",  "Jadwiga",   "Danuta",     "Halina",    "Irena",    "Beata",     "Aleksandra",
                         "Natalia", "Marta",     "Justyna",    "Karolina",  "Paulina",  "Weronika",  "Zuzanna",
                         "Julia",   "Maja",      "Alicja",     "Wiktoria",  "Iwona",    "Renata",    "Grażyna",
                         "Sylwia",  "Edyta",     "Kinga",      "Aneta",     "Urszula"};
const Names kOtherMale = {"Ahmad",  "Mohammad", "Tesfay", "Daniel",   "Minh",   "Alejandro", "Dimitri",
                          "Samuel", "Ali",      "Omar",   "Kofi",     "Rahul",  "Abdi",      "Yonas",
                          "Dawit",  "Habtom",   "Mehari", "Filmon",   "Robel",  "Samir",     "Khaled",
                          "Hassan", "Mahmoud",  "Ahmed",  "Karim",    "Juan",   "Carlos",    "José",
                          "Luis",   "Giorgi",   "Sergei", "Vladimir", "Andrei", "Ivan",      "Arjun",
                          "Vijay",  "Raj",      "Kwame",  "Emmanuel", "Joseph", "Tuan",      "Huy"};
const Names kOtherFemale = {
    "Maryam", "Aster",  "Senait", "Lina",    "Thi",    "María",    "Olga",    "Amira",     "Rania", "Aïcha", "Priya",
    "Luz",    "Hiba",   "Nour",   "Sara",    "Yasmin", "Selam",    "Helen",   "Feven",     "Lidya", "Saba",  "Ana",
    "Carmen", "Lucía",  "Sofía",  "Natalia", "Irina",  "Svetlana", "Tatiana", "Anastasia", "Linh",  "Lan",   "Hoa",
    "Anjali", "Sunita", "Akosua", "Ama",     "Grace",  "Esther",   "Mariam",  "Hawa",      "Amina"};

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

// Offsets of the given-name laws (exponent 1, zipf.h), chosen so that the most common name holds about
// 7.9% of the cohort born before 1955 (Johannes, Maria), 4.5% of 1955–1974, 2.8% of 1975–2004 and 2.3% of
// 2005 and later, and about 8.5% of a non-Dutch origin's pool (Mehmet, Mohamed): of the order of the top
// names in the Nederlandse Voornamenbank (Meertens Instituut), not fitted to it.
constexpr double kOldOffset = 4, kMidOffset = 10, kYoungOffset = 25, kKidOffset = 40, kOtherOffset = 5;

const ZipfWithOffset& Law(const Names& pool) {
  // One law per pool, built on first use (thread-safe static initialisation).
  static const std::vector<std::pair<const Names*, ZipfWithOffset>> laws = [] {
    std::vector<std::pair<const Names*, ZipfWithOffset>> built;
    auto add = [&](const Names& names, double law_offset) {
      built.emplace_back(&names, ZipfWithOffset(names.size(), law_offset, 1.0));
    };
    add(kNlMaleOld, kOldOffset), add(kNlFemaleOld, kOldOffset), add(kNlMaleMid, kMidOffset);
    add(kNlFemaleMid, kMidOffset), add(kNlMaleYoung, kYoungOffset), add(kNlFemaleYoung, kYoungOffset);
    add(kNlMaleKid, kKidOffset), add(kNlFemaleKid, kKidOffset);
    for (const Names* names : {&kTrMale, &kTrFemale, &kMaMale, &kMaFemale, &kDeMale, &kDeFemale, &kPlMale, &kPlFemale,
                               &kOtherMale, &kOtherFemale}) {
      add(*names, kOtherOffset);
    }
    return built;
  }();
  for (const auto& [names, law] : laws) {
    if (names == &pool) return law;
  }
  return laws.back().second;  // not reached: every pool has a law
}

const std::vector<std::pair<std::string_view, Names>> kNicknames = {
    {"Johannes", {"Hans", "Jan", "Joop", "Johan"}},
    {"Wilhelmina", {"Mien", "Wil", "Willy", "Mina"}},
    {"Hendrik", {"Henk", "Rik", "Henny"}},
    {"Hendrikus", {"Henk", "Hennie", "Rikus"}},
    {"Gerrit", {"Gert", "Gerrie"}},
    {"Johanna", {"Anneke", "Jo", "Hanna", "Annie"}},
    {"Maria", {"Mieke", "Marja", "Ria", "Mia"}},
    {"Cornelis", {"Kees", "Cor"}},
    {"Jacobus", {"Koos", "Jaap", "Co"}},
    {"Petrus", {"Piet", "Peter"}},
    {"Adrianus", {"Arie", "Adri", "Janus"}},
    {"Geertruida", {"Truus", "Trudy", "Geertje"}},
    {"Hendrika", {"Riek", "Henny", "Rika"}},
    {"Antonius", {"Toon", "Ton", "Tonnie"}},
    {"Theodorus", {"Theo", "Ruud"}},
    {"Franciscus", {"Frans", "Frank"}},
    {"Gerardus", {"Gerard", "Gert", "Geert"}},
    {"Bernardus", {"Ben", "Bernard", "Benno"}},
    {"Elisabeth", {"Lies", "Els", "Betty", "Liesbeth"}},
    {"Catharina", {"Toos", "Ria", "Karin"}},
    {"Wilhelmus", {"Wim", "Willem", "Pim"}},
    {"Albertus", {"Albert", "Bert"}},
    {"Lambertus", {"Bert", "Lammert"}},
    {"Gerritdina", {"Dinie", "Dina"}},
    {"Bernardina", {"Dina", "Nardy"}},
    {"Berendina", {"Dina", "Riet"}},
    {"Aleida", {"Alie", "Leida"}},
    {"Cornelia", {"Corrie", "Nel", "Cor"}},
    {"Jacoba", {"Coba", "Co"}},
    {"Adriana", {"Janny", "Adrie"}},
    {"Antonia", {"Toos", "Toni"}},
    {"Hermina", {"Mini", "Herma"}},
    {"Herman", {"Manus", "Herm"}},
    {"Theodora", {"Dora", "Thea"}},
    {"Anna", {"Annie", "Anneke"}},
    {"Derk", {"Dirk"}},
    {"Jan Willem", {"Jan-Willem", "JW"}},
    {"Mohamed", {"Mo", "Mohammed"}},
    {"Mustafa", {"Musti"}},
    {"Youssef", {"Yusuf", "Joesoef"}},
    {"Thomas", {"Tom"}},
    {"Richard", {"Rick"}},
    {"Annemarie", {"Anne-Marie", "Annemiek"}},
    {"Johan", {"Joop", "Hans"}},
    {"Lucas", {"Luuk"}},
    {"Olivier", {"Olly"}},
    {"Katarzyna", {"Kasia"}},
    {"Małgorzata", {"Gosia"}},
    {"Michael", {"Michiel", "Mike"}},
    {"Daniel", {"Danny"}},
    {"Isa", {"Isabella"}},
    {"Sophie", {"Fie"}},
    {"Julia", {"Juul"}},
    // Formal names of the larger pools.
    {"Everhardus", {"Evert", "Eef"}},
    {"Engelbertus", {"Bert", "Engel"}},
    {"Gerhardus", {"Gert", "Gerard", "Gerrit"}},
    {"Hermanus", {"Herman", "Manus"}},
    {"Henricus", {"Henk", "Rik", "Harrie"}},
    {"Josephus", {"Jos", "Sjef", "Joop"}},
    {"Martinus", {"Martin", "Tinus"}},
    {"Nicolaas", {"Klaas", "Niek", "Nico"}},
    {"Leonardus", {"Leo", "Leon"}},
    {"Marinus", {"Rinus", "Rien"}},
    {"Matheus", {"Theo", "Thijs"}},
    {"Paulus", {"Paul"}},
    {"Stephanus", {"Stef"}},
    {"Hubertus", {"Huub", "Bert"}},
    {"Fredericus", {"Frits", "Fred"}},
    {"Ludovicus", {"Louis", "Lodewijk"}},
    {"Aloysius", {"Louis", "Wies"}},
    {"Godefridus", {"Frits", "Godfried"}},
    {"Alphonsus", {"Fons"}},
    {"Augustinus", {"Guus", "Stijn"}},
    {"Arnoldus", {"Arnold", "Noud"}},
    {"Bartholomeus", {"Bart", "Mees"}},
    {"Gijsbertus", {"Gijs", "Bert"}},
    {"Laurentius", {"Laurens", "Lau"}},
    {"Rudolphus", {"Ruud", "Dolf"}},
    {"Lubbertus", {"Bert", "Lubbert"}},
    {"Christiaan", {"Chris"}},
    {"Alexander", {"Alex", "Sander"}},
    {"Everdina", {"Dini", "Eef"}},
    {"Gerharda", {"Gerda"}},
    {"Hendrina", {"Riek", "Dien"}},
    {"Gesina", {"Sien"}},
    {"Margaretha", {"Greet", "Margriet", "Grietje", "Gré"}},
    {"Petronella", {"Nel", "Nelleke", "Pietje"}},
    {"Josephina", {"Fien", "José"}},
    {"Theresia", {"Tres", "Resie"}},
    {"Francisca", {"Cis", "Sjaan"}},
    {"Christina", {"Stien", "Tineke"}},
    {"Helena", {"Leny", "Heleen"}},
    {"Frederika", {"Rika", "Frieda"}},
    {"Jacomina", {"Mien", "Co"}},
    {"Susanna", {"Suus", "Sanne"}},
    {"Martina", {"Tiny", "Tineke"}},
    {"Mathilda", {"Tilly", "Til"}},
    {"Alberdina", {"Dina", "Berdien"}},
    {"Egberdina", {"Dina", "Berdien"}},
    {"Arendina", {"Dina", "Ina"}},
    {"Willemina", {"Mien", "Wil"}},
    {"Cecilia", {"Cilia", "Cil"}},
    {"Albertha", {"Bertha", "Bep"}},
    {"Harmina", {"Mina", "Mientje"}}};

const Names kStreets = {"Dorpsstraat",
                        "Kerkstraat",
                        "Molenweg",
                        "Haaksbergerstraat",
                        "Oldenzaalsestraat",
                        "Hengelosestraat",
                        "Deurningerstraat",
                        "Lipperkerkstraat",
                        "Boddenkampstraat",
                        "Wiedenbroeksweg",
                        "Esweg",
                        "Grotestraat",
                        "Marktstraat",
                        "Bornsestraat",
                        "Ootmarsumsestraat",
                        "Lindenlaan",
                        "Eikenlaan",
                        "Berkenlaan",
                        "Beukenlaan",
                        "Kastanjelaan",
                        "Wilhelminastraat",
                        "Julianastraat",
                        "Beatrixstraat",
                        "Oranjestraat",
                        "Prins Hendrikstraat",
                        "Van Heekstraat",
                        "Ter Horststraat",
                        "Tuinstraat",
                        "Schoolstraat",
                        "Stationsstraat",
                        "Parallelweg",
                        "Industrieweg",
                        "Nieuwstraat",
                        "Burgemeester Jansenlaan",
                        "Dr. Schaepmanstraat",
                        "Pastoor Schmeddingstraat",
                        "Kloosterstraat",
                        "Veldkampweg",
                        "Broekheurnering",
                        "Wooldriksweg",
                        "Gronausestraat",
                        "Tubantiasingel",
                        "Twekkelerweg",
                        "Roombeek",
                        "Ketelhuisplein",
                        "Lasondersingel",
                        "Weerseloseweg",
                        "Kuipersdijk",
                        "Olieslagersweg",
                        "Mr. Dr. Ariënsstraat",
                        "Sint Plechelmusstraat",
                        "Vriezenveenseweg",
                        "Rijssensestraat",
                        "Enterweg",
                        "Holterweg",
                        "Markeloseweg",
                        "Goorsestraat",
                        "Deldenerstraat",
                        "Langestraat",
                        "'t Stroink",
                        "Het Hoge Veld",
                        "Zonnebloemstraat",
                        "Tulpstraat",
                        "Rozenstraat",
                        "Vlinderweg",
                        "Merelstraat",
                        "Lijsterstraat",
                        "Zwaluwstraat",
                        "Hazelaarweg",
                        "Esdoornlaan",
                        "Populierenlaan",
                        "Weidestraat",
                        "Akkerstraat",
                        "Heuvelweg",
                        "Bosweg",
                        "Kanaalweg",
                        "Havenstraat",
                        "Twentekanaal",
                        "Dinkelweg",
                        "Reggestraat"};

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
const ZipfWithOffset& GivenNameLaw(Origin origin, bool female, int birth_year) {
  return Law(Pool(origin, female, birth_year));
}
size_t DrawGivenName(Origin origin, bool female, int birth_year, Rng& rng) {
  return GivenNameLaw(origin, female, birth_year).Rank(rng.Uniform());
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
