#include "privacy/internal/clk_tokens.h"

#include <cmath>
#include <cstdlib>
#include <regex>

#include "core/unicode.h"
#include "privacy/internal/text.h"
#include "privacy/messages.h"

namespace sz::privacy::internal {
namespace {

std::u32string Ascii(std::string_view text) { return std::u32string(text.begin(), text.end()); }

std::string TwoDigits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

// Python's int(round(x)): round half to even.
Result<int64_t> RoundHalfEven(double x) {
  if (!std::isfinite(x) || std::fabs(x) > 9.0e18) return DataError(msg::NumberOutOfRange());
  return static_cast<int64_t>(std::nearbyint(x));
}

int64_t FloorMod(int64_t value, int64_t modulus) {
  int64_t r = value % modulus;
  return r < 0 ? r + modulus : r;
}

Result<int64_t> NumericValue(const std::string& word, int fractional_precision) {
  int64_t scale = 1;
  for (int i = 0; i < fractional_precision; ++i) scale *= 10;
  Result<int64_t> integer = ParsePythonInt(word);
  if (integer.ok()) return *integer * scale;
  // Python float(word): surrounding whitespace allowed, whole text must be consumed.
  std::string trimmed = word;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
  size_t start = 0;
  while (start < trimmed.size() && std::isspace(static_cast<unsigned char>(trimmed[start]))) ++start;
  trimmed = trimmed.substr(start);
  if (trimmed.empty()) return DataError(msg::NotANumber());
  char* end = nullptr;
  double value = std::strtod(trimmed.c_str(), &end);
  if (end != trimmed.c_str() + trimmed.size() || !std::isfinite(value)) return DataError(msg::NotAFiniteNumber());
  if (fractional_precision > 0) return RoundHalfEven(value * static_cast<double>(scale));
  if (std::fabs(value) > 9.0e18) return DataError(msg::NumberOutOfRange());
  return static_cast<int64_t>(value);  // int(float) truncates toward zero
}

}  // namespace

Result<std::u32string> FormatClkValue(const ClkFeature& feature, std::string_view value) {
  const ClkFeatureFormat& format = feature.format;
  ASSIGN_OR_RETURN(std::u32string text, DecodeUtf8(value));
  if (feature.hashing.missing_value.has_value() && value == feature.hashing.missing_value->sentinel) {
    const auto& replacement = feature.hashing.missing_value->replace_with;
    if (!replacement.has_value()) return text;
    return DecodeUtf8(*replacement);
  }
  if (format.encoding == ClkTextEncoding::kAscii) {
    for (char32_t c : text) {
      if (c > 0x7f) return DataError(msg::ValueNotAscii());
    }
  }
  switch (format.type) {
    case ClkFeatureType::kString: {
      if (format.pattern.has_value()) {
        ASSIGN_OR_RETURN(std::u32string pattern, DecodeUtf8(*format.pattern));
        try {
          std::wregex regex(ToWide(pattern));
          if (!std::regex_match(ToWide(text), regex)) return DataError(msg::ValueNotMatchingPattern());
        } catch (const std::regex_error&) {
          return DataError(msg::PatternNotEvaluable());
        }
        return text;
      }
      int length = static_cast<int>(text.size());
      if (format.min_length.has_value() && length < *format.min_length) {
        return DataError(msg::ValueShorterThan(*format.min_length));
      }
      if (format.max_length.has_value() && length > *format.max_length) {
        return DataError(msg::ValueLongerThan(*format.max_length));
      }
      for (char32_t c : text) {
        if (format.string_case == ClkStringCase::kLower && SimpleLower(c) != c) {
          return DataError(msg::ValueNotLowerCase());
        }
        if (format.string_case == ClkStringCase::kUpper && SimpleUpper(c) != c) {
          return DataError(msg::ValueNotUpperCase());
        }
      }
      return text;
    }
    case ClkFeatureType::kInteger: {
      Result<int64_t> number = ParsePythonInt(value);
      if (!number.ok()) return DataError(msg::ValueNotAnInteger());
      if (format.minimum.has_value() && *number < *format.minimum) {
        return DataError(msg::ValueBelowMinimum(*format.minimum));
      }
      if (format.maximum.has_value() && *number > *format.maximum) {
        return DataError(msg::ValueAboveMaximum(*format.maximum));
      }
      return Ascii(std::to_string(*number));
    }
    case ClkFeatureType::kDate: {
      Result<StrptimeDate> date = Strptime(text, format.date_format);
      if (!date.ok()) return DataError(msg::ValueNotADate(date.status().message()));
      // Python's strftime('%Y%m%d') (glibc does not pad years below 1000).
      return Ascii(std::to_string(date->year) + TwoDigits(date->month) + TwoDigits(date->day));
    }
    case ClkFeatureType::kEnum: {
      for (const std::string& allowed : format.enum_values) {
        if (allowed == value) return text;
      }
      return DataError(msg::ValueNotAnEnumValue());
    }
  }
  return text;
}

Result<std::vector<std::u32string>> TokenizeClkValue(const ClkComparison& comparison, std::u32string_view value) {
  std::vector<std::u32string> tokens;
  if (value.empty()) return tokens;
  switch (comparison.type) {
    case ClkComparisonType::kNgram: {
      size_t n = static_cast<size_t>(comparison.n);
      std::u32string word;
      if (n > 1) word.append(n - 1, U' ');
      word.append(value);
      if (n > 1) word.append(n - 1, U' ');
      if (word.size() < n) return tokens;
      tokens.reserve(word.size() - n + 1);
      for (size_t i = 0; i + n <= word.size(); ++i) {
        std::u32string token;
        if (comparison.positional) {
          token = Ascii(std::to_string(i + 1) + " ");
        }
        token.append(word, i, n);
        tokens.push_back(std::move(token));
      }
      return tokens;
    }
    case ClkComparisonType::kExact:
      tokens.emplace_back(value);
      return tokens;
    case ClkComparisonType::kNumeric: {
      int64_t scale = 1;
      for (int i = 0; i < comparison.fractional_precision; ++i) scale *= 10;
      ASSIGN_OR_RETURN(int64_t interval, RoundHalfEven(comparison.threshold_distance * static_cast<double>(scale)));
      if (interval <= 0) return DataError(msg::ThresholdRoundsToZero());
      Result<int64_t> number = NumericValue(EncodeUtf8(value), comparison.fractional_precision);
      if (!number.ok()) return DataError(msg::ValueNotANumber());
      __int128 v = static_cast<__int128>(*number) * 2 * comparison.resolution;
      if (v > INT64_MAX / 4 || v < INT64_MIN / 4) return DataError(msg::NumberOutOfRange());
      int64_t scaled = static_cast<int64_t>(v);
      int64_t residue = FloorMod(scaled, interval);
      if (residue != 0) {
        if (2 * residue < interval) {
          scaled -= residue;
        } else {
          scaled += interval - residue;
        }
      }
      for (int i = -comparison.resolution; i <= comparison.resolution; ++i) {
        tokens.push_back(Ascii(std::to_string(scaled + static_cast<int64_t>(i) * interval)));
      }
      return tokens;
    }
  }
  return tokens;
}

}  // namespace sz::privacy::internal
