#include "core/value.h"

#include <gtest/gtest.h>

#include "core/messages.h"

namespace sz {
namespace {

TEST(ValueTest, KindsAccessAndCanonicalText) {
  EXPECT_TRUE(Value().missing());
  EXPECT_EQ(Value().ToString(), "");
  EXPECT_EQ(Value::Integer(-12).ToString(), "-12");
  EXPECT_EQ(Value::Decimal(1.5).ToString(), "1.5");
  EXPECT_EQ(Value::Decimal(0.1).ToString(), "0.1");
  EXPECT_EQ(Value::OfDate(Date{2024, 2, 29}).ToString(), "2024-02-29");
  EXPECT_EQ(Value::Text("ja").ToString(), "ja");
  EXPECT_EQ(Value::Text("ja").TextOrEmpty(), "ja");
  EXPECT_EQ(Value::Integer(3).TextOrEmpty(), "");
  EXPECT_EQ(*Value::Integer(3).AsNumber("x"), 3.0);
  EXPECT_EQ(Value::Integer(3), Value::Integer(3));
  EXPECT_NE(Value::Integer(3), Value::Decimal(3));
}

TEST(ValueTest, CheckedAccessNamesTheColumnAndTheKinds) {
  Result<Date> date = Value::Text("gisteren").AsDate("ontvangen_op");
  ASSERT_EQ(date.status().code(), StatusCode::kDataError);
  EXPECT_NE(date.status().message().find("ontvangen_op"), std::string::npos);
  EXPECT_NE(date.status().message().find("datum"), std::string::npos);
  EXPECT_NE(date.status().message().find("tekst"), std::string::npos);
  EXPECT_EQ(Value().AsInteger("aantal").status().code(), StatusCode::kDataError);
  EXPECT_EQ(Value::Decimal(1).AsInteger("aantal").status().code(), StatusCode::kDataError);
  EXPECT_EQ(*Value::Text("x").AsText("kolom"), "x");
}

TEST(QuoteValueTest, ShortensLongValuesAndKeepsShortOnes) {
  EXPECT_EQ(QuoteValue("abc"), "'abc'");
  EXPECT_EQ(QuoteValue("a\nb"), "'a b'");
  std::string huge(5'000'000, 'x');
  std::string quoted = QuoteValue(huge);
  EXPECT_LT(quoted.size(), 100u);
  EXPECT_NE(quoted.find("…"), std::string::npos);
  EXPECT_NE(quoted.find("5000000 tekens"), std::string::npos);
  // Cut between characters, never inside one: 'é' is two bytes.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "é";
  std::string cut = QuoteValue(accents, 10);
  EXPECT_EQ(cut.substr(0, 21), "'" + accents.substr(0, 20));
  EXPECT_NE(cut.find("100 tekens"), std::string::npos);
}

}  // namespace
}  // namespace sz
