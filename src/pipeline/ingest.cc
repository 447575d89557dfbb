#include "pipeline/ingest.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "io/csv_reader.h"
#include "io/text_table.h"
#include "pipeline/internal/row_pipe.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "privacy/bytes.h"
#include "privacy/hash.h"
#include "sources/contract.h"
#include "sources/messages.h"
#include "sources/validator.h"

namespace sz::pipeline {
namespace {

constexpr size_t kRejectsShown = 10;

// A file's rows, from CSV (streamed record by record) or from SPSS .sav (read whole).
class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual const std::vector<std::string>& header() const = 0;
  virtual std::string description() const = 0;
  virtual std::string Metadata(const std::string& key) const = 0;
  // Value labels of a column (.sav), or nullptr.
  virtual const std::map<std::string, std::string>* Labels(const std::string& column) const = 0;
  virtual bool Next(io::CsvRecord& record) = 0;
};

class CsvRowSource : public RowSource {
 public:
  explicit CsvRowSource(std::unique_ptr<io::CsvReader> reader) : reader_(std::move(reader)) {}
  const std::vector<std::string>& header() const override { return reader_->header(); }
  std::string description() const override { return "CSV, " + reader_->dialect().Describe(); }
  std::string Metadata(const std::string& key) const override { return reader_->Metadata(key); }
  const std::map<std::string, std::string>* Labels(const std::string&) const override { return nullptr; }
  bool Next(io::CsvRecord& record) override { return reader_->Next(record); }

 private:
  std::unique_ptr<io::CsvReader> reader_;
};

class SavRowSource : public RowSource {
 public:
  explicit SavRowSource(io::TextTable table) : table_(std::move(table)) {}
  const std::vector<std::string>& header() const override { return table_.header; }
  std::string description() const override { return table_.description; }
  std::string Metadata(const std::string&) const override { return ""; }
  const std::map<std::string, std::string>* Labels(const std::string& column) const override {
    auto it = table_.value_labels.find(column);
    return it == table_.value_labels.end() ? nullptr : &it->second;
  }
  bool Next(io::CsvRecord& record) override {
    if (next_ >= table_.rows.size()) return false;
    record.line = table_.line_numbers[next_];
    record.cells = std::move(table_.rows[next_]);
    record.raw.clear();
    for (size_t i = 0; i < record.cells.size(); ++i) record.raw += (i ? ";" : "") + record.cells[i];
    record.error.clear();
    record.hint.clear();
    ++next_;
    return true;
  }

