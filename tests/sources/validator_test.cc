#include "sources/validator.h"

#include <gtest/gtest.h>

namespace sz::sources {
namespace {

class ValidatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regions_.Add({"NL01", "Nederland", RegionLevel::kLand, ""}).ok());
    ASSERT_TRUE(regions_.Add({"CR23", "Twente", RegionLevel::kRegio, "NL01"}).ok());
    ASSERT_TRUE(regions_.Add({"GM0153", "Enschede", RegionLevel::kGemeente, "CR23"}).ok());
    ASSERT_TRUE(regions_.Add({"WK015300", "Centrum", RegionLevel::kWijk, ""}).ok());
    ASSERT_TRUE(regions_.Add({"BU01530000", "Binnenstad", RegionLevel::kBuurt, ""}).ok());
  }

  // Validates one infectieziekten row given as week;gemeente;ziekte;aantal.
  std::optional<CellProblem> CheckInfect(std::vector<std::string> cells) {
    const TableSpec& table = FindContract("infectieziekten")->extract;
    auto mapping = MapHeader(table, {"week", "gemeente", "ziekte", "aantal"});
    EXPECT_TRUE(mapping.ok());
    RowValidator validator(table, *mapping, regions_, clock_);
    std::vector<Value> out;
    auto problem = validator.Validate(cells, out);
    last_.clear();
    for (const Value& value : out) last_.push_back(value.ToString());
    last_kinds_.clear();
    for (const Value& value : out) last_kinds_.push_back(value.kind());
    return problem;
  }

  std::optional<CellProblem> CheckValue(const char* source, const char* column, const std::string& raw,
                                        std::string* normalised = nullptr) {
    const TableSpec& table = FindContract(source)->extract;
    RowValidator validator(table, HeaderMapping{}, regions_, clock_);
    Value out;
    std::string cell = raw;
    auto problem = validator.NormaliseValue(*table.Find(column), cell, out);
    if (normalised) *normalised = out.ToString();
    last_value_ = out;
    return problem;
  }

  RegionTable regions_;
  FixedClock clock_{Date{2025, 6, 30}};
  std::vector<std::string> last_;
  std::vector<Value::Kind> last_kinds_;
  Value last_value_;
};

TEST_F(ValidatorTest, AcceptsAndNormalisesAValidRow) {
  EXPECT_FALSE(CheckInfect({"2024-W05", "GM0153", "kinkhoest", "3"}).has_value());
  EXPECT_EQ(last_, (std::vector<std::string>{"2024-W05", "GM0153", "kinkhoest", "3"}));
  EXPECT_EQ(last_kinds_, (std::vector<Value::Kind>{Value::Kind::kText, Value::Kind::kText, Value::Kind::kText,
                                                   Value::Kind::kInteger}));
}

TEST_F(ValidatorTest, RejectsBadCountsWithReasonAndHint) {
  auto negative = CheckInfect({"2024-W05", "GM0153", "kinkhoest", "-2"});
  ASSERT_TRUE(negative.has_value());
  EXPECT_EQ(negative->column_name, "aantal");
  EXPECT_NE(negative->reason.find("aantallen kunnen niet negatief zijn"), std::string::npos);
  auto text = CheckInfect({"2024-W05", "GM0153", "kinkhoest", "drie"});
  ASSERT_TRUE(text.has_value());
  EXPECT_NE(text->reason.find("geen geheel getal"), std::string::npos);
  EXPECT_FALSE(text->hint.empty());
}

TEST_F(ValidatorTest, RejectsUnknownRegionsAndValuesOutsideTheList) {
  auto gemeente = CheckInfect({"2024-W05", "GM9999", "kinkhoest", "1"});
  ASSERT_TRUE(gemeente.has_value());
  EXPECT_NE(gemeente->reason.find("onbekende regiocode 'GM9999'"), std::string::npos);
  auto wrong_level = CheckInfect({"2024-W05", "WK015300", "kinkhoest", "1"});
  ASSERT_TRUE(wrong_level.has_value());
  EXPECT_NE(wrong_level->reason.find("is een wijk, geen gemeente"), std::string::npos);
  auto disease = CheckInfect({"2024-W05", "GM0153", "griep", "1"});
  ASSERT_TRUE(disease.has_value());
  EXPECT_NE(disease->hint.find("kinkhoest"), std::string::npos);
  EXPECT_TRUE(CheckValue("veilig_thuis", "wijk", "WK019900").has_value());
}

