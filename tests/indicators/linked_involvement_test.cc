#include "indicators/linked_involvement.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "involvement_builder.h"

namespace sz::indicators {
namespace {

using testing::Row;

Status Check(const std::vector<Row>& rows) {
  std::vector<LinkedInvolvement> involvements;
  for (const Row& row : rows) involvements.push_back(row.involvement);
  return ValidateInvolvements(involvements);
}

bool Mentions(const Status& status, const std::string& text) {
  return status.message().find(text) != std::string::npos;
}

TEST(LinkedInvolvementTest, AcceptsAConsistentRegistrationWithTwoBetrokkenen) {
  EXPECT_TRUE(Check({Row("veilig_thuis", "VT1", "2024-03-01", "p1", "h1").Nr(1),
                     Row("veilig_thuis", "VT1", "2024-03-01", "p2", "h1").Nr(2)})
                  .ok());
}

TEST(LinkedInvolvementTest, RefusalsAreDutchAndNameTheRegistration) {
  Status unknown = Check({Row("politie", "P1", "2024-03-01", "p1", "h1")});
  EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Mentions(unknown, "onbekende meldpuntbron 'politie' (registratie P1)")) << unknown.message();

  Status no_person = Check({Row("veilig_thuis", "VT1", "2024-03-01", "", "h1")});
  EXPECT_EQ(no_person.code(), StatusCode::kDataError);
  EXPECT_TRUE(Mentions(no_person, "veilig_thuis VT1 betrokkene 1: persoon of huishouden ontbreekt"))
      << no_person.message();

  Status twice = Check(
      {Row("veilig_thuis", "VT1", "2024-03-01", "p1", "h1"), Row("veilig_thuis", "VT1", "2024-03-01", "p1", "h1")});
  EXPECT_TRUE(Mentions(twice, "komt twee keer voor")) << twice.message();

  Status backwards = Check({Row("veilig_thuis", "VT1", "2024-03-01", "p1", "h1").End("2024-02-01")});
  EXPECT_TRUE(Mentions(backwards, "einddatum 2024-02-01 ligt voor de datum van de melding 2024-03-01"))
      << backwards.message();

  Status differ = Check({Row("veilig_thuis", "VT1", "2024-03-01", "p1", "h1").Nr(1),
                         Row("veilig_thuis", "VT1", "2024-03-02", "p2", "h1").Nr(2)});
  EXPECT_TRUE(Mentions(differ, "verschillen van die bij betrokkene 1")) << differ.message();

  Status no_id = Check({Row("veilig_thuis", "", "2024-03-01", "p1", "h1")});
  EXPECT_TRUE(Mentions(no_id, "leeg registratienummer")) << no_id.message();
}

}  // namespace
}  // namespace sz::indicators
