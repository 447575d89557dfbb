// The texts of the pipeline stages, in Dutch: what the command, the server and the dashboard show
// a user about a stage's work and its refusals. One place for the whole module.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sz::pipeline::msg {

// Workspace.
std::string ConfigDirMissing(std::string_view dir, std::string_view from);
std::string NoConfigDir(const std::vector<std::string>& looked);

// Ingest.
std::string NoFilesToIngest();
std::string FileNotFound(std::string_view path);
std::string IsADirectory(std::string_view path);
std::string CannotRead(std::string_view path, std::string_view detail);
std::string EmptyFile(std::string_view path);
std::string NothingStored(std::string_view message);
std::string DeclaredOtherSource(std::string_view path, std::string_view declared, std::string_view source);
std::string NoKeyFingerprint(std::string_view path);
std::string OtherKey(std::string_view path, std::string_view fingerprint, std::string_view store_fingerprint);
std::string HeaderOnly(std::string_view path);
std::string ColumnIgnored(std::string_view column, std::string_view source);
std::string Duplicate(std::string_view key, std::string_view where);
std::string DuplicateHint();
std::string LineOfThisFile(long line);
std::string LineOfFile(std::string_view file, long line);
std::string FileSummary(std::string_view file, long read, long accepted, long rejected, std::string_view description);
std::string AlreadyIngested(std::string_view file, std::string_view when);
std::string AlreadyIngestedAs(std::string_view at, std::string_view file_name);
std::string ThisRun();
std::string LineWord();
std::string RowsRejectedAndKept(long rejected);

// Pseudonymise.
std::string NoPostcodeTable();
std::string NotADeskSource(std::string_view source);
std::string DuplicateRecordId(long first_line);
std::string NoRecordForPerson(std::string_view records_file);
std::string PersonNumberTwice(long first_line);
std::string UnknownExtractColumn(std::string_view column);
std::string RecordWithoutPersons();

// Encode (CLKs outside the desk pipeline).
std::string SecretTwice();
std::string SecretRequired();
std::string CannotOpenSecretFile(std::string_view path);
std::string EmptySecretFile(std::string_view path);
std::string ColumnsAgainstSchema(std::string_view input, size_t columns, std::string_view schema, size_t features);
std::string ColumnAgainstFeature(std::string_view input, size_t position, std::string_view column,
                                 std::string_view feature);
std::string CannotCreateFile(std::string_view path);
std::string CannotWriteFile(std::string_view path);
std::string CannotRenameFile(std::string_view from, std::string_view to);
std::string AtLineOf(std::string_view path, long line);  // "PATH: regel LINE"

// Indicator catalogue.
std::string ExampleTargetMark();  // "(voorbeeld)": a 2030 target the board has not set yet
std::string CatalogProblems(size_t count, std::string_view dir);
std::string CatalogSound(std::string_view dir, size_t indicators, size_t files);
std::string IndicatorsListed(size_t count, std::string_view dir);

// Compute, run and export.
std::string UnknownIndicator(std::string_view id);
std::string NeedsLinkage();
std::string ForecastOnlyPlainCounts();
std::string ComputeRunDetails(size_t computed, size_t unchanged, size_t not_computed);
std::string ExportForAnalystsOnly();  // the status column until disclosure control lands
std::string ExportForAnalystsReason();
std::string NothingComputedYet();
// signals-eval
std::string TruthDirRequired();
std::string BadReplayWeeks();
std::string NoWeeklySeries();
std::string NothingPublishedYet();
std::string PublicationOutdated();
std::string DefinitionsSheet();  // "definities"
std::string UnknownExportFormat(std::string_view format);
std::string UnknownRegion(std::string_view code);
// Audiences (audience.h).
std::string BadAudience(std::string_view text);
std::string UnknownDeskAudience(std::string_view source, const std::vector<std::string>& desks);
std::string RunLinking();
std::string RunComputing(std::string_view indicator);
std::string StageLinking();    // "koppelen"
std::string StageComputing();  // "berekenen"
// Publish (pipeline/publish.h).
std::string StagePublishing();  // "publiceren"
std::string PublicationCurrent();
std::string KindNotPublishedYet(std::string_view kind);
std::string PublishStageSummary(int64_t cells, int64_t suppressed_primary, int64_t suppressed_secondary);
// Signals (pipeline/signals.h).
std::string StageSignalling();  // "signaleren"
std::string SignalsCurrent();
std::string SignalsStageSummary(int64_t signals, int64_t new_signals, int64_t tests);
std::string SignalsNotARate();
std::string SignalsRollingWindow();
std::string SignalsNoWeeksOrMonths();
std::string UnknownSignalStatus(std::string_view status, const std::vector<std::string>& names);
std::string NoSuchSignal(int64_t id);
std::string LinkStageSummary(bool skipped, bool incremental, int64_t new_involvements);
std::string NoDeskRowsToLink();
std::string ComputeStageSummary(size_t indicators, int64_t cells, size_t unchanged, size_t not_computed);

