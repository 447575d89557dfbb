#include "sources/contract.h"

#include <gtest/gtest.h>

#include <set>

namespace sz::sources {
namespace {

TEST(ContractTest, EveryDomainSourceIsDeclared) {
  std::set<std::string> names;
  for (const auto& contract : AllContracts()) names.insert(contract.name);
  EXPECT_EQ(names, (std::set<std::string>{"veilig_thuis", "zorgwekkend_gedrag", "woningvervuiling", "wonen_verblijf",
                                          "jeugdhulp", "wmo", "gezondheidsmonitor", "bevolking", "infectieziekten"}));
  EXPECT_NE(FindContract("wmo"), nullptr);
  EXPECT_EQ(FindContract("onbekend"), nullptr);
}

TEST(ContractTest, TablesAreWellFormed) {
  for (const auto& contract : AllContracts()) {
    SCOPED_TRACE(contract.name);
    std::vector<const TableSpec*> tables = {&contract.extract};
    if (contract.records) tables.push_back(&*contract.records);
    if (contract.persons) tables.push_back(&*contract.persons);
    for (const TableSpec* table : tables) {
      SCOPED_TRACE(table->name);
      ASSERT_FALSE(table->key.empty());
      for (const auto& key : table->key) {
        ASSERT_NE(table->Find(key), nullptr) << key;
        EXPECT_FALSE(table->Find(key)->nullable) << "key column " << key << " may not be empty";
      }
      if (!table->date_column.empty()) { EXPECT_EQ(table->Find(table->date_column)->type, ColumnType::kDate); }
      std::set<std::string> seen;
      for (const auto& column : table->columns) {
        EXPECT_TRUE(seen.insert(column.name).second) << "duplicate column " << column.name;
        EXPECT_FALSE(column.description.empty()) << column.name;
        if (column.type == ColumnType::kCategory) { EXPECT_FALSE(column.allowed.empty()) << column.name; }
        for (const auto& [alias, target] : column.aliases) {
          EXPECT_NE(std::find(column.allowed.begin(), column.allowed.end(), target), column.allowed.end()) << alias;
        }
      }
    }
  }
}

TEST(ContractTest, IdentitiesNeverReachTheExtract) {
  for (const auto& contract : AllContracts()) {
    SCOPED_TRACE(contract.name);
    for (const auto& column : contract.extract.columns) {
      EXPECT_EQ(column.identity, IdentityKind::kNone) << column.name;
      EXPECT_NE(column.type, ColumnType::kPostcode) << column.name;
      EXPECT_NE(column.type, ColumnType::kText) << column.name << ": free text in an extract";
    }
    if (!contract.is_desk) {
      EXPECT_FALSE(contract.records.has_value());
      continue;
    }
    ASSERT_TRUE(contract.records && contract.persons);
    // The persons table carries the identities pseudonymise needs.
    for (const char* identity : {"bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "postcode",
                                 "huisnummer"}) {
      const ColumnSpec* column = contract.persons->Find(identity);
      ASSERT_NE(column, nullptr) << identity;
      EXPECT_NE(column->identity, IdentityKind::kNone) << identity;
    }
    // Every non-identity record column is carried into the extract; pseudonyms and CLK are added.
    for (const auto& name : contract.RecordColumnsInExtract()) EXPECT_NE(contract.extract.Find(name), nullptr) << name;
    EXPECT_EQ(contract.extract.Find("toelichting"), nullptr);
    for (const char* added : {"bsn_pseudoniem", "naam_pseudoniem", "huishouden_pseudoniem", "clk", "geboortejaar", "wijk"}) {
      EXPECT_NE(contract.extract.Find(added), nullptr) << added;
    }
    EXPECT_EQ(contract.extract.key.size(), 2u);
  }
}

}  // namespace
}  // namespace sz::sources
