#include "store/records.h"

#include "store/messages.h"

namespace sz::store {

Status CheckRow(const sources::SourceContract& contract, std::span<const Value> values) {
  const auto& columns = contract.extract.columns;
  if (values.size() != columns.size()) {
    return InvalidArgumentError(msg::RowWidth(contract.name, values.size(), columns.size()));
  }
  for (size_t c = 0; c < columns.size(); ++c) {
    Value::Kind expected = sources::StoredKind(columns[c].type);
    if (!values[c].missing() && values[c].kind() != expected) {
      return InvalidArgumentError(
          msg::RowValueKind(contract.name, columns[c].name, ValueKindName(expected), ValueKindName(values[c].kind())));
    }
  }
  return Status::Ok();
}

std::string SummaryRangeColumn(const sources::SourceContract& contract) {
  if (!contract.extract.date_column.empty()) return contract.extract.date_column;
  if (contract.extract.Find("week") != nullptr) return "week";
  if (contract.extract.Find("jaar") != nullptr) return "jaar";
  return "";
}

}  // namespace sz::store