TEST_F(ValidatorTest, DatesImpossibleFutureAndDutch) {
  std::string out;
  EXPECT_FALSE(CheckValue("veilig_thuis", "ontvangen_op", "28-02-2024", &out).has_value());
  EXPECT_EQ(out, "2024-02-28");
  EXPECT_EQ(last_value_, Value::OfDate(Date{2024, 2, 28}));
  auto impossible = CheckValue("veilig_thuis", "ontvangen_op", "31-02-2024");
  ASSERT_TRUE(impossible.has_value());
  EXPECT_NE(impossible->reason.find("februari 2024 heeft 29 dagen"), std::string::npos);
  auto future = CheckValue("veilig_thuis", "ontvangen_op", "01-07-2025");
  ASSERT_TRUE(future.has_value());
  EXPECT_NE(future->reason.find("toekomst"), std::string::npos);
  EXPECT_TRUE(CheckInfect({"2025-W30", "GM0153", "kinkhoest", "1"}).has_value());  // week after "today"
}

TEST_F(ValidatorTest, DecimalCommasAliasesAndYesNo) {
  std::string out;
  EXPECT_FALSE(CheckValue("gezondheidsmonitor", "gewicht", "12,75", &out).has_value());
  EXPECT_EQ(out, "12.75");
  EXPECT_EQ(last_value_, Value::Decimal(12.75));
  EXPECT_FALSE(CheckValue("gezondheidsmonitor", "gewicht", "1.234,5", &out).has_value());
  EXPECT_EQ(out, "1234.5");
  EXPECT_TRUE(CheckValue("gezondheidsmonitor", "gewicht", "twaalf").has_value());
  EXPECT_FALSE(CheckValue("gezondheidsmonitor", "geslacht", "V", &out).has_value());
  EXPECT_EQ(out, "vrouw");
  EXPECT_FALSE(CheckValue("gezondheidsmonitor", "geslacht", "Vrouwelijk", &out).has_value());  // core/sex.h
  EXPECT_EQ(out, "vrouw");
  EXPECT_TRUE(CheckValue("bevolking", "geslacht", "x").has_value());  // counts by sex know man and vrouw only
  EXPECT_FALSE(CheckValue("jeugdhulp", "uithuisplaatsing", "J", &out).has_value());
  EXPECT_EQ(out, "ja");
  EXPECT_TRUE(CheckValue("veilig_thuis", "bsn_pseudoniem", "not-a-pseudonym").has_value());
  EXPECT_FALSE(CheckValue("veilig_thuis", "bsn_pseudoniem", "").has_value());  // nullable
  EXPECT_TRUE(CheckValue("veilig_thuis", "melding_id", "").has_value());       // required
}

TEST_F(ValidatorTest, HeaderMissingColumnsExtraColumnsAndIdentities) {
  const TableSpec& table = FindContract("infectieziekten")->extract;
  auto missing = MapHeader(table, {"week", "ziekte"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("'gemeente', 'aantal'"), std::string::npos) << missing.status().message();
  auto extra = MapHeader(table, {"week", "gemeente", "ziekte", "aantal", "opmerking"});
  ASSERT_TRUE(extra.ok());
  EXPECT_EQ(extra->ignored, (std::vector<std::string>{"opmerking"}));
  auto identified = MapHeader(FindContract("veilig_thuis")->extract, {"melding_id", "achternaam"});
  ASSERT_FALSE(identified.ok());
  EXPECT_NE(identified.status().message().find("pseudonymise"), std::string::npos);
}

}  // namespace
}  // namespace sz::sources
