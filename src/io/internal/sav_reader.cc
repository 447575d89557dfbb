#include "io/internal/sav_reader.h"

#include <readstat.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "io/messages.h"

namespace sz::io::internal {
namespace {

struct SavContext {
  TextTable* table;
  std::vector<std::string> label_set_of_column;                              // per variable index
  std::map<std::string, std::map<std::string, std::string>> label_sets;      // label set name → value → label
  long rows = 0;
  std::string error;
};

std::string FormatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

int OnMetadata(readstat_metadata_t* metadata, void* ctx) {
  auto* c = static_cast<SavContext*>(ctx);
  long rows = readstat_get_row_count(metadata);
  if (rows > 0) c->table->rows.reserve(static_cast<size_t>(rows));
  return READSTAT_HANDLER_OK;
}

int OnVariable(int index, readstat_variable_t* variable, const char* val_labels, void* ctx) {
  auto* c = static_cast<SavContext*>(ctx);
  c->table->header.push_back(readstat_variable_get_name(variable));
  c->label_set_of_column.push_back(val_labels ? val_labels : "");
  return READSTAT_HANDLER_OK;
}

int OnValue(int obs_index, readstat_variable_t* variable, readstat_value_t value, void* ctx) {
  auto* c = static_cast<SavContext*>(ctx);
  int var_index = readstat_variable_get_index(variable);
  auto& rows = c->table->rows;
  while (static_cast<long>(rows.size()) <= obs_index) {
    rows.emplace_back(c->table->header.size());
    c->table->line_numbers.push_back(static_cast<long>(rows.size()) + 1);
  }
  std::string& cell = rows[static_cast<size_t>(obs_index)][static_cast<size_t>(var_index)];
  if (readstat_value_is_missing(value, variable)) {
    cell.clear();
    return READSTAT_HANDLER_OK;
  }
  switch (readstat_value_type(value)) {
    case READSTAT_TYPE_STRING: {
      const char* s = readstat_string_value(value);
      cell = s ? s : "";
      break;
    }
    case READSTAT_TYPE_INT8: cell = std::to_string(readstat_int8_value(value)); break;
    case READSTAT_TYPE_INT16: cell = std::to_string(readstat_int16_value(value)); break;
    case READSTAT_TYPE_INT32: cell = std::to_string(readstat_int32_value(value)); break;
    case READSTAT_TYPE_FLOAT: cell = FormatNumber(readstat_float_value(value)); break;
    case READSTAT_TYPE_DOUBLE: {
      double v = readstat_double_value(value);
      cell = std::isnan(v) ? "" : FormatNumber(v);
      break;
    }
    default: cell.clear();
  }
  return READSTAT_HANDLER_OK;
}

int OnValueLabel(const char* val_labels, readstat_value_t value, const char* label, void* ctx) {
  auto* c = static_cast<SavContext*>(ctx);
  std::string key;
  switch (readstat_value_type(value)) {
    case READSTAT_TYPE_STRING: key = readstat_string_value(value); break;
    case READSTAT_TYPE_INT8: key = std::to_string(readstat_int8_value(value)); break;
    case READSTAT_TYPE_INT16: key = std::to_string(readstat_int16_value(value)); break;
    case READSTAT_TYPE_INT32: key = std::to_string(readstat_int32_value(value)); break;
    case READSTAT_TYPE_FLOAT: key = FormatNumber(readstat_float_value(value)); break;
    case READSTAT_TYPE_DOUBLE: key = FormatNumber(readstat_double_value(value)); break;
    default: return READSTAT_HANDLER_OK;
  }
  c->label_sets[val_labels][key] = label ? label : "";
  return READSTAT_HANDLER_OK;
}

}  // namespace

bool LooksLikeSav(const std::string& first_bytes) {
  return first_bytes.rfind("$FL2", 0) == 0 || first_bytes.rfind("$FL3", 0) == 0;
}

Result<TextTable> ReadSav(const std::string& path) {
  TextTable table;
  table.path = path;
  SavContext ctx{&table, {}, {}, 0, {}};
  readstat_parser_t* parser = readstat_parser_init();
  readstat_set_metadata_handler(parser, OnMetadata);
  readstat_set_variable_handler(parser, OnVariable);
  readstat_set_value_handler(parser, OnValue);
  readstat_set_value_label_handler(parser, OnValueLabel);
  readstat_error_t error = readstat_parse_sav(parser, path.c_str(), &ctx);
  readstat_parser_free(parser);
  if (error != READSTAT_OK) {
    return DataError(msg::NotASavFile(path, readstat_error_message(error)));
  }
  for (size_t col = 0; col < table.header.size(); ++col) {
    const std::string& set = ctx.label_set_of_column[col];
    if (set.empty()) continue;
    auto it = ctx.label_sets.find(set);
    if (it != ctx.label_sets.end()) table.value_labels[table.header[col]] = it->second;
  }
  table.description = msg::SavDescription(table.rows.size(), table.header.size());
  return table;
}

}  // namespace sz::io::internal
