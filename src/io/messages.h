// The texts of the io module, in Dutch: what a user reads when a delivered file cannot be opened,
// decoded or split into records, and the descriptions of what was read. One place, so that the
// command, the server and the dashboard show the same words. Values from the file are quoted
// shortened (core/messages.h QuoteValue); file names and line numbers are shown as they are.
//
//   DataError(msg::AtLine(path, 12, msg::ColumnTwice("naam")));   // "f.csv: regel 12: kolom 'naam' …"
//   record.error = msg::WrongFieldCount(3, 4);
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sz::io::msg {

// Where in a file: "PATH: regel LINE" or, with a 1-based column, "PATH: regel LINE, kolom COLUMN".
std::string Location(std::string_view path, long line, int column = 0);
// Location followed by ": message".
std::string AtLine(std::string_view path, long line, std::string_view message);
std::string AtCell(std::string_view path, long line, int column, std::string_view message);

// Opening, reading and writing files. `detail` is the operating system's reason (strerror).
std::string FileNotFound(std::string_view path);
std::string CannotAccess(std::string_view path, std::string_view detail);
std::string IsADirectory(std::string_view path);
std::string CannotOpen(std::string_view path, std::string_view detail);
std::string ReadFailed(std::string_view path);
std::string CannotCreate(std::string_view path, std::string_view detail);
std::string WriteFailed(std::string_view path, std::string_view detail);
std::string CannotMoveIntoPlace(std::string_view path, std::string_view detail);
std::string XlsxRowBeforeSheet();

// CSV reader: the file as a whole.
std::string EmptyFile(std::string_view path);
std::string NoHeaderOnlyComments(std::string_view path);
std::string NoHeader(std::string_view path);
std::string EmptyColumnName();
std::string ColumnTwice(std::string_view column);
// CSV reader: one record (CsvRecord::error and ::hint).
std::string UnclosedQuote();
std::string TruncatedLastLine(size_t fields, size_t expected);
std::string CutOffInTransfer();
std::string WrongFieldCount(size_t expected, size_t found);
std::string QuoteTheSeparator(std::string_view separator_name);
// A record's error with its hint, as one message: "error (hint)".
std::string WithHint(std::string_view error, std::string_view hint);

// Dialects and encodings.
std::string DialectDescription(std::string_view separator_name, std::string_view encoding_name, bool converted);
std::string SeparatorNotRecognised();
std::string UnknownDialect(std::string_view name);
std::string UnknownEncoding(std::string_view name);
std::string Utf16File();
std::string InvalidUtf8AfterBom(size_t offset);
std::string NulByte(size_t offset);
std::string UnsupportedByte(size_t offset, unsigned char byte);

// SPSS .sav files. `detail` is ReadStat's reason.
std::string NotASavFile(std::string_view path, std::string_view detail);
std::string SavDescription(size_t respondents, size_t variables);

// Postcode tables (postcode_table.h).
std::string PostcodeColumnMissing(std::string_view column);
std::string NotAPostcode(std::string_view value);
std::string BuurtNotInWijk(std::string_view buurt, std::string_view wijk);
std::string WijkNotInGemeente(std::string_view wijk, std::string_view gemeente);

// Region files (region_file.h). `reason` is core's message about the code.
std::string RegionColumnsMissing();
std::string NoLevelGiven(std::string_view reason);
std::string NoRegions(std::string_view path);

}  // namespace sz::io::msg
