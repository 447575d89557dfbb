// The declarations of every source (DOMAIN.md §3). Changing a table here means bumping the
// source's `version`; the store's migrations (store/migrations.cc) create the matching tables.
#include <algorithm>

#include "core/sex.h"
#include "sources/contract.h"

namespace sz::sources {
namespace {

// ---- small builders so each declaration reads as a table -------------------------------------

ColumnSpec Col(std::string name, ColumnType type, std::string description) {
  ColumnSpec c;
  c.name = std::move(name);
  c.type = type;
  c.description = std::move(description);
  return c;
}
ColumnSpec Optional(ColumnSpec c) {
  c.nullable = true;
  return c;
}
ColumnSpec NotRequired(ColumnSpec c) {
  c.required = false;
  c.nullable = true;
  return c;
}
ColumnSpec Cat(std::string name, std::vector<std::string> allowed, std::string description,
               std::map<std::string, std::string> aliases = {}) {
  ColumnSpec c = Col(std::move(name), ColumnType::kCategory, std::move(description));
  c.allowed = std::move(allowed);
  c.aliases = std::move(aliases);
  return c;
}
ColumnSpec Int(std::string name, double min, std::optional<double> max, std::string description) {
  ColumnSpec c = Col(std::move(name), ColumnType::kInteger, std::move(description));
  c.min = min;
  c.max = max;
  return c;
}
ColumnSpec Since(int version, ColumnSpec c) {
  c.since_version = version;
  return c;
}
ColumnSpec Ident(ColumnSpec c, IdentityKind kind) {
  c.identity = kind;
  return c;
}

// The spellings of core/sex.h as aliases of the stored values; `with_unknown` false for counts by
// sex (bevolking), which know only man and vrouw.
std::map<std::string, std::string> SexAliases(bool with_unknown) {
  std::map<std::string, std::string> aliases;
  for (const auto& [spelling, sex] : SexSpellings()) {
    if (!with_unknown && sex != sz::Sex::kMan && sex != sz::Sex::kVrouw) continue;
    if (spelling != SexName(sex)) aliases.emplace(spelling, SexName(sex));
  }
  return aliases;
}

ColumnSpec SexColumn() {
  return Cat("geslacht", {"man", "vrouw", "onbekend"}, "Geslacht (man, vrouw, onbekend; M/V/O ook toegestaan)",
             SexAliases(/*with_unknown=*/true));
}

// The identified persons-involved file, the same shape for every desk.
TableSpec PersonsTable(std::string id_column, std::vector<std::string> roles) {
  TableSpec t;
  t.name = "persons";
  t.description = "Betrokkenen per registratie, met identiteit (blijft bij het meldpunt)";
  t.columns = {
      Col(id_column, ColumnType::kCode, "Registratienummer waar de betrokkene bij hoort"),
      Int("betrokkene_nr", 1, 99, "Volgnummer van de betrokkene binnen de registratie"),
      Cat("rol", std::move(roles), "Rol van de betrokkene"),
      Ident(Optional(Col("bsn", ColumnType::kCode, "Burgerservicenummer (vaak leeg)")), IdentityKind::kBsn),
      Ident(Optional(Col("voornamen", ColumnType::kText, "Voornamen of voorletters")), IdentityKind::kName),
      Ident(Optional(Col("tussenvoegsel", ColumnType::kText, "Tussenvoegsel (van, de, van der, ter …)")),
            IdentityKind::kName),
      Ident(Optional(Col("achternaam", ColumnType::kText, "Achternaam")), IdentityKind::kName),
      Ident(Optional(Col("geboortedatum", ColumnType::kDate, "Geboortedatum")), IdentityKind::kBirthDate),
      Optional(SexColumn()),
      Ident(Optional(Col("postcode", ColumnType::kPostcode, "Postcode van het woonadres")), IdentityKind::kAddress),
      Ident(Optional(Col("huisnummer", ColumnType::kCode, "Huisnummer")), IdentityKind::kAddress),
      Ident(Optional(Col("huisnummer_toevoeging", ColumnType::kCode, "Toevoeging (a, bis, 2-hoog …)")),
            IdentityKind::kAddress),
      Ident(NotRequired(Col("straat", ColumnType::kText, "Straatnaam")), IdentityKind::kAddress),
      Ident(NotRequired(Col("woonplaats", ColumnType::kText, "Woonplaats")), IdentityKind::kAddress),
  };
  t.key = {t.columns[0].name, "betrokkene_nr"};
  return t;
}

// The pseudonymised person columns every desk extract carries after the record columns.
std::vector<ColumnSpec> PersonExtractColumns(std::vector<std::string> roles) {
  return {
      Int("betrokkene_nr", 1, 99, "Volgnummer van de betrokkene binnen de registratie"),
      Cat("rol", std::move(roles), "Rol van de betrokkene"),
      Optional(Col("bsn_pseudoniem", ColumnType::kPseudonym,
                   "Sleutel-pseudoniem van het BSN (leeg als het ontbrak of ongeldig was)")),
      Cat("bsn_status", {"geldig", "ongeldig", "ontbreekt"}, "Of het BSN aanwezig was en de elfproef doorstond"),
      Optional(Col("naam_pseudoniem", ColumnType::kPseudonym,
                   "Sleutel-pseudoniem van genormaliseerde naam + geboortedatum + geslacht")),
      Optional(
          Col("huishouden_pseudoniem", ColumnType::kPseudonym, "Sleutel-pseudoniem van het adres (huishoudsleutel)")),
      Optional(Col("clk", ColumnType::kClk, "Bloomfilter-codering (CLK) van naamdelen en geboortedatum, base64")),
      Optional(Int("geboortejaar", 1880, 2200, "Geboortejaar")),
      Optional(Int("leeftijd", 0, 130, "Leeftijd op de datum van de registratie")),
      Optional(SexColumn()),
      Optional(Col("wijk", ColumnType::kWijkCode, "Wijk van het woonadres (CBS-code)")),
      Optional(Col("buurt", ColumnType::kBuurtCode, "Buurt van het woonadres (CBS-code)")),
      // Version 2: opt-in at the desk (pseudonymise --veldcoderingen), so older extracts lack it.
      Since(2, NotRequired(Col("veldcodering", ColumnType::kFieldEncodings,
                               "Gesleutelde codering per veld (naamdelen, geboortedatum en delen ervan, adres), "
                               "base64; leeg als het meldpunt ze niet maakte"))),
  };
}

// Builds records (identified), persons (identified) and extract tables of a desk source.
SourceContract Desk(std::string name, std::string title, std::string owner, std::string description,
                    std::string id_column, std::string date_column, std::vector<ColumnSpec> record_fields,
                    std::vector<std::string> roles) {
  SourceContract s;
  s.name = std::move(name);
  s.title = std::move(title);
  s.owner = std::move(owner);
  s.description = std::move(description);
  s.is_desk = true;
  s.version = 2;  // 2: the extract's veldcodering

  TableSpec records;
  records.name = "records";
  records.description = "Registraties zoals het meldpunt ze exporteert (blijft bij het meldpunt)";
  records.columns.push_back(Col(id_column, ColumnType::kCode, "Registratienummer, uniek binnen de bron"));
  for (const ColumnSpec& field : record_fields) records.columns.push_back(field);
  records.columns.push_back(
      Col("gemeente", ColumnType::kGemeenteCode, "Gemeente (CBS-code) die de registratie betreft"));
  records.columns.push_back(
      Ident(NotRequired(Col("toelichting", ColumnType::kText, "Vrije tekst (wordt nooit doorgegeven)")),
            IdentityKind::kFreeText));
  records.key = {id_column};
  records.date_column = date_column;

  TableSpec extract;
  extract.name = "extract";
  extract.description = "Gepseudonimiseerd extract: één regel per betrokkene per registratie";
  for (const ColumnSpec& column : records.columns) {
    if (column.identity == IdentityKind::kNone) extract.columns.push_back(column);
  }
  for (ColumnSpec& column : PersonExtractColumns(roles)) extract.columns.push_back(std::move(column));
  extract.key = {id_column, "betrokkene_nr"};
  extract.date_column = date_column;

  s.records = std::move(records);
  s.persons = PersonsTable(id_column, std::move(roles));
  s.extract = std::move(extract);
  return s;
}

std::vector<SourceContract> Build() {
  std::vector<SourceContract> all;

  all.push_back(Desk(
      "veilig_thuis", "Veilig Thuis Twente", "Veilig Thuis Twente (VTT)", "Een advies of een melding", "melding_id",
      "ontvangen_op",
      {
          Col("ontvangen_op", ColumnType::kDate, "Datum waarop het advies of de melding binnenkwam"),
          Cat("soort", {"advies", "melding"}, "Advies of melding"),
          Cat("geweldsvorm", {"kindermishandeling", "partnergeweld", "ouderenmishandeling", "eergerelateerd", "overig"},
              "Vorm van geweld"),
          Cat("melder", {"politie", "onderwijs", "huisarts", "jgz", "buren", "zelf", "overig"}, "Wie meldde",
              {{"JGZ", "jgz"}, {"Politie", "politie"}, {"Huisarts", "huisarts"}, {"Onderwijs", "onderwijs"}}),
          Optional(
              Cat("vervolg",
                  {"advies_gegeven", "overdracht_lokaal_team", "onderzoek", "voorwaarden_en_vervolg", "geen_vervolg"},
                  "Vervolg na triage")),
          Optional(
              Col("afgesloten_op", ColumnType::kDate, "Datum waarop VT de zaak afsloot (leeg: VT is nog betrokken)")),
      },
      {"slachtoffer", "pleger", "kind", "ouder", "overig"}));

  all.push_back(
      Desk("zorgwekkend_gedrag", "Meldpunt Zorgwekkend Gedrag", "GGD Twente", "Een melding van zorgwekkend gedrag",
           "melding_id", "ontvangen_op",
           {
               Col("ontvangen_op", ColumnType::kDate, "Datum van de melding"),
               Cat("categorie",
                   {"verward_gedrag", "vereenzaming", "zelfverwaarlozing", "overlast", "suicidaliteit", "overig"},
                   "Soort zorg"),
               Cat("melder", {"politie", "buren", "familie", "huisarts", "woningcorporatie", "zelf", "overig"},
                   "Wie meldde"),
               Optional(Cat("afhandeling", {"advies", "doorverwijzing", "zorgtoeleiding", "crisisdienst", "geen_actie"},
                            "Hoe de melding is afgehandeld")),
           },
           {"betrokkene", "naaste", "overig"}));

  all.push_back(
      Desk("woningvervuiling", "Meldpunt Woningvervuiling", "GGD Twente", "Een melding over een vervuilde woning",
           "melding_id", "ontvangen_op",
           {
               Col("ontvangen_op", ColumnType::kDate, "Datum van de melding"),
               Int("ernst", 1, 9, "Ernst volgens de Clutter Image Rating (1–9)"),
               Col("dieren", ColumnType::kYesNo, "Zijn er (te veel) dieren in de woning"),
               Optional(Cat("afhandeling", {"huisbezoek", "schoonmaak", "zorgtoeleiding", "handhaving", "geen_actie"},
                            "Hoe de melding is afgehandeld")),
           },
           {"bewoner", "medebewoner"}));

  all.push_back(
      Desk("wonen_verblijf", "Coördinatiepunt Wonen en Verblijf", "Gemeente Enschede (centrumgemeente)",
           "Een aanvraag voor opvang of beschermd wonen", "aanvraag_id", "ontvangen_op",
           {
               Col("ontvangen_op", ColumnType::kDate, "Datum van de aanvraag"),
               Cat("soort_aanvraag", {"maatschappelijke_opvang", "beschermd_wonen", "vrouwenopvang", "nachtopvang"},
                   "Soort aanvraag"),
               Optional(Cat("besluit", {"toegekend", "afgewezen", "doorverwezen", "in_behandeling"}, "Besluit")),
           },
           {"aanvrager", "gezinslid"}));

  all.push_back(Desk(
      "jeugdhulp", "Jeugdhulp (OZJT)", "OZJT", "Een jeugdhulptraject", "traject_id", "startdatum",
      {
          Col("startdatum", ColumnType::kDate, "Begin van het traject"),
          Optional(Col("einddatum", ColumnType::kDate, "Einde van het traject (leeg: loopt nog)")),
          Cat("vorm", {"ambulant", "dagbehandeling", "pleegzorg", "gezinshuis", "residentieel", "jeugdbescherming"},
              "Vorm van jeugdhulp"),
          Col("uithuisplaatsing", ColumnType::kYesNo, "Is het kind uit huis geplaatst"),
          Col("aanbieder", ColumnType::kCode, "Code van de zorgaanbieder"),
      },
      {"jeugdige", "ouder"}));

  all.push_back(
      Desk("wmo", "Wmo-voorzieningen (Samen14)", "Samen14", "Een Wmo-voorziening", "voorziening_id", "startdatum",
           {
               Col("startdatum", ColumnType::kDate, "Begin van de voorziening"),
               Optional(Col("einddatum", ColumnType::kDate, "Einde van de voorziening (leeg: loopt nog)")),
               Cat("soort", {"huishoudelijke_hulp", "begeleiding", "vervoer", "hulpmiddel"}, "Soort voorziening"),
               Col("aanbieder", ColumnType::kCode, "Code van de zorgaanbieder"),
           },
           {"client"}));

  {
    SourceContract s;
    s.name = "gezondheidsmonitor";
    s.title = "Gezondheidsmonitor (GGD Twente)";
    s.owner = "GGD Twente";
    s.description = "Een respondent van de Gezondheidsmonitor Volwassenen en Ouderen (al geanonimiseerd)";
    TableSpec t;
    t.name = "extract";
    t.description = "Microdata per respondent met steekproefontwerp en indicatoren (0/1)";
    t.columns = {
        Col("respondent_id", ColumnType::kCode, "Respondentnummer, uniek binnen de golf"),
        Int("jaar", 2000, 2100, "Jaar van de golf (2016, 2020, 2022, 2024)"),
        Col("gemeente", ColumnType::kGemeenteCode, "Gemeente van de respondent"),
        Optional(Col("wijk", ColumnType::kWijkCode, "Wijk van de respondent")),
        Col("stratum", ColumnType::kCode, "Steekproefstratum"),
        Col("psu", ColumnType::kCode, "Primaire steekproefeenheid"),
        Col("gewicht", ColumnType::kDecimal, "Ontwerpgewicht (1/inclusiekans)"),
        Int("leeftijd", 16, 120, "Leeftijd in jaren"),
        SexColumn(),
        Optional(Cat("opleiding", {"laag", "midden", "hoog"}, "Hoogst voltooide opleiding")),
        Optional(Int("inkomen_kwintiel", 1, 5, "Kwintiel van het gestandaardiseerd huishoudinkomen (1 = laagste)")),
    };
    t.columns[6].min = 0.0;
    for (const char* item :
         {"ervaren_gezondheid_goed", "eenzaam", "ernstig_eenzaam", "psychisch_ongezond", "mantelzorger",
          "ontvangt_mantelzorg", "overgewicht", "obesitas", "roker", "zware_drinker", "voldoet_beweegrichtlijn"}) {
      t.columns.push_back(Optional(Int(item, 0, 1, "Indicator 0/1 (leeg: niet beantwoord)")));
    }
    t.key = {"jaar", "respondent_id"};
    s.extract = std::move(t);
    all.push_back(std::move(s));
  }

  {
    SourceContract s;
    s.name = "bevolking";
    s.title = "Bevolking";
    s.owner = "CBS / BRP via Kennispunt Twente";
    s.description = "Aantal inwoners per jaar, regio, leeftijdsklasse en geslacht op 1 januari";
    TableSpec t;
    t.name = "extract";
    t.description = "Bevolkingsaantallen";
    t.columns = {
        Int("jaar", 1990, 2100, "Peiljaar (1 januari)"),
        Col("regio", ColumnType::kRegionCode, "Regiocode (gemeente, wijk of buurt)"),
        Cat("leeftijdsklasse", {"0-3", "4-11", "12-17", "18-24", "25-44", "45-64", "65-74", "75-84", "85+"},
            "Leeftijdsklasse"),
        Cat("geslacht", {"man", "vrouw"}, "Geslacht (man, vrouw; M/V ook toegestaan)",
            SexAliases(/*with_unknown=*/false)),
        Int("aantal", 0, std::nullopt, "Aantal inwoners"),
    };
    t.key = {"jaar", "regio", "leeftijdsklasse", "geslacht"};
    s.extract = std::move(t);
    all.push_back(std::move(s));
  }

  {
    SourceContract s;
    s.name = "infectieziekten";
    s.title = "Meldingsplichtige infectieziekten";
    s.owner = "GGD Twente (AGZ)";
    s.description = "Aantal meldingen van een infectieziekte per ISO-week en gemeente";
    TableSpec t;
    t.name = "extract";
    t.description = "Wekelijkse aantallen";
    t.columns = {
        Col("week", ColumnType::kIsoWeek, "ISO-week van de eerste ziektedag (2024-W05)"),
        Col("gemeente", ColumnType::kGemeenteCode, "Woongemeente van de patiënten"),
        Cat("ziekte",
            {"kinkhoest", "mazelen", "salmonellose", "campylobacteriose", "legionellose", "hepatitis_a", "shigellose",
             "q_koorts", "tuberculose", "bof"},
            "Ziekte"),
        Int("aantal", 0, std::nullopt, "Aantal meldingen"),
    };
    t.key = {"week", "gemeente", "ziekte"};
    s.extract = std::move(t);
    all.push_back(std::move(s));
  }
  return all;
}

}  // namespace

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kText: return "tekst";
    case ColumnType::kCode: return "code";
    case ColumnType::kInteger: return "geheel getal";
    case ColumnType::kDecimal: return "decimaal getal";
    case ColumnType::kDate: return "datum";
    case ColumnType::kCategory: return "categorie";
    case ColumnType::kYesNo: return "ja/nee";
    case ColumnType::kGemeenteCode: return "gemeentecode";
    case ColumnType::kWijkCode: return "wijkcode";
    case ColumnType::kBuurtCode: return "buurtcode";
    case ColumnType::kRegionCode: return "regiocode";
    case ColumnType::kIsoWeek: return "ISO-week";
    case ColumnType::kPseudonym: return "pseudoniem";
    case ColumnType::kClk: return "CLK (base64)";
    case ColumnType::kFieldEncodings: return "veldcodering (base64)";
    case ColumnType::kPostcode: return "postcode";
  }
  return "?";
}

