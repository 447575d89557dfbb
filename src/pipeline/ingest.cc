#include "pipeline/ingest.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sys/stat.h>

#include "io/csv_reader.h"
#include "io/text_table.h"
#include "privacy/bytes.h"
#include "privacy/hash.h"
#include "sources/contract.h"
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
    if (errno == ENOENT) return NotFoundError(path + ": file not found");
    return IoError(path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return IoError(path + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open for reading: " + std::strerror(errno));
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  if (st.st_size > 0 && !in.read(bytes.data(), st.st_size)) return IoError(path + ": read failed");
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

std::string KeyText(const sources::TableSpec& table, const std::vector<std::string>& values) {
  std::string out;
  for (const auto& key : table.key) {
    if (!out.empty()) out += ", ";
    out += key + " " + values[table.IndexOf(key)];
  }
  return out;
}

}  // namespace

std::string FileReport::Summary() const {
  if (already_ingested) {
    return file + ": already ingested on " + already_ingested_at + "; nothing added";
  }
  return file + ": read " + std::to_string(read) + " = accepted " + std::to_string(accepted) + " + rejected " +
         std::to_string(rejected) + " (" + description + ")";
}

long IngestReport::TotalRejected() const {
  long total = 0;
  for (const auto& file : files) total += file.rejected;
  return total;
}

Result<IngestReport> Ingest(store::Store& store, const RegionTable& regions, const Clock& clock,
                            const IngestRequest& request) {
  const sources::SourceContract* contract = sources::FindContract(request.source);
  if (contract == nullptr) {
    return InvalidArgumentError("unknown source '" + request.source + "' (sources: " + sources::ContractNames() + ")");
  }
  if (request.files.empty()) return InvalidArgumentError("no files given to ingest");

  IngestReport report;
  report.source = contract->name;
  ASSIGN_OR_RETURN(std::optional<std::string> store_fingerprint, store.Setting(store::kLinkageKeyFingerprintSetting));
  ASSIGN_OR_RETURN(auto tx, store.BeginIngest());
  std::set<std::string> hashes_in_this_ingest;

  for (const std::string& path : request.files) {
    FileReport file_report;
    file_report.file = path;
    ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path));
    if (bytes.empty()) {
      return DataError(path + ": the file is empty (0 bytes); expected a header line and data rows. Nothing was stored");
    }
    ASSIGN_OR_RETURN(privacy::Sha256Digest digest, privacy::Sha256(privacy::AsBytes(bytes)));
    std::string sha = privacy::HexEncode(digest);
    ASSIGN_OR_RETURN(auto earlier, store.FindIngestedFile(contract->name, sha));
    if (earlier || hashes_in_this_ingest.count(sha)) {
      file_report.already_ingested = true;
      file_report.already_ingested_at = earlier ? earlier->ingested_at + " (as " + earlier->file_name + ")" : "this run";
      report.files.push_back(std::move(file_report));
      continue;
    }
    hashes_in_this_ingest.insert(sha);

    auto rows_or = OpenRows(path, std::move(bytes));
    if (!rows_or.ok()) return Status(rows_or.status().code(), rows_or.status().message() + ". Nothing was stored");
    std::unique_ptr<RowSource> rows = std::move(rows_or).value();
    file_report.description = rows->description();

    // Extract headers: the declared source and, for desk sources, the key fingerprint.
    std::string declared_source = rows->Metadata("source");
    if (!declared_source.empty() && declared_source != contract->name) {
      return DataError(path + ": the extract declares source '" + declared_source + "' but was ingested as '" +
                       contract->name + "'. Nothing was stored");
    }
    store::IngestFileInfo info;
    info.source = contract->name;
    info.file_name = path;
    info.sha256 = sha;
    info.contract_version = contract->version;
    info.description = file_report.description;
    if (contract->is_desk) {
      std::string fingerprint = rows->Metadata("key_fingerprint");
      if (fingerprint.empty()) {
        return DataError(path +
                         ": this extract states no key fingerprint ('# key_fingerprint: …' at the top). Only extracts "
                         "made by `samenzicht pseudonymise` can be linked; make the extract with it. Nothing was stored");
      }
      if (store_fingerprint && *store_fingerprint != fingerprint) {
        if (!request.accept_new_key) {
          return FailedPreconditionError(
              path + ": the extract was made with key " + fingerprint + ", but the store links with key " +
              *store_fingerprint +
              ". Pseudonyms made with different keys never match, so these persons could not be linked to anyone "
              "already in the store. Make the extract with the desks' shared key, or, if the key was deliberately "
              "replaced, ingest with --accept-new-key. Nothing was stored");
        }
      }
      if (!store_fingerprint || *store_fingerprint != fingerprint) {
        RETURN_IF_ERROR(tx->SetSetting(store::kLinkageKeyFingerprintSetting, fingerprint));
        store_fingerprint = fingerprint;
        report.key_fingerprint_recorded = true;
      }
      info.key_fingerprint = fingerprint;
    }
    auto mapping = sources::MapHeader(contract->extract, rows->header());
    if (!mapping.ok()) return mapping.status().WithContext(path + ": line 1");
    for (const std::string& ignored : mapping->ignored) {
      file_report.warnings.push_back("column '" + ignored + "' is not part of the " + contract->name +
                                     " contract and was ignored");
    }

    ASSIGN_OR_RETURN(int64_t file_id, tx->AddFile(info));

    sources::RowValidator validator(contract->extract, *mapping, regions, clock);
    // Value labels of .sav files turn codes (1, 2) into the contract's categories (man, vrouw).
    std::vector<const std::map<std::string, std::string>*> labels(contract->extract.columns.size(), nullptr);
    for (size_t c = 0; c < contract->extract.columns.size(); ++c) {
      if (mapping->file_column_of[c] >= 0 && contract->extract.columns[c].type == sources::ColumnType::kCategory) {
        labels[c] = rows->Labels(contract->extract.columns[c].name);
      }
    }

    io::CsvRecord record;
    std::vector<std::string> values;
    auto reject = [&](store::RejectedRow row) -> Status {
      ++file_report.rejected;
      if (file_report.first_rejects.size() < kRejectsShown) file_report.first_rejects.push_back(row);
      return tx->AddReject(file_id, row);
    };
    while (rows->Next(record)) {
      ++file_report.read;
      if (request.progress && file_report.read % 50000 == 0) request.progress(path, file_report.read);
      if (!record.error.empty()) {
        RETURN_IF_ERROR(reject({record.line, "", "", record.error, record.hint, record.raw}));
        continue;
      }
      for (size_t c = 0; c < labels.size(); ++c) {
        if (labels[c] == nullptr) continue;
        std::string& cell = record.cells[mapping->file_column_of[c]];
        if (auto label = labels[c]->find(cell); label != labels[c]->end()) cell = label->second;
      }
      if (auto problem = validator.Validate(record.cells, values)) {
        RETURN_IF_ERROR(reject({record.line, problem->column_name, problem->value, problem->reason, problem->hint,
                                record.raw}));
        continue;
      }
      ASSIGN_OR_RETURN(store::InsertOutcome outcome, tx->InsertRecord(file_id, record.line, *contract, values));
      if (!outcome.inserted) {
        std::string where = outcome.existing_file == path ? "line " + std::to_string(outcome.existing_line) + " of this file"
                                                          : outcome.existing_file + ", line " +
                                                                std::to_string(outcome.existing_line);
        RETURN_IF_ERROR(reject({record.line, contract->extract.key.front(), values[contract->extract.IndexOf(contract->extract.key.front())],
                                "duplicate record: " + KeyText(contract->extract, values) + " already delivered in " + where,
                                "each record id may be delivered once; remove the repeated row or correct its id",
                                record.raw}));
        continue;
      }
      ++file_report.accepted;
    }
    if (file_report.read == 0) {
      return DataError(path + ": the file has a header but no data rows; was the export empty? Nothing was stored");
    }
    RETURN_IF_ERROR(tx->UpdateFileCounts(file_id, file_report.read, file_report.accepted, file_report.rejected));
    report.files.push_back(std::move(file_report));
  }
  RETURN_IF_ERROR(tx->Commit());
  return report;
}

}  // namespace sz::pipeline
