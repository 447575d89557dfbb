#include "pipeline/encode.h"

#include <cstdio>
#include <fstream>
#include <iterator>

#include "io/text_table.h"
#include "pipeline/messages.h"
#include "privacy/bytes.h"
#include "privacy/clk_encoder.h"
#include "privacy/clk_schema.h"

namespace sz::pipeline {
namespace {

Result<std::string> ReadSecret(const EncodeRequest& options) {
  if (!options.secret.empty() && !options.secret_file.empty()) {
    return InvalidArgumentError(msg::SecretTwice());
  }
  if (options.secret_file.empty()) {
    if (options.secret.empty()) return InvalidArgumentError(msg::SecretRequired());
    return options.secret;
  }
  std::ifstream in(options.secret_file, std::ios::binary);
  if (!in) return NotFoundError(msg::CannotOpenSecretFile(options.secret_file));
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) return DataError(msg::EmptySecretFile(options.secret_file));
  return secret;
}

}  // namespace

Result<EncodeReport> EncodeClks(const EncodeRequest& options) {
  ASSIGN_OR_RETURN(std::string secret, ReadSecret(options));
  ASSIGN_OR_RETURN(privacy::ClkSchema schema, privacy::ReadClkSchemaFile(options.schema));
  ASSIGN_OR_RETURN(privacy::ClkEncoder encoder, privacy::ClkEncoder::Create(schema, privacy::AsBytes(secret)));
  ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(options.input));

  const auto& features = encoder.schema().features;
  if (table.header.size() != features.size()) {
    return DataError(msg::ColumnsAgainstSchema(options.input, table.header.size(), options.schema, features.size()));
  }
  if (!options.no_header_check) {
    for (size_t i = 0; i < features.size(); ++i) {
      if (table.header[i] != features[i].identifier) {
        return DataError(msg::ColumnAgainstFeature(options.input, i + 1, table.header[i], features[i].identifier));
      }
    }
  }

  std::string temporary = options.output + ".partial";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) return IoError(msg::CannotCreateFile(temporary));
  for (size_t row = 0; row < table.rows.size(); ++row) {
    Result<privacy::Clk> clk = encoder.Encode(table.rows[row]);
    if (!clk.ok()) {
      out.close();
      std::remove(temporary.c_str());
      return clk.status().WithContext(msg::AtLineOf(options.input, table.line_numbers[row]));
    }
    out << clk->ToBase64() << '\n';
  }
  out.close();
  if (!out) {
    std::remove(temporary.c_str());
    return IoError(msg::CannotWriteFile(temporary));
  }
  if (std::rename(temporary.c_str(), options.output.c_str()) != 0) {
    return IoError(msg::CannotRenameFile(temporary, options.output));
  }
  return EncodeReport{table.rows.size(), table.description};
}

}  // namespace sz::pipeline