 private:
  io::TextTable table_;
  size_t next_ = 0;
};

Result<std::string> ReadWholeFile(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return NotFoundError(msg::FileNotFound(path));
    return IoError(msg::CannotRead(path, std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) return IoError(msg::IsADirectory(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(msg::CannotRead(path, std::strerror(errno)));
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  if (st.st_size > 0 && !in.read(bytes.data(), st.st_size)) return IoError(msg::CannotRead(path, "leesfout"));
  return bytes;
}

Result<std::unique_ptr<RowSource>> OpenRows(const std::string& path, std::string bytes) {
  if (io::LooksLikeSav(bytes)) {
    ASSIGN_OR_RETURN(io::TextTable table, io::ReadSavFile(path));
    return std::unique_ptr<RowSource>(std::make_unique<SavRowSource>(std::move(table)));
  }
  ASSIGN_OR_RETURN(auto reader, io::CsvReader::FromBytes(std::move(bytes), path));
  return std::unique_ptr<RowSource>(std::make_unique<CsvRowSource>(std::move(reader)));
}

std::string KeyText(const sources::TableSpec& table, const std::vector<Value>& values) {
  std::string out;
  for (const auto& key : table.key) {
    if (!out.empty()) out += ", ";
    out += key + " " + values[table.IndexOf(key)].ToString();
  }
  return out;
}

// A row as the parser thread hands it to the storing one: its values, or why it was rejected.
struct ParsedRow {
  long line = 0;
  std::vector<Value> values;
  std::string raw;                           // the row's text, for a duplicate found when storing
  std::optional<store::RejectedRow> reject;  // set when the row was rejected
};

// Stores what the parser hands over: accepted rows as records (a duplicate key becomes a reject),
// rejected rows with their reasons; counts them in `file`.
Status StoreRows(internal::RowPipe<ParsedRow>& pipe, store::Store& store, int64_t file_id,
                 const sources::SourceContract& contract, const std::string& path, const IngestRequest& request,
                 FileReport& file) {
  store::IngestLog& log = store.ingest_log();
  auto reject = [&](store::RejectedRow row) -> Status {
    ++file.rejected;
    if (file.first_rejects.size() < kRejectsShown) file.first_rejects.push_back(row);
    return log.AddReject(file_id, row);
  };
  ParsedRow row;
  while (pipe.Pop(row)) {
    ++file.read;
    if (request.progress && file.read % 50000 == 0) request.progress(path, file.read);
    if (row.reject) {
      RETURN_IF_ERROR(reject(std::move(*row.reject)));
      continue;
    }
    ASSIGN_OR_RETURN(store::InsertOutcome outcome, store.records().Insert(file_id, row.line, contract, row.values));
    if (!outcome.inserted) {
      std::string where = outcome.existing_file == path ? msg::LineOfThisFile(outcome.existing_line)
                                                        : msg::LineOfFile(outcome.existing_file, outcome.existing_line);
      const std::string& key_column = contract.extract.key.front();
      RETURN_IF_ERROR(reject({row.line, key_column, row.values[contract.extract.IndexOf(key_column)].ToString(),
                              msg::Duplicate(KeyText(contract.extract, row.values), where), msg::DuplicateHint(),
                              std::move(row.raw)}));
      continue;
    }
    ++file.accepted;
  }
  return Status::Ok();
}

}  // namespace

std::string FileReport::Summary() const {
  if (already_ingested) return msg::AlreadyIngested(file, already_ingested_at);
  return msg::FileSummary(file, read, accepted, rejected, description);
}

long IngestReport::TotalRejected() const {
  long total = 0;
  for (const auto& file : files) total += file.rejected;
  return total;
}

Result<IngestReport> Ingest(Workspace& workspace, const IngestRequest& request) {
  const sources::SourceContract* contract = sources::FindContract(request.source);
  if (contract == nullptr) {
    return InvalidArgumentError(sources::msg::UnknownSource(request.source, sources::ContractNames()));
  }
  if (request.files.empty()) return InvalidArgumentError(msg::NoFilesToIngest());
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  const Clock& clock = workspace.clock();

  IngestReport report;
  report.source = contract->name;
  ASSIGN_OR_RETURN(std::optional<std::string> store_fingerprint,
                   store->settings().Get(store::kLinkageKeyFingerprintSetting));
  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  store::IngestLog& log = store->ingest_log();
  std::set<std::string> hashes_in_this_ingest;

  for (const std::string& path : request.files) {
    FileReport file_report;
    file_report.file = path;
    ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path));
    if (bytes.empty()) return DataError(msg::EmptyFile(path));
    ASSIGN_OR_RETURN(privacy::Sha256Digest digest, privacy::Sha256(privacy::AsBytes(bytes)));
    std::string sha = privacy::HexEncode(digest);
    ASSIGN_OR_RETURN(auto earlier, log.FindFile(contract->name, sha));
    if (earlier || hashes_in_this_ingest.count(sha)) {
      file_report.already_ingested = true;
      file_report.already_ingested_at =
          earlier ? msg::AlreadyIngestedAs(earlier->ingested_at, earlier->file_name) : msg::ThisRun();
      report.files.push_back(std::move(file_report));
      continue;
    }
    hashes_in_this_ingest.insert(sha);

    auto rows_or = OpenRows(path, std::move(bytes));
    if (!rows_or.ok()) return Status(rows_or.status().code(), msg::NothingStored(rows_or.status().message()));
    std::unique_ptr<RowSource> rows = std::move(rows_or).value();
    file_report.description = rows->description();

    // Extract headers: the declared source and, for desk sources, the key fingerprint.
    std::string declared_source = rows->Metadata("source");
    if (!declared_source.empty() && declared_source != contract->name) {
      return DataError(msg::DeclaredOtherSource(path, declared_source, contract->name));
    }
    store::IngestFileInfo info;
    info.source = contract->name;
    info.file_name = path;
    info.sha256 = sha;
    info.contract_version = contract->version;
    info.description = file_report.description;
    info.ingested_at = UtcTimestamp(workspace.clock().NowUnixSeconds());
    if (contract->is_desk) {
      std::string fingerprint = rows->Metadata("key_fingerprint");
      if (fingerprint.empty()) return DataError(msg::NoKeyFingerprint(path));
      if (store_fingerprint && *store_fingerprint != fingerprint && !request.accept_new_key) {
        return FailedPreconditionError(msg::OtherKey(path, fingerprint, *store_fingerprint));
      }
      if (!store_fingerprint || *store_fingerprint != fingerprint) {
        RETURN_IF_ERROR(store->settings().Set(store::kLinkageKeyFingerprintSetting, fingerprint));
        store_fingerprint = fingerprint;
        report.key_fingerprint_recorded = true;
      }
      info.key_fingerprint = fingerprint;
    }
    auto mapping = sources::MapHeader(contract->extract, rows->header());
    if (!mapping.ok()) return mapping.status().WithContext(path + ": " + msg::LineWord() + " 1");
    for (const std::string& ignored : mapping->ignored) {
      file_report.warnings.push_back(msg::ColumnIgnored(ignored, contract->name));
    }

    ASSIGN_OR_RETURN(int64_t file_id, log.AddFile(info));

    sources::RowValidator validator(contract->extract, *mapping, *regions, clock);
    // Value labels of .sav files turn codes (1, 2) into the contract's categories (man, vrouw).
    std::vector<const std::map<std::string, std::string>*> labels(contract->extract.columns.size(), nullptr);
    for (size_t c = 0; c < contract->extract.columns.size(); ++c) {
      if (mapping->file_column_of[c] >= 0 && contract->extract.columns[c].type == sources::ColumnType::kCategory) {
        labels[c] = rows->Labels(contract->extract.columns[c].name);
      }
    }

    // Parse and validate on a thread of their own while this one stores (two cores, both busy).
    internal::RowPipe<ParsedRow> pipe;
    std::thread parser([&] {
      io::CsvRecord record;
      while (rows->Next(record)) {
        ParsedRow row;
        row.line = record.line;
        if (!record.error.empty()) {
          row.reject = store::RejectedRow{record.line, "", "", record.error, record.hint, std::move(record.raw)};
        } else {
          for (size_t c = 0; c < labels.size(); ++c) {
            if (labels[c] == nullptr) continue;
            std::string& cell = record.cells[mapping->file_column_of[c]];
            if (auto label = labels[c]->find(cell); label != labels[c]->end()) cell = label->second;
          }
          if (auto problem = validator.Validate(record.cells, row.values)) {
            row.reject = store::RejectedRow{record.line,     problem->column_name, std::move(problem->value),
                                            problem->reason, problem->hint,        std::move(record.raw)};
          } else {
            row.raw = std::move(record.raw);
          }
        }
        if (!pipe.Push(std::move(row))) return;
      }
      pipe.Close();
    });
    Status stored = StoreRows(pipe, *store, file_id, *contract, path, request, file_report);
    pipe.Cancel();  // a producer still pushing stops
    parser.join();
    RETURN_IF_ERROR(stored);
    if (file_report.read == 0) return DataError(msg::HeaderOnly(path));
    RETURN_IF_ERROR(log.UpdateFileCounts(file_id, file_report.read, file_report.accepted, file_report.rejected));
    report.files.push_back(std::move(file_report));
  }
  RETURN_IF_ERROR(tx.Commit());
  return report;
}

}  // namespace sz::pipeline
