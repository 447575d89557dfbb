// The texts of the privacy module, in Dutch: what a desk or an analyst reads when a key file, a
// linkage schema or a value cannot be used, and the problems the Pseudonymiser reports per person.
// One place, so that the command, the server and the dashboard show the same words.
//
// Identities never appear here: messages about a person's data name the part or the schema feature
// and the reason, never the value (the functions below take no value to echo). Names from a schema
// and file names are shown; what a user typed is quoted shortened (core/messages.h QuoteValue).
//
//   return DataError(msg::KeyFileExists(path));
//   out.problems.push_back(msg::ProblemPostcode(reason));   // "postcode: …"
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sz::privacy::msg {

// Key files (key.h). `detail` is the operating system's reason (strerror).
std::string KeyWrongSize();
std::string NotAKeyFileLength();
std::string NotAKeyFileHex();
std::string KeyFile(std::string_view path);  // "sleutelbestand PATH", as the context of a Parse error
std::string KeyFileMissing(std::string_view path);
std::string CannotOpenKeyFile(std::string_view path, std::string_view detail);
std::string CannotReadKeyFile(std::string_view path, std::string_view detail);
std::string KeyFileExists(std::string_view path);
std::string CannotCreateKeyFile(std::string_view path, std::string_view detail);
std::string CannotSetKeyFileMode(std::string_view path, std::string_view detail);
std::string CannotWriteKeyFile(std::string_view path, std::string_view detail);
std::string CannotSyncKeyFile(std::string_view path, std::string_view detail);
std::string CannotCloseKeyFile(std::string_view path, std::string_view detail);
std::string RandomSourceFailed(std::string_view detail);

// Hex and base64 (bytes.h) and CLKs (clk.h). They describe the text, never repeat it.
std::string HexOddLength();
std::string HexInvalidCharacter();
std::string Base64BadLength();
std::string Base64InvalidCharacter();
std::string ClkNotBase64();
std::string ClkWrongLength(size_t bits, size_t expected);
std::string ClkBitsBeyondLength();
// Field-level encodings in their text form (field_encoder.h FieldEncodingsToText).
std::string FieldEncodingsNotBase64();
std::string FieldEncodingsWrongLength();
std::string FieldEncodingsVersion(int found, int expected);
std::string FieldEncodingsUnknownParts();
std::string FieldEncodingsEmptyPart();
std::string FieldEncodingsDatePartsWithoutDate();

// Cryptographic primitives (hmac.h, hkdf.h, blake2b.h, hash.h). An OpenSSL failure is a bug or a
// broken installation: "OpenSSL faalde bij <operation>[: <OpenSSL's reason>]".
std::string OpenSslFailed(std::string_view operation, std::string_view detail);
std::string OpFetch(std::string_view algorithm);          // "het ophalen van HMAC"
std::string OpCreateContext(std::string_view algorithm);  // "het aanmaken van een HMAC-context"
std::string OpSetUp(std::string_view algorithm);          // "het instellen van HMAC-SHA256"
std::string OpCompute(std::string_view algorithm);        // "het berekenen van HMAC"
std::string ContextNotCreated(std::string_view algorithm);
std::string OutputBufferTooSmall(std::string_view algorithm);
std::string HkdfHashUnsupported();
std::string HkdfLength();
std::string Blake2bKeySize();
std::string Blake2bDigestSize();
std::string Blake2bSaltSize();

// Linkage schemas (clk_schema.h): "koppelschema: PATH: REASON", PATH the JSON path of the problem.
std::string Schema(std::string_view path);  // "koppelschema: PATH"
std::string SchemaProblem(std::string_view path, std::string_view reason);
std::string SchemaTopLevel();  // the JSON path of the document itself
std::string SchemaNotJson();
std::string SchemaJsonError(std::string_view detail);
std::string SchemaCannotOpen(std::string_view path);
std::string SchemaCannotRead(std::string_view path);
// The reasons.
std::string MustBeInteger();
std::string MustBeString();
std::string MustBeBoolean();
std::string MustBeObject();
std::string MustBeJsonObject();
std::string MustBeOneOf(const std::vector<std::string>& options);
std::string MustBeBetween(long long minimum, long long maximum);
std::string MustBeAtLeast(long long minimum);
std::string MustNotBeNegative();
std::string MustBePositive();
std::string PositiveNumberRequired();
std::string NotBase64();
std::string NotUtf8();
std::string NotAUsableRegex(std::string_view detail);
std::string Required();
std::string RequiredHkdf();
std::string RequiredForDate();
std::string RequiredForNgram();
std::string RequiredUnlessIgnored();
std::string StrategyRequired();
std::string StrategyExactlyOne();
std::string BitsAtLeastOne();
std::string OnlyHkdf();
std::string OnlyVersion3();
std::string EnumNeedsValues();
std::string EnumValuesMustBeStrings();
std::string HashNeedsType();
std::string OnlyForDoubleHash();
std::string MissingValueNeedsSentinel();
std::string NotAHashingProperty();
std::string FeaturesRequired();
// Date formats in a schema (strptime directives).
std::string DateFormatLonePercent();
std::string DateFormatDirectiveUnsupported(std::string_view directive);

// The CLK encoder (clk_encoder.h): the schema as a whole, and a value that does not fit its feature.
std::string SchemaHasNoFeatures();
std::string SchemaHkdfTooLong(size_t bytes);
std::string SchemaBlakeNeedsPowerOfTwo();
std::string SchemaBlakeKeySize();
std::string RecordValueCount(size_t values, size_t features);
std::string NoSuchFeature();
std::string FeatureValue(std::string_view feature, std::string_view reason);  // "kenmerk 'f': reason"
// Why a value does not fit its feature (internal/clk_tokens.cc, internal/text.cc).
std::string ValueNotAscii();
std::string ValueNotMatchingPattern();
std::string PatternNotEvaluable();
std::string ValueShorterThan(int min_length);
std::string ValueLongerThan(int max_length);
std::string ValueNotLowerCase();
std::string ValueNotUpperCase();
std::string ValueNotAnInteger();
std::string ValueBelowMinimum(long long minimum);
std::string ValueAboveMaximum(long long maximum);
std::string ValueNotADate(std::string_view reason);
std::string ValueNotAnEnumValue();
std::string ValueNotANumber();
std::string NotAnInteger();
std::string IntegerTooLarge();
std::string NotANumber();
std::string NotAFiniteNumber();
std::string NumberOutOfRange();
std::string ThresholdRoundsToZero();
std::string DateFormatMismatch(std::string_view format);
std::string DateFormatUnconverted(std::string_view format);
std::string YearOutOfRange();
std::string DayOutOfRange();

// Addresses (address.h): the reason only, never the value.
std::string PostcodeEmpty();
std::string PostcodeShape();
std::string PostcodeStartsWithDigits();
std::string PostcodeLeadingZero();
std::string PostcodeEndsWithLetters();
std::string PostcodeLettersNotIssued();
std::string HouseNumberTooLong();
std::string HouseNumberStartsWithDigits();
std::string HouseNumberZero();
std::string AdditionCharacters();
std::string AdditionTooLong();

// The Pseudonymiser (pseudonymiser.h): the schema, and the problems per person. Each problem starts
// with the part it is about and a colon ("postcode: …"); link-eval counts problems by that part.
std::string BirthDateFeatureFormat();
std::string UnfillableFeature(std::string_view feature);
std::string ProblemBsnElfproef();
std::string ProblemBirthDate();
std::string ProblemSex();
std::string ProblemPostcode(std::string_view reason);
std::string ProblemHouseNumber(std::string_view reason);
std::string ProblemClk(std::string_view reason);

// Passwords (password.h).
std::string SodiumUnavailable();
std::string PasswordTooLong(size_t max_bytes);
std::string PasswordWithNul();
std::string PasswordHashFailed();

}  // namespace sz::privacy::msg