Value::Kind StoredKind(ColumnType type) {
  switch (type) {
    case ColumnType::kInteger: return Value::Kind::kInteger;
    case ColumnType::kDecimal: return Value::Kind::kDecimal;
    case ColumnType::kDate: return Value::Kind::kDate;
    default: return Value::Kind::kText;
  }
}

const ColumnSpec* TableSpec::Find(std::string_view column) const {
  for (const ColumnSpec& spec : columns) {
    if (spec.name == column) return &spec;
  }
  return nullptr;
}

int TableSpec::IndexOf(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> SourceContract::RecordColumnsInExtract() const {
  std::vector<std::string> out;
  if (!records) return out;
  for (const ColumnSpec& column : records->columns) {
    if (column.identity == IdentityKind::kNone) out.push_back(column.name);
  }
  return out;
}

const std::vector<SourceContract>& AllContracts() {
  static const std::vector<SourceContract> contracts = Build();
  return contracts;
}

const SourceContract* FindContract(std::string_view name) {
  for (const SourceContract& contract : AllContracts()) {
    if (contract.name == name) return &contract;
  }
  return nullptr;
}

std::string ContractNames() {
  std::string out;
  for (const SourceContract& contract : AllContracts()) {
    if (!out.empty()) out += ", ";
    out += contract.name;
  }
  return out;
}

}  // namespace sz::sources
