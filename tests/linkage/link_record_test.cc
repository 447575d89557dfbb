// LinkRecord parsing from stored extract rows (link_record.h).
#include "linkage/link_record.h"

#include <gtest/gtest.h>

#include "core/numbers.h"
#include "privacy/clk.h"

namespace sz::linkage {
namespace {

// A stored row as the store gives it back: whole numbers in the number columns and dates in the date
// columns become typed values (text that is no number stays text, as a corrupt store would give it),
// empty cells are missing.
std::vector<Value> Typed(const std::vector<std::string>& columns, const std::vector<std::string>& cells) {
  std::vector<Value> row;
  for (size_t col = 0; col < cells.size(); ++col) {
    const std::string& name = col < columns.size() ? columns[col] : "";
    const std::string& cell = cells[col];
    if (cell.empty()) {
      row.emplace_back();
    } else if (name == "betrokkene_nr" || name == "geboortejaar" || name == "leeftijd") {
      std::optional<int64_t> number = ParseInteger(cell);
      row.push_back(number ? Value::Integer(*number) : Value::Text(cell));
    } else if (name == "ontvangen" || name == "startdatum") {
      row.push_back(Value::OfDate(*ParseDate(cell)));
    } else {
      row.push_back(Value::Text(cell));
    }
  }
  return row;
}

TEST(LinkRecordTest, DecodeClkRoundTripAndLength) {
  privacy::Clk clk(1024);
  clk.Set(0);
  clk.Set(1023);
  Result<ClkWords> words = DecodeClk(clk.ToBase64());
  ASSERT_TRUE(words.ok());
  int bits = 0;
  for (uint64_t word : *words) bits += __builtin_popcountll(word);
  EXPECT_EQ(bits, 2);
  privacy::Clk short_clk(512);
  EXPECT_EQ(DecodeClk(short_clk.ToBase64()).status().code(), StatusCode::kDataError);
  EXPECT_EQ(DecodeClk("not base64!").status().code(), StatusCode::kDataError);
}

const std::vector<std::string> kColumns = {"melding_id",
                                           "ontvangen",
                                           "gemeente",
                                           "betrokkene_nr",
                                           "rol",
                                           "bsn_pseudoniem",
                                           "bsn_status",
                                           "naam_pseudoniem",
                                           "huishouden_pseudoniem",
                                           "clk",
                                           "geboortejaar",
                                           "leeftijd",
                                           "geslacht",
                                           "wijk",
                                           "buurt"};

TEST(LinkRecordTest, ReadsExtractRow) {
  Result<ExtractRowReader> reader = ExtractRowReader::Create("veilig_thuis", kColumns, "melding_id", "ontvangen");
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  privacy::Clk clk(1024);
  clk.Set(5);
  std::vector<std::string> row = {"VT-1", "2024-03-01",   "GM0153", "2", "kind",  "aa",       "geldig",    "bb",
                                  "cc",   clk.ToBase64(), "2015",   "9", "vrouw", "WK015301", "BU01530101"};
  Result<LinkRecord> record = reader->Read(Typed(kColumns, row));
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  EXPECT_EQ(record->source, "veilig_thuis");
  EXPECT_EQ(record->record_id, "VT-1");
  EXPECT_EQ(record->betrokkene_nr, 2);
  EXPECT_EQ(record->bsn_pseudonym, "aa");
  EXPECT_EQ(record->name_pseudonym, "bb");
  EXPECT_EQ(record->household_pseudonym, "cc");
  ASSERT_TRUE(record->clk.has_value());
  EXPECT_EQ(record->birth_year, 2015);
  EXPECT_EQ(record->sex, Sex::kVrouw);
  EXPECT_EQ(record->wijk, "WK015301");
  ASSERT_TRUE(record->event_date.has_value());
  EXPECT_EQ(record->event_date->ToIso(), "2024-03-01");

  row[9] = "";
  row[10] = "";
  row[12] = "";
  record = reader->Read(Typed(kColumns, row));
  ASSERT_TRUE(record.ok());
  EXPECT_FALSE(record->clk.has_value());
  EXPECT_EQ(record->birth_year, 0);
  EXPECT_EQ(record->sex, Sex::kUnknown);
}

TEST(LinkRecordTest, ErrorsNameTheColumn) {
  std::vector<std::string> missing_clk = kColumns;
  missing_clk.erase(missing_clk.begin() + 9);
  Result<ExtractRowReader> bad = ExtractRowReader::Create("wmo", missing_clk, "melding_id", "");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("clk"), std::string::npos);

  Result<ExtractRowReader> reader = ExtractRowReader::Create("wmo", kColumns, "melding_id", "");
  ASSERT_TRUE(reader.ok());
  std::vector<std::string> row(kColumns.size());
  row[3] = "1";
  row[10] = "19x5";
  Result<LinkRecord> record = reader->Read(Typed(kColumns, row));
  EXPECT_EQ(record.status().code(), StatusCode::kDataError);
  EXPECT_NE(record.status().message().find("geboortejaar"), std::string::npos);
  EXPECT_EQ(reader->Read(std::vector<Value>(3)).status().code(), StatusCode::kDataError);
}

TEST(LinkRecordTest, APlacedChildsRowStaysElsewhere) {
  std::vector<std::string> columns = {"traject_id", "startdatum",     "uithuisplaatsing", "betrokkene_nr",
                                      "rol",        "bsn_pseudoniem", "naam_pseudoniem",  "huishouden_pseudoniem",
                                      "clk",        "geboortejaar",   "geslacht",         "wijk"};
  Result<ExtractRowReader> reader = ExtractRowReader::Create("jeugdhulp", columns, "traject_id", "startdatum");
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  auto row = [&columns](std::string placed, std::string role) {
    return Typed(columns, {"JH-1", "2024-03-01", placed, "1", role, "", "", "hh", "", "2012", "man", ""});
  };
  EXPECT_TRUE(reader->Read(row("ja", "jeugdige"))->stays_elsewhere);
  EXPECT_FALSE(reader->Read(row("ja", "ouder"))->stays_elsewhere);  // the parents stay at home
  EXPECT_FALSE(reader->Read(row("nee", "jeugdige"))->stays_elsewhere);
  // Extracts without the column never stay elsewhere.
  Result<ExtractRowReader> vt = ExtractRowReader::Create("veilig_thuis", kColumns, "melding_id", "ontvangen");
  std::vector<std::string> vt_row = {"VT-1", "2024-03-01", "GM0153", "2", "kind",  "", "", "",
                                     "",     "",           "2015",   "9", "vrouw", "", ""};
  EXPECT_FALSE(vt->Read(Typed(kColumns, vt_row))->stays_elsewhere);
}

}  // namespace
}  // namespace sz::linkage
