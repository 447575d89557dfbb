#include "privacy/clk_schema.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "core/unicode.h"
#include "privacy/internal/text.h"
#include "privacy/messages.h"

namespace sz::privacy {
namespace {

using Json = nlohmann::json;

Status SchemaError(const std::string& path, std::string_view reason) {
  return InvalidArgumentError(msg::SchemaProblem(path, reason));
}

Result<int64_t> GetInteger(const Json& object, const char* name, const std::string& path) {
  const Json& value = object.at(name);
  if (!value.is_number_integer()) return SchemaError(path + "." + name, msg::MustBeInteger());
  return value.get<int64_t>();
}

Result<std::string> GetString(const Json& object, const char* name, const std::string& path) {
  const Json& value = object.at(name);
  if (!value.is_string()) return SchemaError(path + "." + name, msg::MustBeString());
  return value.get<std::string>();
}

Result<bool> GetBool(const Json& object, const char* name, const std::string& path) {
  const Json& value = object.at(name);
  if (!value.is_boolean()) return SchemaError(path + "." + name, msg::MustBeBoolean());
  return value.get<bool>();
}

Result<Bytes> GetBase64(const Json& object, const char* name, const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, GetString(object, name, path));
  Result<Bytes> bytes = Base64Decode(text);
  if (!bytes.ok()) return SchemaError(path + "." + name, msg::NotBase64());
  return bytes;
}

Result<ClkKdf> ParseKdf(const Json& kdf, const std::string& path) {
  if (!kdf.is_object()) return SchemaError(path, msg::MustBeObject());
  ClkKdf out;
  if (!kdf.contains("type")) return SchemaError(path + ".type", msg::RequiredHkdf());
  ASSIGN_OR_RETURN(std::string type, GetString(kdf, "type", path));
  if (type != "HKDF") return SchemaError(path + ".type", msg::OnlyHkdf());
  if (kdf.contains("hash")) {
    ASSIGN_OR_RETURN(std::string hash, GetString(kdf, "hash", path));
    if (hash == "SHA256") {
      out.hash = HashAlgorithm::kSha256;
    } else if (hash == "SHA512") {
      out.hash = HashAlgorithm::kSha512;
    } else {
      return SchemaError(path + ".hash", msg::MustBeOneOf({"\"SHA256\"", "\"SHA512\""}));
    }
  }
  if (kdf.contains("salt")) {
    ASSIGN_OR_RETURN(out.salt, GetBase64(kdf, "salt", path));
  }
  if (kdf.contains("info")) {
    ASSIGN_OR_RETURN(out.info, GetBase64(kdf, "info", path));
  }
  if (kdf.contains("keySize")) {
    ASSIGN_OR_RETURN(int64_t size, GetInteger(kdf, "keySize", path));
    if (size < 1 || size > 1024) return SchemaError(path + ".keySize", msg::MustBeBetween(1, 1024));
    out.key_size = static_cast<int>(size);
  }
  return out;
}

Result<ClkFeatureFormat> ParseFormat(const Json& format, const std::string& path) {
  if (!format.is_object()) return SchemaError(path, msg::MustBeObject());
  if (!format.contains("type")) return SchemaError(path + ".type", msg::Required());
  ASSIGN_OR_RETURN(std::string type, GetString(format, "type", path));
  ClkFeatureFormat out;
  if (type == "string") {
    out.type = ClkFeatureType::kString;
    if (format.contains("encoding")) {
      ASSIGN_OR_RETURN(std::string encoding, GetString(format, "encoding", path));
      if (encoding == "utf-8") {
        out.encoding = ClkTextEncoding::kUtf8;
      } else if (encoding == "ascii") {
        out.encoding = ClkTextEncoding::kAscii;
      } else if (encoding == "utf-16") {
        out.encoding = ClkTextEncoding::kUtf16;
      } else if (encoding == "utf-32") {
        out.encoding = ClkTextEncoding::kUtf32;
      } else {
        return SchemaError(path + ".encoding", msg::MustBeOneOf({"ascii", "utf-8", "utf-16", "utf-32"}));
      }
    }
    if (format.contains("pattern")) {
      ASSIGN_OR_RETURN(std::string pattern, GetString(format, "pattern", path));
      Result<std::u32string> code_points = DecodeUtf8(pattern);
      if (!code_points.ok()) return SchemaError(path + ".pattern", msg::NotUtf8());
      try {
        std::wregex check(internal::ToWide(*code_points));
      } catch (const std::regex_error& error) {
        return SchemaError(path + ".pattern", msg::NotAUsableRegex(error.what()));
      }
      out.pattern = pattern;
    }
    if (format.contains("case")) {
      ASSIGN_OR_RETURN(std::string string_case, GetString(format, "case", path));
      if (string_case == "mixed") {
        out.string_case = ClkStringCase::kMixed;
      } else if (string_case == "lower") {
        out.string_case = ClkStringCase::kLower;
      } else if (string_case == "upper") {
        out.string_case = ClkStringCase::kUpper;
      } else {
        return SchemaError(path + ".case", msg::MustBeOneOf({"upper", "lower", "mixed"}));
      }
    }
    if (format.contains("minLength")) {
      ASSIGN_OR_RETURN(int64_t length, GetInteger(format, "minLength", path));
      if (length < 0) return SchemaError(path + ".minLength", msg::MustNotBeNegative());
      out.min_length = static_cast<int>(length);
    }
    if (format.contains("maxLength")) {
      ASSIGN_OR_RETURN(int64_t length, GetInteger(format, "maxLength", path));
      if (length < 1) return SchemaError(path + ".maxLength", msg::MustBeAtLeast(1));
      out.max_length = static_cast<int>(length);
    }
  } else if (type == "integer") {
    out.type = ClkFeatureType::kInteger;
    if (format.contains("minimum")) {
      ASSIGN_OR_RETURN(out.minimum, GetInteger(format, "minimum", path));
    }
    if (format.contains("maximum")) {
      ASSIGN_OR_RETURN(out.maximum, GetInteger(format, "maximum", path));
    }
  } else if (type == "date") {
    out.type = ClkFeatureType::kDate;
    if (!format.contains("format")) return SchemaError(path + ".format", msg::RequiredForDate());
    ASSIGN_OR_RETURN(out.date_format, GetString(format, "format", path));
    RETURN_IF_ERROR(internal::CheckStrptimeFormat(out.date_format).WithContext(msg::Schema(path + ".format")));
  } else if (type == "enum") {
    out.type = ClkFeatureType::kEnum;
    if (!format.contains("values") || !format.at("values").is_array()) {
      return SchemaError(path + ".values", msg::EnumNeedsValues());
    }
    for (const Json& value : format.at("values")) {
      if (!value.is_string()) return SchemaError(path + ".values", msg::EnumValuesMustBeStrings());
      out.enum_values.push_back(value.get<std::string>());
    }
  } else {
    return SchemaError(path + ".type", msg::MustBeOneOf({"string", "integer", "date", "enum"}));
  }
  return out;
}

Result<ClkComparison> ParseComparison(const Json& comparison, const std::string& path) {
  if (!comparison.is_object()) return SchemaError(path, msg::MustBeObject());
  if (!comparison.contains("type")) return SchemaError(path + ".type", msg::Required());
  ASSIGN_OR_RETURN(std::string type, GetString(comparison, "type", path));
  ClkComparison out;
  if (type == "ngram") {
    out.type = ClkComparisonType::kNgram;
    if (!comparison.contains("n")) return SchemaError(path + ".n", msg::RequiredForNgram());
    ASSIGN_OR_RETURN(int64_t n, GetInteger(comparison, "n", path));
    if (n < 1 || n > 64) return SchemaError(path + ".n", msg::MustBeBetween(1, 64));
    out.n = static_cast<int>(n);
    if (comparison.contains("positional")) {
      ASSIGN_OR_RETURN(out.positional, GetBool(comparison, "positional", path));
    }
  } else if (type == "exact") {
    out.type = ClkComparisonType::kExact;
  } else if (type == "numeric") {
    out.type = ClkComparisonType::kNumeric;
    if (!comparison.contains("thresholdDistance") || !comparison.at("thresholdDistance").is_number()) {
      return SchemaError(path + ".thresholdDistance", msg::PositiveNumberRequired());
    }
    out.threshold_distance = comparison.at("thresholdDistance").get<double>();
    if (!(out.threshold_distance > 0)) return SchemaError(path + ".thresholdDistance", msg::MustBePositive());
    if (!comparison.contains("resolution")) return SchemaError(path + ".resolution", msg::Required());
    ASSIGN_OR_RETURN(int64_t resolution, GetInteger(comparison, "resolution", path));
    if (resolution < 1 || resolution > 100000) return SchemaError(path + ".resolution", msg::MustBeAtLeast(1));
    out.resolution = static_cast<int>(resolution);
    if (comparison.contains("fractional_precision")) {
      ASSIGN_OR_RETURN(int64_t precision, GetInteger(comparison, "fractional_precision", path));
      if (precision < 0 || precision > 15) return SchemaError(path + ".fractional_precision", msg::MustBeBetween(0, 15));
      out.fractional_precision = static_cast<int>(precision);
    }
  } else {
    return SchemaError(path + ".type", msg::MustBeOneOf({"ngram", "exact", "numeric"}));
  }
  return out;
}

Result<ClkHashing> ParseHashing(const Json& hashing, const std::string& path) {
  if (!hashing.is_object()) return SchemaError(path, msg::MustBeObject());
  ClkHashing out;
  if (!hashing.contains("comparison")) return SchemaError(path + ".comparison", msg::Required());
  ASSIGN_OR_RETURN(out.comparison, ParseComparison(hashing.at("comparison"), path + ".comparison"));

  if (!hashing.contains("strategy") || !hashing.at("strategy").is_object()) {
    return SchemaError(path + ".strategy", msg::StrategyRequired());
  }
  const Json& strategy = hashing.at("strategy");
  bool per_token = strategy.contains("bitsPerToken");
  bool per_feature = strategy.contains("bitsPerFeature");
  if (per_token == per_feature || strategy.size() != 1) {
    return SchemaError(path + ".strategy", msg::StrategyExactlyOne());
  }
  const char* strategy_name = per_token ? "bitsPerToken" : "bitsPerFeature";
  ASSIGN_OR_RETURN(int64_t bits, GetInteger(strategy, strategy_name, path + ".strategy"));
  if (bits < 1 || bits > 100000) return SchemaError(path + ".strategy", msg::BitsAtLeastOne());
  (per_token ? out.bits_per_token : out.bits_per_feature) = static_cast<int>(bits);

  if (hashing.contains("hash")) {
    const Json& hash = hashing.at("hash");
    if (!hash.is_object() || !hash.contains("type")) return SchemaError(path + ".hash", msg::HashNeedsType());
    ASSIGN_OR_RETURN(std::string type, GetString(hash, "type", path + ".hash"));
    if (type == "blakeHash") {
      out.hash = ClkHashType::kBlakeHash;
      if (hash.contains("prevent_singularity")) {
        return SchemaError(path + ".hash.prevent_singularity", msg::OnlyForDoubleHash());
      }
    } else if (type == "doubleHash") {
      out.hash = ClkHashType::kDoubleHash;
      if (hash.contains("prevent_singularity")) {
        ASSIGN_OR_RETURN(out.prevent_singularity, GetBool(hash, "prevent_singularity", path + ".hash"));
      }
    } else {
      return SchemaError(path + ".hash.type", msg::MustBeOneOf({"blakeHash", "doubleHash"}));
    }
  }
  if (hashing.contains("missingValue")) {
    const Json& missing = hashing.at("missingValue");
    if (!missing.is_object() || !missing.contains("sentinel")) {
      return SchemaError(path + ".missingValue", msg::MissingValueNeedsSentinel());
    }
    ClkMissingValue missing_value;
    ASSIGN_OR_RETURN(missing_value.sentinel, GetString(missing, "sentinel", path + ".missingValue"));
    if (missing.contains("replaceWith")) {
      ASSIGN_OR_RETURN(missing_value.replace_with, GetString(missing, "replaceWith", path + ".missingValue"));
    }
    out.missing_value = std::move(missing_value);
  }
  for (const auto& [name, value] : hashing.items()) {
    if (name != "comparison" && name != "strategy" && name != "hash" && name != "missingValue") {
      return SchemaError(path + "." + name, msg::NotAHashingProperty());
    }
  }
  return out;
}

Result<ClkSchema> ParseDocument(const Json& document) {
  if (!document.is_object()) return SchemaError(msg::SchemaTopLevel(), msg::MustBeJsonObject());
  ClkSchema schema;
  if (!document.contains("version")) return SchemaError("version", msg::Required());
  if (!document.at("version").is_number() || document.at("version").get<double>() != 3) {
    return SchemaError("version", msg::OnlyVersion3());
  }
  if (!document.contains("clkConfig") || !document.at("clkConfig").is_object()) {
    return SchemaError("clkConfig", msg::Required());
  }
  const Json& config = document.at("clkConfig");
  if (config.contains("l")) {  // v3 lists l as required with default 1024; we accept it absent
    ASSIGN_OR_RETURN(int64_t l, GetInteger(config, "l", "clkConfig"));
    if (l < 1 || l > (1 << 20)) return SchemaError("clkConfig.l", msg::MustBeBetween(1, 1 << 20));
    schema.l = static_cast<int>(l);
  }
  if (config.contains("xorFolds")) {
    ASSIGN_OR_RETURN(int64_t folds, GetInteger(config, "xorFolds", "clkConfig"));
    if (folds < 0 || folds > 10) return SchemaError("clkConfig.xorFolds", msg::MustBeBetween(0, 10));
    schema.xor_folds = static_cast<int>(folds);
  }
  if (!config.contains("kdf")) return SchemaError("clkConfig.kdf", msg::Required());
  ASSIGN_OR_RETURN(schema.kdf, ParseKdf(config.at("kdf"), "clkConfig.kdf"));

  if (!document.contains("features") || !document.at("features").is_array()) {
    return SchemaError("features", msg::FeaturesRequired());
  }
  const Json& features = document.at("features");
  for (size_t i = 0; i < features.size(); ++i) {
    std::string path = "features[" + std::to_string(i) + "]";
    const Json& feature = features[i];
    if (!feature.is_object()) return SchemaError(path, msg::MustBeObject());
    ClkFeature out;
    if (!feature.contains("identifier")) return SchemaError(path + ".identifier", msg::Required());
    ASSIGN_OR_RETURN(out.identifier, GetString(feature, "identifier", path));
    if (feature.contains("description")) {
      ASSIGN_OR_RETURN(out.description, GetString(feature, "description", path));
    }
    if (feature.contains("ignored")) {
      ASSIGN_OR_RETURN(out.ignored, GetBool(feature, "ignored", path));
    }
    if (!out.ignored) {
      if (!feature.contains("format")) return SchemaError(path + ".format", msg::RequiredUnlessIgnored());
      if (!feature.contains("hashing")) return SchemaError(path + ".hashing", msg::RequiredUnlessIgnored());
      ASSIGN_OR_RETURN(out.format, ParseFormat(feature.at("format"), path + ".format"));
      ASSIGN_OR_RETURN(out.hashing, ParseHashing(feature.at("hashing"), path + ".hashing"));
    }
    schema.features.push_back(std::move(out));
  }
  return schema;
}

}  // namespace

int ClkSchema::FeatureIndex(std::string_view identifier) const {
  for (size_t i = 0; i < features.size(); ++i) {
    if (features[i].identifier == identifier) return static_cast<int>(i);
  }
  return -1;
}

Result<ClkSchema> ParseClkSchema(std::string_view json_text) {
  Json document = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return InvalidArgumentError(msg::SchemaNotJson());
  try {
    ASSIGN_OR_RETURN(ClkSchema schema, ParseDocument(document));
    ASSIGN_OR_RETURN(Sha256Digest digest, Sha256(AsBytes(json_text)));
    schema.digest = HexEncode(digest);
    return schema;
  } catch (const Json::exception& error) {
    return InvalidArgumentError(msg::SchemaJsonError(error.what()));
  }
}

Result<ClkSchema> ReadClkSchemaFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(msg::SchemaCannotOpen(path));
  std::stringstream content;
  content << in.rdbuf();
  if (in.bad()) return IoError(msg::SchemaCannotRead(path));
  Result<ClkSchema> schema = ParseClkSchema(content.str());
  if (!schema.ok()) return schema.status().WithContext(path);
  return schema;
}

}  // namespace sz::privacy
