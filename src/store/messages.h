// The texts of the store module, in Dutch: what a user reads when the store cannot be opened,
// written or read. One place, so that the command, the server and the dashboard show the same words.
#pragma once

#include <string>
#include <string_view>

namespace sz::store::msg {

// `what` says what was being done ("het inlezen opslaan", "var/samenzicht.db"), as the start of the message.
std::string DiskFull(std::string_view what);
std::string NotWritable(std::string_view what, std::string_view detail);
std::string CannotOpen(std::string_view what, std::string_view detail);
std::string NotADatabase(std::string_view what);
std::string IoFailure(std::string_view what, std::string_view detail, int code);
std::string Locked(std::string_view what);
std::string Failure(std::string_view what, std::string_view detail);
std::string IsADirectory(std::string_view path);
std::string CannotCreateDirectory(std::string_view path, std::string_view directory, std::string_view detail);
std::string FileNotWritable(std::string_view path);
std::string NotOurs(std::string_view path);
std::string NewerSchema(std::string_view path, int version, int known);
std::string MissingMigration(std::string_view path, std::string_view source);
std::string ContractChanged(std::string_view path, std::string_view source, int stored_version, int version);
std::string FileAlreadyIngested(std::string_view file);

std::string WriteOutsideTransaction(std::string_view what);
std::string TransactionAlreadyOpen();
std::string TransactionFinished();
std::string StaleLinkage(int64_t stored, int64_t first_new);
std::string NoSuchInvolvement(int64_t idx);
std::string CellOfOtherIndicator(std::string_view cell_indicator, std::string_view indicator);
std::string BadPublishedStatus(std::string_view status);  // a published cell with an unknown status
std::string DuplicateCell(std::string_view indicator, std::string_view region, std::string_view period,
                          std::string_view breakdown);
std::string NoSuchComputeRun(int64_t run_id);
std::string CommaInSignalList(std::string_view key, std::string_view text);  // an indicator or source name
std::string NoSuchSignal(int64_t id);
std::string AccountExists(std::string_view name);
std::string NoSuchAccount(std::string_view name);
std::string AuditChainMoved(int64_t last_seq);  // an appended entry does not continue the chain
std::string RowWidth(std::string_view source, size_t width, size_t expected);
std::string RowValueKind(std::string_view source, std::string_view column, std::string_view expected,
                         std::string_view found);
std::string StoredValueUnreadable(std::string_view source, std::string_view column);

std::string UnknownStoreUrl(std::string_view url);
std::string PostgresNotYet(std::string_view url);

}  // namespace sz::store::msg
