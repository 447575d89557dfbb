#include "io/text_table.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/sav_file.h"

namespace sz::io {
namespace {

TEST(TextTableTest, ReadsSavWithValueLabelsAndMissingValues) {
  std::string path = ::testing::TempDir() + "/monitor-test.sav";
  ASSERT_TRUE(testing::WriteSav(path,
                                {{"respondent_id", false, {}}, {"geslacht", true, {{1, "man"}, {2, "vrouw"}}},
                                 {"gewicht", true, {}}, {"roker", true, {}}},
                                {{"r1", "1", "12.5", "0"}, {"r2", "2", "7.25", ""}}));
  auto table = ReadTextTable(path);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->header, (std::vector<std::string>{"respondent_id", "geslacht", "gewicht", "roker"}));
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0], (std::vector<std::string>{"r1", "1", "12.5", "0"}));
  EXPECT_EQ(table->rows[1][3], "");  // system-missing
  EXPECT_EQ(table->value_labels["geslacht"]["2"], "vrouw");
  EXPECT_NE(table->description.find("SPSS"), std::string::npos);
}

TEST(TextTableTest, ReadsCsvAndRefusesRaggedRows) {
  std::string path = ::testing::TempDir() + "/table.csv";
  std::ofstream(path) << "a,b\n1,2\n3,4\n";
  auto table = ReadTextTable(path);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->ColumnIndex("b"), 1);
  EXPECT_EQ(table->ColumnIndex("c"), -1);
  std::ofstream(path) << "a,b\n1,2\n3\n";
  auto ragged = ReadTextTable(path);
  ASSERT_FALSE(ragged.ok());
  EXPECT_NE(ragged.status().message().find("regel 3"), std::string::npos);
  EXPECT_EQ(ReadTextTable("/nonexistent.csv").status().code(), StatusCode::kNotFound);
}

TEST(TextTableTest, BrokenSavIsADataError) {
  std::string path = ::testing::TempDir() + "/broken.sav";
  std::ofstream(path, std::ios::binary) << "$FL2 this is not really an SPSS file";
  auto table = ReadTextTable(path);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), StatusCode::kDataError);
}

}  // namespace
}  // namespace sz::io
