#include "privacy/messages.h"

#include "core/messages.h"

namespace sz::privacy::msg {
namespace {

std::string Detail(std::string_view detail) { return " (" + std::string(detail) + ")"; }

}  // namespace

std::string KeyWrongSize() { return "een sleutel moet precies 32 bytes zijn"; }
std::string NotAKeyFileLength() {
  return "geen sleutelbestand van Samenzicht: verwacht één regel van 64 hexadecimale tekens (gemaakt met "
         "`samenzicht keygen`)";
}
std::string NotAKeyFileHex() {
  return "geen sleutelbestand van Samenzicht: de regel bevat tekens die geen hexadecimale cijfers zijn";
}
std::string KeyFile(std::string_view path) { return "sleutelbestand " + std::string(path); }
std::string KeyFileMissing(std::string_view path) { return KeyFile(path) + " bestaat niet"; }
std::string CannotOpenKeyFile(std::string_view path, std::string_view detail) {
  return KeyFile(path) + " kan niet worden geopend" + Detail(detail);
}
std::string CannotReadKeyFile(std::string_view path, std::string_view detail) {
  return KeyFile(path) + " kan niet worden gelezen" + Detail(detail);
}
std::string KeyFileExists(std::string_view path) {
  return std::string(path) +
         " bestaat al; een sleutelbestand wordt nooit overschreven (met een verloren sleutel is geen enkel eerder "
         "pseudoniem meer te koppelen). Kies een andere naam of verwijder het bestand zelf.";
}
std::string CannotCreateKeyFile(std::string_view path, std::string_view detail) {
  return KeyFile(path) + " kan niet worden aangemaakt" + Detail(detail);
}
std::string CannotSetKeyFileMode(std::string_view path, std::string_view detail) {
  return "de rechten van " + KeyFile(path) + " kunnen niet worden ingesteld" + Detail(detail);
}
std::string CannotWriteKeyFile(std::string_view path, std::string_view detail) {
  return KeyFile(path) + " kan niet worden geschreven" + Detail(detail);
}
std::string CannotSyncKeyFile(std::string_view path, std::string_view detail) {
  return KeyFile(path) + " kan niet naar de schijf worden weggeschreven (fsync)" + Detail(detail);
}
std::string CannotCloseKeyFile(std::string_view path, std::string_view detail) {
  return KeyFile(path) + " kan niet worden gesloten" + Detail(detail);
}
std::string RandomSourceFailed(std::string_view detail) {
  return "de toevalsbron van het besturingssysteem faalde" + Detail(detail);
}

std::string HexOddLength() { return "de hexadecimale tekst heeft een oneven aantal cijfers"; }
std::string HexInvalidCharacter() { return "de hexadecimale tekst bevat een teken dat geen hexadecimaal cijfer is"; }
std::string Base64BadLength() { return "de lengte van de base64-tekst is geen veelvoud van 4"; }
std::string Base64InvalidCharacter() {
  return "de base64-tekst bevat een ongeldig teken of een '=' op de verkeerde plaats";
}
std::string ClkNotBase64() { return "de CLK is geen geldige base64"; }
std::string ClkWrongLength(size_t bits, size_t expected) {
  return "de CLK heeft " + std::to_string(bits) + " bits, verwacht " + std::to_string(expected);
}
std::string ClkBitsBeyondLength() { return "de CLK heeft bits aan voorbij zijn lengte"; }

std::string FieldEncodingsNotBase64() { return "de veldcodering is geen base64"; }
std::string FieldEncodingsWrongLength() {
  return "de veldcodering heeft niet de lengte die bij de aanwezige velden hoort (afgekapt of beschadigd)";
}
std::string FieldEncodingsVersion(int found, int expected) {
  return "de veldcodering heeft formaatversie " + std::to_string(found) + ", verwacht " + std::to_string(expected) +
         " (maak het extract opnieuw met deze versie van samenzicht pseudonymise)";
}
std::string FieldEncodingsUnknownParts() { return "de veldcodering meldt onderdelen die dit formaat niet kent"; }
std::string FieldEncodingsEmptyPart() { return "de veldcodering bevat een leeg onderdeel dat als aanwezig is gemeld"; }
std::string FieldEncodingsDatePartsWithoutDate() {
  return "de veldcodering bevat delen van een geboortedatum zonder de geboortedatum zelf";
}

std::string OpenSslFailed(std::string_view operation, std::string_view detail) {
  return "OpenSSL faalde bij " + std::string(operation) + (detail.empty() ? "" : ": " + std::string(detail));
}
std::string OpFetch(std::string_view algorithm) { return "het ophalen van " + std::string(algorithm); }
std::string OpCreateContext(std::string_view algorithm) {
  return "het aanmaken van een " + std::string(algorithm) + "-context";
}
std::string OpSetUp(std::string_view algorithm) { return "het instellen van " + std::string(algorithm); }
std::string OpCompute(std::string_view algorithm) { return "het berekenen van " + std::string(algorithm); }
std::string ContextNotCreated(std::string_view algorithm) {
  return "de " + std::string(algorithm) + "-context is niet aangemaakt (kopiëren mislukt)";
}
std::string OutputBufferTooSmall(std::string_view algorithm) {
  return "de uitvoerbuffer voor " + std::string(algorithm) + " is te klein";
}
std::string HkdfHashUnsupported() { return "HKDF ondersteunt alleen SHA256 en SHA512"; }
std::string HkdfLength() { return "de uitvoer van HKDF moet 1 tot 255 keer zo lang zijn als de hash"; }
std::string Blake2bKeySize() { return "een BLAKE2b-sleutel moet 1 tot 64 bytes lang zijn"; }
std::string Blake2bDigestSize() { return "de digestlengte van BLAKE2b moet 1 tot 64 bytes zijn"; }
std::string Blake2bSaltSize() { return "een BLAKE2b-salt mag hoogstens 16 bytes lang zijn"; }

std::string Schema(std::string_view path) { return "koppelschema: " + std::string(path); }
std::string SchemaProblem(std::string_view path, std::string_view reason) {
  return Schema(path) + ": " + std::string(reason);
}
std::string SchemaTopLevel() { return "(hoofdniveau)"; }
std::string SchemaNotJson() { return "koppelschema: geen geldige JSON"; }
std::string SchemaJsonError(std::string_view detail) { return "koppelschema: " + std::string(detail); }
std::string SchemaCannotOpen(std::string_view path) {
  return "koppelschema " + std::string(path) + " kan niet worden geopend";
}
std::string SchemaCannotRead(std::string_view path) {
  return "koppelschema " + std::string(path) + " kan niet worden gelezen";
}

std::string MustBeInteger() { return "moet een geheel getal zijn"; }
std::string MustBeString() { return "moet een tekst zijn"; }
std::string MustBeBoolean() { return "moet true of false zijn"; }
std::string MustBeObject() { return "moet een object zijn"; }
std::string MustBeJsonObject() { return "moet een JSON-object zijn"; }
std::string MustBeOneOf(const std::vector<std::string>& options) {
  std::string list;
  for (size_t i = 0; i < options.size(); ++i) {
    if (i > 0) list += i + 1 == options.size() ? " of " : ", ";
    list += options[i];
  }
  return options.size() > 2 ? "moet een van " + list + " zijn" : "moet " + list + " zijn";
}
std::string MustBeBetween(long long minimum, long long maximum) {
  return "moet een getal van " + std::to_string(minimum) + " tot en met " + std::to_string(maximum) + " zijn";
}
std::string MustBeAtLeast(long long minimum) { return "moet minstens " + std::to_string(minimum) + " zijn"; }
std::string MustNotBeNegative() { return "mag niet negatief zijn"; }
std::string MustBePositive() { return "moet positief zijn"; }
std::string PositiveNumberRequired() { return "een positief getal is verplicht"; }
std::string NotBase64() { return "is geen geldige base64"; }
std::string NotUtf8() { return "is geen geldige UTF-8"; }
std::string NotAUsableRegex(std::string_view detail) {
  return "is geen reguliere expressie die Samenzicht kan gebruiken" + Detail(detail);
}
std::string Required() { return "is verplicht"; }
std::string RequiredHkdf() { return "is verplicht (\"HKDF\")"; }
std::string RequiredForDate() { return "is verplicht voor een datum (bijvoorbeeld \"%Y-%m-%d\")"; }
std::string RequiredForNgram() { return "is verplicht voor een ngram-vergelijking"; }
std::string RequiredUnlessIgnored() { return "is verplicht (of zet \"ignored\": true)"; }
std::string StrategyRequired() { return "is verplicht: {\"bitsPerToken\": k} of {\"bitsPerFeature\": n}"; }
std::string StrategyExactlyOne() { return "moet precies één van bitsPerToken en bitsPerFeature bevatten"; }
std::string BitsAtLeastOne() { return "het aantal bits moet minstens 1 zijn"; }
std::string OnlyHkdf() { return "alleen \"HKDF\" is gedefinieerd"; }
std::string OnlyVersion3() {
  return "alleen versie 3 wordt ondersteund (werk een ouder schema bij met `upgrade` van clkhash)";
}
std::string EnumNeedsValues() { return "een enum heeft een array van waarden nodig"; }
std::string EnumValuesMustBeStrings() { return "elke waarde moet een tekst zijn"; }
std::string HashNeedsType() { return "heeft een type nodig"; }
std::string OnlyForDoubleHash() { return "geldt alleen voor doubleHash"; }
std::string MissingValueNeedsSentinel() { return "heeft een sentinel (een tekst) nodig"; }
std::string NotAHashingProperty() { return "is geen eigenschap van hashing in versie 3"; }
std::string FeaturesRequired() { return "een array van kenmerken is verplicht"; }
std::string DateFormatLonePercent() { return "het datumformaat eindigt op een losse '%'"; }
std::string DateFormatDirectiveUnsupported(std::string_view directive) {
  return "de aanduiding %" + std::string(directive) +
         " in het datumformaat wordt niet ondersteund (gebruik %Y %y %m %d %b %B %H %M %S)";
}

std::string SchemaHasNoFeatures() { return "het koppelschema heeft geen kenmerken"; }
std::string SchemaHkdfTooLong(size_t bytes) {
  return "koppelschema: HKDF kan geen " + std::to_string(bytes) +
         " sleutelbytes afleiden (te veel kenmerken of een te grote keySize)";
}
std::string SchemaBlakeNeedsPowerOfTwo() {
  return "koppelschema: blakeHash vereist dat l (maal 2^xorFolds) een macht van 2 is";
}
std::string SchemaBlakeKeySize() { return "koppelschema: blakeHash vereist een keySize van hoogstens 64 bytes"; }
std::string RecordValueCount(size_t values, size_t features) {
  return "het record heeft " + std::to_string(values) + " waarden, het koppelschema heeft " + std::to_string(features) +
         " kenmerken";
}
std::string NoSuchFeature() { return "dit kenmerk bestaat niet in het koppelschema"; }
std::string FeatureValue(std::string_view feature, std::string_view reason) {
  return "kenmerk " + QuoteValue(feature) + ": " + std::string(reason);
}

std::string ValueNotAscii() { return "de waarde is niet in ascii te schrijven"; }
std::string ValueNotMatchingPattern() { return "de waarde past niet bij het patroon (pattern)"; }
std::string PatternNotEvaluable() { return "het patroon (pattern) kan niet worden toegepast"; }
std::string ValueShorterThan(int min_length) {
  return "de waarde is korter dan minLength " + std::to_string(min_length);
}
std::string ValueLongerThan(int max_length) {
  return "de waarde is langer dan maxLength " + std::to_string(max_length);
}
std::string ValueNotLowerCase() { return "de waarde is niet in kleine letters"; }
std::string ValueNotUpperCase() { return "de waarde is niet in hoofdletters"; }
std::string ValueNotAnInteger() { return "de waarde is geen geheel getal"; }
std::string ValueBelowMinimum(long long minimum) {
  return "de waarde is kleiner dan minimum " + std::to_string(minimum);
}
std::string ValueAboveMaximum(long long maximum) {
  return "de waarde is groter dan maximum " + std::to_string(maximum);
}
std::string ValueNotADate(std::string_view reason) { return "de waarde is geen datum: " + std::string(reason); }
std::string ValueNotAnEnumValue() { return "de waarde is geen van de waarden van de enum"; }
std::string ValueNotANumber() { return "de waarde is geen getal"; }
std::string NotAnInteger() { return "geen geheel getal"; }
std::string IntegerTooLarge() { return "het gehele getal is te groot"; }
std::string NotANumber() { return "geen getal"; }
std::string NotAFiniteNumber() { return "geen eindig getal"; }
std::string NumberOutOfRange() { return "het getal valt buiten het bereik"; }
std::string ThresholdRoundsToZero() { return "thresholdDistance wordt 0 bij deze fractional_precision"; }
std::string DateFormatMismatch(std::string_view format) {
  return "past niet bij het datumformaat " + QuoteValue(format);
}
std::string DateFormatUnconverted(std::string_view format) {
  return "er blijven tekens over na het datumformaat " + QuoteValue(format);
}
std::string YearOutOfRange() { return "het jaar valt buiten het bereik"; }
std::string DayOutOfRange() { return "de dag bestaat niet in deze maand"; }

std::string PostcodeEmpty() { return "de postcode is leeg"; }
std::string PostcodeShape() { return "een postcode bestaat uit 4 cijfers en 2 letters"; }
std::string PostcodeStartsWithDigits() { return "een postcode begint met 4 cijfers"; }
std::string PostcodeLeadingZero() { return "de cijfers van een postcode beginnen niet met 0"; }
std::string PostcodeEndsWithLetters() { return "een postcode eindigt op 2 letters"; }
std::string PostcodeLettersNotIssued() { return "de letters SA, SD en SS worden in postcodes niet uitgegeven"; }
std::string HouseNumberTooLong() { return "het huisnummer heeft meer dan 5 cijfers"; }
std::string HouseNumberStartsWithDigits() { return "een huisnummer begint met cijfers"; }
std::string HouseNumberZero() { return "het huisnummer kan niet 0 zijn"; }
std::string AdditionCharacters() { return "een huisnummertoevoeging bevat alleen letters en cijfers"; }
std::string AdditionTooLong() { return "de huisnummertoevoeging is langer dan 6 tekens"; }

std::string BirthDateFeatureFormat() {
  return "kenmerk 'birth_date' van het koppelschema moet het formaat date of string hebben";
}
std::string UnfillableFeature(std::string_view feature) {
  return "kenmerk " + QuoteValue(feature) +
         " van het koppelschema is geen deel van de identiteit dat Samenzicht invult (gebruik given_name, "
         "given_names, first_initial, initials, tussenvoegsel, surname, birth_date, birth_year of sex, of markeer "
         "het kenmerk als ignored)";
}
std::string ProblemBsnElfproef() { return "bsn: voldoet niet aan de elfproef (gemarkeerd, niet gebruikt)"; }
std::string ProblemBirthDate() { return "geboortedatum: geen datum in een herkende vorm"; }
std::string ProblemSex() { return "geslacht: niet herkend"; }
std::string ProblemPostcode(std::string_view reason) { return "postcode: " + std::string(reason); }
std::string ProblemHouseNumber(std::string_view reason) { return "huisnummer: " + std::string(reason); }
std::string ProblemClk(std::string_view reason) { return "clk: " + std::string(reason); }

std::string SodiumUnavailable() { return "libsodium kan niet starten; wachtwoorden kunnen niet worden gecontroleerd"; }
std::string PasswordTooLong(size_t max_bytes) {
  return "het wachtwoord is langer dan " + std::to_string(max_bytes) + " bytes; kies een korter wachtwoord";
}
std::string PasswordWithNul() { return "het wachtwoord bevat een NUL-teken; kies een wachtwoord zonder"; }
std::string PasswordHashFailed() {
  return "het wachtwoord kan niet worden versleuteld (te weinig geheugen voor Argon2id?)";
}

}  // namespace sz::privacy::msg