// Link.
std::string LinkingSource(std::string_view source);  // context: "koppelen van SOURCE"

// Link evaluation.
std::string MapItemMalformed(std::string_view item);
std::string MapUnknownField(std::string_view field);
std::string MapFieldTwice(std::string_view field);
std::string OneOrTwoInputs();
std::string BadTruthRegex(std::string_view detail);
std::string TruthRegexWithoutGroup();
std::string NoSuchColumn(std::string_view path, std::string_view column);
std::string TruthValueUnmatched(std::string_view path, long line, std::string_view value);
std::string SchemaMustMake1024Bits();

// Survey.
std::string PopulationWithoutCount(std::string_view path);
std::string BadPopulationCount(std::string_view path, long line, std::string_view text);
std::string NoSuchWave(int wave);
std::string FileOrWave();
std::string PoststratifyNeedsPopulation();
std::string PopulationColumnsDiffer(std::string_view path, std::string_view variables);
std::string PopulationWithoutPoststratify();
std::string StoredWave(int wave);

// Count series.
std::string SeriesPeriodKind();
std::string NotASeriesSource(std::string_view source);
std::string NoRegionColumn(std::string_view source, std::string_view level);
std::string NoRegio();
std::string SeriesRegionLevel();
std::string NoRowsForSeries(std::string_view source);

// Detection.
std::string BadFrequency();
std::string DetectEvalNeedsTruth();
std::string RejectedInFile(std::string_view file, long rejected, std::string_view first_reason);
std::string TooFewWeeks(int weeks, int needed);

// The synthetic truth.
std::string AtLine(std::string_view path, long line, std::string_view message);
std::string NotAWholeNumber(std::string_view text);
std::string NotAnIsoWeek(std::string_view text);
std::string NotACount(std::string_view text);
std::string UnknownVtClass(std::string_view text);
std::string NoSuchRegistration(std::string_view where);
std::string MissingTruthValue(std::string_view where, std::string_view column);
std::string NotInTruth(std::string_view where);
std::string TruthPersonsColumns(std::string_view path);
std::string NoTruthFor(std::string_view path, std::string_view source, std::string_view record_id, int betrokkene_nr);

// Files the stages write.
std::string CannotWrite(std::string_view path);

// Schema.
std::string NoSuchTable(std::string_view source, std::string_view table, bool is_desk);

// Link, link pairs and cross-desk measures.
std::string TooFewToLink(size_t rows);
std::string NotLinkedYet();
std::string IngestedAfterLinking(std::string_view source, std::string_view record_id);
std::string PairOutsideLinkage(uint32_t a, uint32_t b);

// Accounts and the audit log.
std::string BadRole(std::string_view text);
std::string BadAccountName(size_t max_length);
std::string PasswordNotUtf8();
std::string PasswordTooShort(size_t min_length);
std::string PasswordTooLongForPolicy(size_t max_bytes);
std::string PasswordIsName();
std::string AuditSeqMismatch(int64_t expected, int64_t got);
std::string AuditEntryMissing(int64_t expected, int64_t found);
std::string AuditPreviousHashWrong();
std::string AuditEntryChanged();
std::string BadAuditSince(std::string_view text, std::string_view why);

}  // namespace sz::pipeline::msg
