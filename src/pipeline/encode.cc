#include "pipeline/encode.h"

#include <cstdio>
#include <fstream>
#include <iterator>

#include "io/text_table.h"
#include "privacy/bytes.h"
#include "privacy/clk_encoder.h"
#include "privacy/clk_schema.h"

namespace sz::pipeline {
namespace {

Result<std::string> ReadSecret(const EncodeRequest& options) {
  if (!options.secret.empty() && !options.secret_file.empty()) {
    return InvalidArgumentError("geef --secret of --secret-file, niet allebei");
  }
  if (options.secret_file.empty()) {
    if (options.secret.empty()) return InvalidArgumentError("een geheim is verplicht (--secret of --secret-file)");
    return options.secret;
  }
  std::ifstream in(options.secret_file, std::ios::binary);
  if (!in) return NotFoundError("geheimbestand " + options.secret_file + " kan niet worden geopend");
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) return DataError("geheimbestand " + options.secret_file + " is leeg");
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
    return DataError(options.input + ": heeft " + std::to_string(table.header.size()) + " kolommen, het schema " +
                     options.schema + " beschrijft " + std::to_string(features.size()) + " kenmerken");
  }
  if (!options.no_header_check) {
    for (size_t i = 0; i < features.size(); ++i) {
      if (table.header[i] != features[i].identifier) {
        return DataError(options.input + ": kolom " + std::to_string(i + 1) + " heet '" + table.header[i] +
                         "' maar kenmerk " + std::to_string(i + 1) + " van het schema is '" + features[i].identifier +
                         "' (kolommen worden op positie gekoppeld; --no-header-check accepteert andere namen)");
      }
    }
  }

  std::string temporary = options.output + ".partial";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) return IoError("kan " + temporary + " niet aanmaken");
  for (size_t row = 0; row < table.rows.size(); ++row) {
    Result<privacy::Clk> clk = encoder.Encode(table.rows[row]);
    if (!clk.ok()) {
      out.close();
      std::remove(temporary.c_str());
      return clk.status().WithContext(options.input + ": regel " + std::to_string(table.line_numbers[row]));
    }
    out << clk->ToBase64() << '\n';
  }
  out.close();
  if (!out) {
    std::remove(temporary.c_str());
    return IoError("kan " + temporary + " niet schrijven");
  }
  if (std::rename(temporary.c_str(), options.output.c_str()) != 0) {
    return IoError("kan " + temporary + " niet hernoemen naar " + options.output);
  }
  return EncodeReport{table.rows.size(), table.description};
}

}  // namespace sz::pipeline
