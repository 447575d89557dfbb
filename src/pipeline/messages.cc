#include "pipeline/messages.h"

#include "core/messages.h"

namespace sz::pipeline::msg {

std::string ConfigDirMissing(std::string_view dir, std::string_view from) {
  return "configuratiemap " + std::string(dir) + " (uit " + std::string(from) + ") bestaat niet of is geen map";
}
std::string NoConfigDir(const std::vector<std::string>& looked) {
  std::string out =
      "geen configuratiemap gevonden (een map met regions/ en linkage-schema.json): geef --config-dir MAP of zet "
      "SAMENZICHT_CONFIG";
  if (!looked.empty()) {
    out += "; gezocht in ";
    for (size_t i = 0; i < looked.size(); ++i) out += (i ? ", " : "") + looked[i];
  }
  return out;
}

std::string NoFilesToIngest() { return "geen bestanden opgegeven om in te lezen"; }
std::string FileNotFound(std::string_view path) { return std::string(path) + ": bestand niet gevonden"; }
std::string IsADirectory(std::string_view path) { return std::string(path) + ": is een map, geen bestand"; }
std::string CannotRead(std::string_view path, std::string_view detail) {
  return std::string(path) + ": kan niet worden gelezen (" + std::string(detail) + ")";
}
std::string EmptyFile(std::string_view path) {
  return std::string(path) +
         ": het bestand is leeg (0 bytes); verwacht een kopregel en gegevensregels. Er is niets "
         "opgeslagen";
}
std::string NothingStored(std::string_view message) { return std::string(message) + ". Er is niets opgeslagen"; }
std::string DeclaredOtherSource(std::string_view path, std::string_view declared, std::string_view source) {
  return std::string(path) + ": het extract noemt als bron " + QuoteValue(declared) + ", maar is ingelezen als " +
         QuoteValue(source) + ". Er is niets opgeslagen";
}
std::string NoKeyFingerprint(std::string_view path) {
  return std::string(path) +
         ": dit extract noemt geen sleutelvingerafdruk ('# key_fingerprint: …' bovenaan). Alleen extracten van "
         "`samenzicht pseudonymise` kunnen worden gekoppeld; maak het extract daarmee. Er is niets opgeslagen";
}
std::string OtherKey(std::string_view path, std::string_view fingerprint, std::string_view store_fingerprint) {
  return std::string(path) + ": het extract is gemaakt met sleutel " + std::string(fingerprint) +
         ", maar de opslag koppelt met sleutel " + std::string(store_fingerprint) +
         ". Pseudoniemen van verschillende sleutels komen nooit overeen, dus deze personen zouden met niemand in de "
         "opslag gekoppeld worden. Maak het extract met de gedeelde sleutel van de meldpunten, of lees in met "
         "--accept-new-key als de sleutel bewust is vervangen. Er is niets opgeslagen";
}
std::string HeaderOnly(std::string_view path) {
  return std::string(path) +
         ": het bestand heeft een kopregel maar geen gegevensregels; was de export leeg? Er is "
         "niets opgeslagen";
}
std::string ColumnIgnored(std::string_view column, std::string_view source) {
  return "kolom '" + std::string(column) + "' hoort niet bij het contract van " + std::string(source) +
         " en is genegeerd";
}
std::string Duplicate(std::string_view key, std::string_view where) {
  return "dubbele registratie: " + std::string(key) + " is al aangeleverd in " + std::string(where);
}
std::string DuplicateHint() {
  return "elk registratienummer mag één keer worden aangeleverd; verwijder de herhaalde regel of verbeter het nummer";
}
std::string LineOfThisFile(long line) { return "regel " + std::to_string(line) + " van dit bestand"; }
std::string LineOfFile(std::string_view file, long line) {
  return std::string(file) + ", regel " + std::to_string(line);
}
std::string FileSummary(std::string_view file, long read, long accepted, long rejected, std::string_view description) {
  return std::string(file) + ": gelezen " + std::to_string(read) + " = geaccepteerd " + std::to_string(accepted) +
         " + afgewezen " + std::to_string(rejected) + " (" + std::string(description) + ")";
}
std::string AlreadyIngested(std::string_view file, std::string_view when) {
  return std::string(file) + ": al ingelezen op " + std::string(when) + "; niets toegevoegd";
}
std::string AlreadyIngestedAs(std::string_view at, std::string_view file_name) {
  return std::string(at) + " (als " + std::string(file_name) + ")";
}
std::string ThisRun() { return "deze opdracht"; }
std::string LineWord() { return "regel"; }
std::string RowsRejectedAndKept(long rejected) {
  return std::to_string(rejected) +
         " rij(en) afgewezen en met hun reden bewaard in de opslag; de geaccepteerde rijen zijn opgeslagen";
}

std::string NoPostcodeTable() {
  return "geen postcodetabel: geef --postcodes BESTAND (postcode;gemeente;wijk;buurt, zie docs/regions.md); die zet "
         "adressen om in wijk- en buurtcodes";
}
std::string NotADeskSource(std::string_view source) {
  return std::string(source) +
         " bevat geen identiteiten: de bron wordt ingelezen zoals aangeleverd, zonder pseudonymise";
}

std::string DuplicateRecordId(long first_line) {
  return "dubbel registratienummer; het eerste staat op regel " + std::to_string(first_line);
}
std::string NoRecordForPerson(std::string_view records_file) {
  return "geen (geldige) registratie met dit nummer in " + std::string(records_file);
}
std::string PersonNumberTwice(long first_line) {
  return "dit betrokkenenummer komt twee keer voor bij de registratie; het eerste staat op regel " +
         std::to_string(first_line);
}
std::string UnknownExtractColumn(std::string_view column) {
  return "interne fout: pseudonymise weet niet hoe extractkolom '" + std::string(column) + "' te vullen";
}
std::string RecordWithoutPersons() { return "geen betrokkenen bij deze registratie; voeg er minstens één toe"; }

std::string MapItemMalformed(std::string_view item) { return "--map: verwacht VELD=KOLOM, kreeg " + QuoteValue(item); }
std::string MapUnknownField(std::string_view field) {
  return "--map: onbekend veld " + QuoteValue(field) +
         " (velden: given_name, surname, birth_date, sex, postcode, house_number, street, locality, bsn)";
}
std::string MapFieldTwice(std::string_view field) { return "--map: veld " + QuoteValue(field) + " twee keer gegeven"; }
std::string OneOrTwoInputs() { return "geef één --input (ontdubbelen) of twee (de twee bestanden koppelen)"; }
std::string BadTruthRegex(std::string_view detail) {
  return "--truth-regex is geen geldige reguliere expressie (" + std::string(detail) + ")";
}
std::string TruthRegexWithoutGroup() { return "--truth-regex heeft een groep tussen haakjes nodig"; }
std::string NoSuchColumn(std::string_view path, std::string_view column) {
  return std::string(path) + " heeft geen kolom " + QuoteValue(column);
}
std::string TruthValueUnmatched(std::string_view path, long line, std::string_view value) {
  return std::string(path) + ": regel " + std::to_string(line) + ": waarheidswaarde " + QuoteValue(value) +
         " past niet op --truth-regex";
}
std::string SchemaMustMake1024Bits() { return "het koppelschema moet CLK's van 1024 bits maken"; }
std::string PopulationWithoutCount(std::string_view path) {
  return std::string(path) +
         ": een populatietabel heeft een telkolom 'Freq' (of 'aantal') naast de kolommen van de variabelen";
}
std::string BadPopulationCount(std::string_view path, long line, std::string_view text) {
  return std::string(path) + ": regel " + std::to_string(line) + ": aantal " + QuoteValue(text) +
         " is geen niet-negatief getal";
}
std::string NoSuchWave(int wave) {
  return "de opslag heeft geen respondenten van de gezondheidsmonitor van " + std::to_string(wave) +
         "; `samenzicht summary` toont welke golven er zijn";
}
std::string FileOrWave() { return "geef --data BESTAND of --wave JAAR (uit de opslag), niet allebei"; }
std::string PoststratifyNeedsPopulation() { return "--poststratify heeft --population BESTAND nodig"; }
std::string PopulationColumnsDiffer(std::string_view path, std::string_view variables) {
  return std::string(path) + ": de kolommen (naast Freq) moeten precies de --poststratify-variabelen " +
         std::string(variables) + " zijn";
}
std::string PopulationWithoutPoststratify() {
  return "--population hoort bij --poststratify (geef voor raken --rake BESTAND per marge)";
}
std::string StoredWave(int wave) { return "opslag: gezondheidsmonitor " + std::to_string(wave); }

std::string SeriesPeriodKind() { return "reeksen zijn er per week of per maand"; }
std::string NotASeriesSource(std::string_view source) {
  return "van bron " + std::string(source) + " zijn geen telreeksen te maken (geen datum of week, en geen aantal)";
}
std::string NoRegionColumn(std::string_view source, std::string_view level) {
  return "bron " + std::string(source) + " heeft geen kolom voor het niveau " + std::string(level);
}
std::string NoRegio() { return "het regiobestand heeft geen regio (zoals Twente)"; }
std::string SeriesRegionLevel() { return "reeksen zijn er per regio, gemeente of wijk"; }
std::string NoRowsForSeries(std::string_view source) {
  return "de opslag heeft geen rijen van " + std::string(source) + "; lees de bron eerst in";
}

std::string BadFrequency() { return "--frequency moet 52 (per week) of 12 (per maand) zijn"; }
std::string AtLine(std::string_view path, long line, std::string_view message) {
  return std::string(path) + ": regel " + std::to_string(line) + ": " + std::string(message);
}
std::string NotAWholeNumber(std::string_view text) { return QuoteValue(text) + " is geen geheel getal"; }
std::string NotAnIsoWeek(std::string_view text) { return QuoteValue(text) + " is geen ISO-week"; }
std::string NotACount(std::string_view text) {
  return QuoteValue(text) + " is geen aantal (een geheel getal van 0 of meer)";
}
std::string UnknownVtClass(std::string_view text) { return "onbekende VT-klasse " + QuoteValue(text); }
std::string NoSuchRegistration(std::string_view where) { return std::string(where) + ": die registratie bestaat niet"; }
std::string MissingTruthValue(std::string_view where, std::string_view column) {
  return std::string(where) + ": geen " + std::string(column);
}
std::string NotInTruth(std::string_view where) { return std::string(where) + ": staat niet in truth/persons.csv"; }
std::string TruthPersonsColumns(std::string_view path) {
  return std::string(path) +
         ": de waarheid heeft de kolommen bron, registratie_id, betrokkene_nr, persoon_id en huishouden_id nodig";
}
std::string NoTruthFor(std::string_view path, std::string_view source, std::string_view record_id, int betrokkene_nr) {
  return std::string(path) + ": geen waarheid voor " + std::string(source) + " registratie " + std::string(record_id) +
         " betrokkene " + std::to_string(betrokkene_nr);
}

std::string DetectEvalNeedsTruth() {
  return "geef --truth MAP (of --data MAP): de map van `samenzicht generate` met truth/outbreaks.csv";
}
std::string RejectedInFile(std::string_view file, long rejected, std::string_view first_reason) {
  return std::string(file) + ": " + std::to_string(rejected) +
         " rij(en) afgewezen, de eerste: " + std::string(first_reason);
}
std::string TooFewWeeks(int weeks, int needed) {
  return std::to_string(weeks) + " weken aan gegevens; de evaluatie heeft er minstens " + std::to_string(needed) +
         " nodig (vijf jaar geschiedenis voor farrington en een jaar om te evalueren): genereer 2016-2025";
}

std::string CannotWrite(std::string_view path) { return std::string(path) + ": kan niet worden geschreven"; }

std::string NoSuchTable(std::string_view source, std::string_view table, bool is_desk) {
  return "bron " + std::string(source) + " heeft geen tabel '" + std::string(table) + "'" +
         (is_desk ? " (tabellen: records, persons, extract)" : " (tabel: extract)");
}

std::string TooFewToLink(size_t rows) {
  return "de opslag bevat " + std::to_string(rows) +
         " extractregels van meldpunten; lees extracten van de meldpunten in voordat u koppelt";
}
std::string PairOutsideLinkage(uint32_t a, uint32_t b) {
  return "koppelpaar (" + std::to_string(a) + ", " + std::to_string(b) +
         ") noemt een betrokkenheid die de opslag niet heeft; koppel opnieuw met --full";
}
std::string NotLinkedYet() { return "de opslag is nog niet gekoppeld: draai eerst `samenzicht link`"; }
std::string IngestedAfterLinking(std::string_view source, std::string_view record_id) {
  return "rij " + std::string(source) + " " + std::string(record_id) +
         " is ingelezen na de laatste koppelrun: draai eerst `samenzicht link`";
}

// Encode.
std::string SecretTwice() { return "geef --secret of --secret-file, niet allebei"; }
std::string SecretRequired() { return "een geheim is verplicht (--secret of --secret-file)"; }
std::string CannotOpenSecretFile(std::string_view path) {
  return "geheimbestand " + std::string(path) + " kan niet worden geopend";
}
std::string EmptySecretFile(std::string_view path) { return "geheimbestand " + std::string(path) + " is leeg"; }
std::string ColumnsAgainstSchema(std::string_view input, size_t columns, std::string_view schema, size_t features) {
  return std::string(input) + ": heeft " + std::to_string(columns) + " kolommen, het schema " + std::string(schema) +
         " beschrijft " + std::to_string(features) + " kenmerken";
}
std::string ColumnAgainstFeature(std::string_view input, size_t position, std::string_view column,
                                 std::string_view feature) {
  return std::string(input) + ": kolom " + std::to_string(position) + " heet " + QuoteValue(column) + " maar kenmerk " +
         std::to_string(position) + " van het schema is '" + std::string(feature) +
         "' (kolommen worden op positie gekoppeld; --no-header-check accepteert andere namen)";
}
std::string CannotCreateFile(std::string_view path) { return "kan " + std::string(path) + " niet aanmaken"; }
std::string CannotWriteFile(std::string_view path) { return "kan " + std::string(path) + " niet schrijven"; }
std::string CannotRenameFile(std::string_view from, std::string_view to) {
  return "kan " + std::string(from) + " niet hernoemen naar " + std::string(to);
}
std::string AtLineOf(std::string_view path, long line) { return std::string(path) + ": regel " + std::to_string(line); }

// Indicator catalogue.
std::string ExampleTargetMark() { return "(voorbeeld)"; }
std::string CatalogProblems(size_t count, std::string_view dir) {
  return std::to_string(count) + (count == 1 ? " fout" : " fouten") + " in de indicatorcatalogus (" + std::string(dir) +
         ")";
}
std::string CatalogSound(std::string_view dir, size_t indicators, size_t files) {
  return std::string(dir) + ": " + std::to_string(indicators) + " indicatoren in " + std::to_string(files) +
         (files == 1 ? " bestand" : " bestanden") + ", in orde";
}
std::string IndicatorsListed(size_t count, std::string_view dir) {
  return std::to_string(count) + " indicatoren (" + std::string(dir) + ")";
}

// Compute, run and export.
std::string UnknownIndicator(std::string_view id) {
  return "onbekende indicator " + QuoteValue(id) + " (samenzicht indicators toont ze)";
}
std::string ForecastOnlyPlainCounts() {
  return "een voorspelling telt voorlopig alleen alle registraties per week (zonder filter, leeftijd, venster of "
         "andere datum)";
}
std::string NeedsLinkage() { return "nog niet gekoppeld: draai samenzicht run of samenzicht link"; }
std::string ComputeRunDetails(size_t computed, size_t unchanged, size_t not_computed) {
  return std::to_string(computed) + " indicatoren berekend, " + std::to_string(unchanged) +
         " ongewijzigd (dezelfde invoer), " + std::to_string(not_computed) + " niet berekend";
}
std::string ExportForAnalystsOnly() { return "alleen_analist"; }
std::string ExportForAnalystsReason() {
  return "nog zonder openbaarmakingscontrole: alleen voor analisten, niet verspreiden";
}
std::string NothingComputedYet() {
  return "de opslag bevat nog geen berekende indicatoren: draai eerst samenzicht run";
}

std::string TruthDirRequired() {
  return "geef --data MAP: de map van `samenzicht generate` met truth/outbreaks.csv en truth/dwarsverbanden.csv";
}
std::string BadReplayWeeks() { return "--weeks moet een geheel getal van 1 of meer zijn"; }
std::string NoWeeklySeries() {
  return "er zijn geen wekelijkse reeksen om na te spelen; bereken eerst indicatoren met weken (samenzicht compute)";
}
std::string NothingPublishedYet() {
  return "er is nog niets gepubliceerd: draai eerst samenzicht publish (buiten de analisten gaan alleen "
         "gepubliceerde cellen de deur uit)";
}
std::string PublicationOutdated() {
  return "de publicatie is ouder dan de laatste berekening: draai eerst samenzicht publish";
}
std::string DefinitionsSheet() { return "definities"; }
std::string UnknownExportFormat(std::string_view format) {
  return "onbekend formaat " + QuoteValue(format) + " (csv of xlsx)";
}
std::string BadAudience(std::string_view text) {
  return "onbekend publiek '" + std::string(text) +
         "': kies publiek, gemeente:GMxxxx (bijvoorbeeld gemeente:GM0153), meldpunt:BRON of analist";
}
std::string UnknownDeskAudience(std::string_view source, const std::vector<std::string>& desks) {
  std::string list;
  for (const std::string& desk : desks) list += (list.empty() ? "" : ", ") + desk;
  return "'" + std::string(source) + "' is geen meldpunt (meldpunten: " + list + ")";
}
std::string UnknownRegion(std::string_view code) {
  return "onbekende regio " + QuoteValue(code) + " (niet in het regiobestand)";
}

std::string RunLinking() { return "koppelen …"; }
std::string RunComputing(std::string_view indicator) { return "berekenen: " + std::string(indicator); }
std::string StageLinking() { return "koppelen"; }
std::string StageComputing() { return "berekenen"; }
std::string StagePublishing() { return "publiceren"; }
std::string PublicationCurrent() { return "de publicatie hoort al bij de laatste berekening"; }
std::string KindNotPublishedYet(std::string_view kind) {
  return "indicatoren van soort " + std::string(kind) +
         " worden nog niet gepubliceerd: ze blijven bij de analisten tot hun openbaarmakingsregels er zijn";
}
std::string PublishStageSummary(int64_t cells, int64_t suppressed_primary, int64_t suppressed_secondary) {
  return std::to_string(cells) + " cellen gepubliceerd, waarvan " + std::to_string(suppressed_primary) +
         " primair en " + std::to_string(suppressed_secondary) + " secundair onderdrukt";
}
std::string StageSignalling() { return "signaleren"; }
std::string SignalsCurrent() { return "de signalen horen al bij de laatste berekening"; }
std::string SignalsStageSummary(int64_t signals, int64_t new_signals, int64_t tests) {
  return std::to_string(signals) + " signalen, waarvan " + std::to_string(new_signals) + " nieuw (" +
         std::to_string(tests) + " toetsen)";
}
std::string SignalsNotARate() {
  return "alleen indicatoren van soort verhouding krijgen nu reekssignalen; deze soort nog niet";
}
std::string SignalsRollingWindow() {
  return "telt over een schuivend venster van maanden: opeenvolgende periodes overlappen, dus geen reekssignalen";
}
std::string SignalsNoWeeksOrMonths() {
  return "heeft geen weken of maanden (periodes), en reekssignalen vragen er een van";
}
std::string UnknownSignalStatus(std::string_view status, const std::vector<std::string>& names) {
  std::string out = "onbekende status '" + std::string(status) + "'; kies uit ";
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}
std::string NoSuchSignal(int64_t id) {
  return "er is geen signaal " + std::to_string(id) + "; 'samenzicht signals' toont de lijst";
}
std::string LinkStageSummary(bool skipped, bool incremental, int64_t new_involvements) {
  if (skipped) return "niets nieuws ingelezen sinds de vorige koppeling";
  if (incremental) return std::to_string(new_involvements) + " nieuwe betrokkenheden bijgekoppeld";
  return "alles opnieuw gekoppeld";
}
std::string NoDeskRowsToLink() { return "geen extracten van meldpunten in de opslag: niets te koppelen"; }
std::string ComputeStageSummary(size_t indicators, int64_t cells, size_t unchanged, size_t not_computed) {
  return std::to_string(indicators) + " indicatoren berekend (" + std::to_string(cells) + " cellen), " +
         std::to_string(unchanged) + " ongewijzigd, " + std::to_string(not_computed) + " niet berekend";
}

// Link.
std::string LinkingSource(std::string_view source) { return "koppelen van " + std::string(source); }

// Accounts and the audit log.
std::string BadRole(std::string_view text) {
  return "onbekende rol '" + std::string(text) +
         "': kies beheerder, analist, meldpunt:<bron> (bijvoorbeeld meldpunt:veilig_thuis) of gemeente:GMxxxx (een "
         "gemeente van "
         "Twente)";
}
std::string BadAccountName(size_t max_length) {
  return "een gebruikersnaam heeft 2 tot " + std::to_string(max_length) +
         " tekens: kleine letters, cijfers, '.', '_' en '-', en begint met een letter";
}
std::string PasswordNotUtf8() { return "het wachtwoord is geen geldige UTF-8-tekst"; }
std::string PasswordTooShort(size_t min_length) {
  return "het wachtwoord is te kort: gebruik minstens " + std::to_string(min_length) + " tekens";
}
std::string PasswordTooLongForPolicy(size_t max_bytes) {
  return "het wachtwoord is te lang: hoogstens " + std::to_string(max_bytes) + " bytes";
}
std::string PasswordIsName() { return "het wachtwoord mag niet gelijk zijn aan de gebruikersnaam"; }
std::string AuditSeqMismatch(int64_t expected, int64_t got) {
  return "het auditlog nummerde de regel " + std::to_string(got) + " in plaats van " + std::to_string(expected);
}
std::string AuditEntryMissing(int64_t expected, int64_t found) {
  return "regel " + std::to_string(expected) + " ontbreekt (de eerstvolgende regel is " + std::to_string(found) +
         "): regels zijn verwijderd";
}
std::string AuditPreviousHashWrong() {
  return "de regel verwijst niet naar de hash van de regel ervoor: een regel ervoor is gewijzigd, verwijderd of "
         "ingevoegd";
}
std::string AuditEntryChanged() { return "de inhoud van de regel past niet bij zijn hash: de regel is gewijzigd"; }
std::string BadAuditSince(std::string_view text, std::string_view why) {
  return "--van '" + std::string(text) + "' is geen datum (" + std::string(why) + "); gebruik bijvoorbeeld 2026-12-01";
}

}  // namespace sz::pipeline::msg
