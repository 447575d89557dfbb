#include "io/csv_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/csv_writer.h"

namespace sz::io {
namespace {

std::vector<CsvRecord> ReadAll(CsvReader& reader) {
  std::vector<CsvRecord> out;
  CsvRecord record;
  while (reader.Next(record)) out.push_back(record);
  return out;
}

TEST(CsvReaderTest, DetectsSeparators) {
  for (char sep : {';', ',', '\t', '|'}) {
    std::string text = std::string("a") + sep + "b" + sep + "c\n1" + sep + "2" + sep + "3\n4" + sep + "5" + sep + "6\n";
    auto reader = CsvReader::FromBytes(text, "t.csv");
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    EXPECT_EQ((*reader)->dialect().separator, sep);
    EXPECT_EQ((*reader)->header(), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(ReadAll(**reader).size(), 2u);
  }
}

TEST(CsvReaderTest, OneColumnFiles) {
  auto reader = CsvReader::FromBytes("observed\n3\n0\n12\n", "series.csv");
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->header(), (std::vector<std::string>{"observed"}));
  EXPECT_EQ(ReadAll(**reader).size(), 3u);
}

TEST(CsvReaderTest, SemicolonWinsOverDecimalCommas) {
  auto reader = CsvReader::FromBytes("gewicht;naam\n1,5;a\n2,25;b\n", "t.csv");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->dialect().separator, ';');
  auto rows = ReadAll(**reader);
  EXPECT_EQ(rows[0].cells[0], "1,5");
}

TEST(CsvReaderTest, QuotedFieldsWithSeparatorsQuotesAndLineBreaks) {
  std::string text = "id;toelichting;n\r\n1;\"een; twee\";3\r\n2;\"regel 1\r\nregel \"\"2\"\"\";4\r\n3;;5\r\n";
  auto reader = CsvReader::FromBytes(text, "t.csv");
  ASSERT_TRUE(reader.ok());
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells[1], "een; twee");
  EXPECT_EQ(rows[1].cells[1], "regel 1\r\nregel \"2\"");
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[2].line, 5);  // the quoted line break counts as a physical line
  EXPECT_EQ(rows[2].cells[1], "");
  for (const auto& row : rows) EXPECT_TRUE(row.error.empty()) << row.error;
}

TEST(CsvReaderTest, MetadataLinesBeforeTheHeader) {
  auto reader = CsvReader::FromBytes("# source: veilig_thuis\n# key_fingerprint: abc123\na;b\n1;2\n", "t.csv");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->Metadata("source"), "veilig_thuis");
  EXPECT_EQ((*reader)->Metadata("key_fingerprint"), "abc123");
  EXPECT_EQ((*reader)->Metadata("missing"), "");
  EXPECT_EQ((*reader)->header_line(), 3);
}

TEST(CsvReaderTest, BadRecordsAreReportedNotDropped) {
  auto reader = CsvReader::FromBytes("a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11", "t.csv");
  ASSERT_TRUE(reader.ok());
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[0].error.empty());
  EXPECT_NE(rows[1].error.find("3 velden verwacht"), std::string::npos);
  EXPECT_NE(rows[2].error.find("4 gevonden"), std::string::npos);
  EXPECT_NE(rows[3].error.find("laatste regel afgebroken"), std::string::npos);
  EXPECT_EQ(rows[3].raw, "10;11");
}

TEST(CsvReaderTest, UnterminatedQuoteAtTheEndIsTruncation) {
  auto reader = CsvReader::FromBytes("a;b\n1;\"open quote\n", "t.csv");
  ASSERT_TRUE(reader.ok());
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_NE(rows[0].error.find("afgebroken"), std::string::npos);
}

TEST(CsvReaderTest, FileLevelErrors) {
  EXPECT_EQ(CsvReader::FromBytes("", "e.csv").status().code(), StatusCode::kDataError);
  EXPECT_EQ(CsvReader::FromBytes("# only a comment\n", "c.csv").status().code(), StatusCode::kDataError);
  EXPECT_EQ(CsvReader::Open("/nonexistent/file.csv").status().code(), StatusCode::kNotFound);
  EXPECT_NE(CsvReader::FromBytes("a;a\n1;2\n", "d.csv").status().message().find("komt twee keer voor"), std::string::npos);
  auto header_only = CsvReader::FromBytes("a;b\n", "h.csv");
  ASSERT_TRUE(header_only.ok());
  EXPECT_TRUE(ReadAll(**header_only).empty());
}

TEST(CsvWriterTest, RoundTripsThroughTheReaderInEveryDialect) {
  std::string dir = ::testing::TempDir();
  for (const char* name : {"dutch", "dutch-cp1252", "plain", "tab"}) {
    auto dialect = WriteDialect::Named(name);
    ASSERT_TRUE(dialect.ok());
    std::string path = dir + "/roundtrip-" + name + ".csv";
    std::filesystem::remove(path);
    auto writer = CsvWriter::Create(path, *dialect);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->WriteComment("bron: test").ok());
    ASSERT_TRUE((*writer)->WriteRow({"naam", "toelichting", "bedrag"}).ok());
    ASSERT_TRUE((*writer)->WriteRow({"Zoë van 't Hof", "a;b,c\n\"d\"", FormatDecimal(1.5, dialect->decimal_comma)}).ok());
    EXPECT_FALSE(std::filesystem::exists(path)) << "visible before Close()";
    ASSERT_TRUE((*writer)->Close().ok());
    auto reader = CsvReader::Open(path);
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    EXPECT_EQ((*reader)->dialect().encoding, dialect->encoding) << name;
    EXPECT_EQ((*reader)->dialect().separator, dialect->separator) << name;
    auto rows = ReadAll(**reader);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cells[0], "Zoë van 't Hof") << name;
    EXPECT_EQ(rows[0].cells[1], dialect->crlf ? "a;b,c\n\"d\"" : "a;b,c\n\"d\"") << name;
    EXPECT_EQ(rows[0].cells[2], dialect->decimal_comma ? "1,5" : "1.5");
  }
}

TEST(DialectTest, FormatsDatesAndDecimals) {
  EXPECT_EQ(FormatDate(Date{2024, 3, 5}, DateFormat::kDutch), "05-03-2024");
  EXPECT_EQ(FormatDate(Date{2024, 3, 5}, DateFormat::kCompact), "20240305");
  EXPECT_EQ(FormatDecimal(12.5, true), "12,5");
  EXPECT_EQ(FormatDecimal(3.0, false), "3");
  EXPECT_EQ(FormatDecimal(-0.0000001, false, 3), "0");
}

}  // namespace
}  // namespace sz::io
