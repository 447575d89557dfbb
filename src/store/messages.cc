#include "store/messages.h"

#include "core/messages.h"

namespace sz::store::msg {

std::string DiskFull(std::string_view what) {
  return std::string(what) +
         ": de schijf (of de groottegrens van de database) is vol; niets van deze bewerking is opgeslagen. Maak "
         "ruimte vrij en geef de opdracht opnieuw";
}
std::string NotWritable(std::string_view what, std::string_view detail) {
  return std::string(what) + ": het databasebestand is niet schrijfbaar (" + std::string(detail) +
         "); controleer de rechten van het bestand of kies een andere --db";
}
std::string CannotOpen(std::string_view what, std::string_view detail) {
  return std::string(what) + ": het databasebestand kan niet worden geopend (" + std::string(detail) +
         "); bestaat de map en is die schrijfbaar?";
}
std::string NotADatabase(std::string_view what) {
  return std::string(what) + ": het bestand is geen SQLite-database; kies een andere --db";
}
std::string IoFailure(std::string_view what, std::string_view detail, int code) {
  return std::string(what) + ": invoer-/uitvoerfout (" + std::string(detail) + ", code " + std::to_string(code) + ")";
}
std::string Locked(std::string_view what) {
  return std::string(what) +
         ": de database is vergrendeld door een ander samenzicht-proces; probeer het opnieuw als dat klaar is";
}
std::string Failure(std::string_view what, std::string_view detail) {
  return std::string(what) + ": " + std::string(detail);
}
std::string IsADirectory(std::string_view path) {
  return std::string(path) + ": is een map; --db moet een databasebestand noemen";
}
std::string CannotCreateDirectory(std::string_view path, std::string_view directory, std::string_view detail) {
  return std::string(path) + ": kan map " + std::string(directory) + " niet aanmaken: " + std::string(detail);
}
std::string FileNotWritable(std::string_view path) {
  return std::string(path) + ": het databasebestand is niet schrijfbaar; controleer de rechten of kies een andere --db";
}
std::string NotOurs(std::string_view path) {
  return std::string(path) + ": deze SQLite-database is niet door samenzicht gemaakt; kies een andere --db";
}
std::string NewerSchema(std::string_view path, int version, int known) {
  return std::string(path) + ": de database heeft schemaversie " + std::to_string(version) +
         ", nieuwer dan deze samenzicht kent (" + std::to_string(known) + "); gebruik een nieuwere samenzicht";
}
std::string MissingMigration(std::string_view path, std::string_view source) {
  return std::string(path) + ": geen tabel voor bron " + std::string(source) + "; er ontbreekt een migratie";
}
std::string ContractChanged(std::string_view path, std::string_view source, int stored_version, int version) {
  return std::string(path) + ": de opgeslagen tabel van bron " + std::string(source) + " (contractversie " +
         std::to_string(stored_version) + ") verschilt van het contract van dit programma (versie " +
         std::to_string(version) + "); er ontbreekt een migratie";
}
std::string FileAlreadyIngested(std::string_view file) {
  return std::string(file) + ": een bestand met dezelfde inhoud is voor deze bron al ingelezen";
}

std::string WriteOutsideTransaction(std::string_view what) {
  return "interne fout: " + std::string(what) + " buiten een transactie";
}
std::string TransactionAlreadyOpen() { return "interne fout: er is al een transactie open op deze opslag"; }
std::string TransactionFinished() { return "interne fout: de transactie is al afgesloten"; }
std::string StaleLinkage(int64_t stored, int64_t first_new) {
  return "de opgeslagen koppeling heeft " + std::to_string(stored) + " betrokkenheden, niet de " +
         std::to_string(first_new) + " die deze incrementele run uitbreidt; koppel opnieuw";
}
std::string NoSuchInvolvement(int64_t idx) {
  return "geen opgeslagen betrokkenheid " + std::to_string(idx) + " om bij te werken";
}
std::string RowWidth(std::string_view source, size_t width, size_t expected) {
  return "interne fout: een rij van " + std::string(source) + " met " + std::to_string(width) + " waarden, verwacht " +
         std::to_string(expected);
}
std::string RowValueKind(std::string_view source, std::string_view column, std::string_view expected,
                         std::string_view found) {
  return "interne fout: " + std::string(source) + "." + std::string(column) + " verwacht " + std::string(expected) +
         ", kreeg " + std::string(found);
}
std::string StoredValueUnreadable(std::string_view source, std::string_view column) {
  return "de opslag bevat in " + std::string(source) + "." + std::string(column) +
         " een waarde die niet bij het contract past; is de database met de hand gewijzigd?";
}

std::string UnknownStoreUrl(std::string_view url) {
  return "onbekende soort opslag " + QuoteValue(url) + " (gebruik sqlite:PAD, een bestandspad of memory:)";
}
std::string PostgresNotYet(std::string_view url) {
  return QuoteValue(url) + ": de PostgreSQL-opslag is er nog niet; gebruik voorlopig sqlite:PAD";
}

std::string CellOfOtherIndicator(std::string_view cell_indicator, std::string_view indicator) {
  return "een cel van " + std::string(cell_indicator) + " tussen de cellen van " + std::string(indicator) +
         " (een fout in Samenzicht)";
}
std::string BadPublishedStatus(std::string_view status) {
  return "gepubliceerde cel met onbekende status '" + std::string(status) +
         "': de database is beschadigd of door een nieuwere Samenzicht geschreven";
}
std::string DuplicateCell(std::string_view indicator, std::string_view region, std::string_view period,
                          std::string_view breakdown) {
  return "cel " + std::string(indicator) + " / " + std::string(region) + " / " + std::string(period) + " / " +
         std::string(breakdown) + " komt twee keer voor (een fout in Samenzicht)";
}
std::string NoSuchComputeRun(int64_t run_id) {
  return "berekening " + std::to_string(run_id) + " staat niet in de opslag (een fout in Samenzicht)";
}
std::string CommaInSignalList(std::string_view key, std::string_view text) {
  return "signaal " + std::string(key) + ": " + QuoteValue(text) +
         " bevat een komma, wat de opslag als scheidingsteken gebruikt (een fout in Samenzicht)";
}
std::string NoSuchSignal(int64_t id) {
  return "signaal " + std::to_string(id) + " staat niet in de opslag (een fout in Samenzicht)";
}

std::string AccountExists(std::string_view name) {
  return "gebruiker " + QuoteValue(name) + " bestaat al; kies een andere naam of verwijder eerst de bestaande";
}
std::string NoSuchAccount(std::string_view name) {
  return "gebruiker " + QuoteValue(name) + " bestaat niet (samenzicht user list toont wie er zijn)";
}
std::string AuditChainMoved(int64_t last_seq) {
  return "de auditregel sluit niet aan op regel " + std::to_string(last_seq) +
         " van het auditlog: iemand anders schreef tegelijk, of het log is veranderd (samenzicht audit verify)";
}

}  // namespace sz::store::msg
