#include "pipeline/pseudonymise.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/csv_reader.h"
#include "io/region_file.h"
#include "pipeline/ingest.h"
#include "privacy/key.h"
#include "store/sqlite/sqlite_store.h"

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

class PseudonymiseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    regions_ = io::LoadRegionFile(std::string(SZ_SOURCE_DIR) + "/config/regions/twente-synthetic-2024.csv").value();
    dir_ = ::testing::TempDir() + "/pseudonymise-test-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto key = privacy::Key::Generate();
    ASSERT_TRUE(key.ok());
    ASSERT_TRUE(key->WriteFile(dir_ + "/desk.key").ok());
    fingerprint_ = key->Fingerprint();
    std::ofstream(dir_ + "/postcodes.csv") << "postcode;gemeente;wijk;buurt\n7511AB;GM0153;WK015300;BU01530000\n"
                                              "7601CD;GM0141;WK014100;BU01410000\n";
    // Windows-1252, semicolons, Dutch dates, a quoted free text with a line break: as a desk exports.
    std::ofstream(dir_ + "/registraties.csv", std::ios::binary)
        << "melding_id;ontvangen_op;soort;geweldsvorm;melder;vervolg;afgesloten_op;gemeente;toelichting\r\n"
           "M1;03-02-2024;melding;kindermishandeling;JGZ;onderzoek;;GM0153;\"Moeder zegt: \r\nvader sloeg\"\r\n"
           "M2;10-02-2024;advies;partnergeweld;politie;;01-03-2024;GM0141;\r\n"
           "M3;31-02-2024;melding;overig;buren;;;GM0153;\r\n"   // impossible date
           "M4;12-02-2024;melding;overig;buren;;;GM0153;\r\n";  // no persons
    std::ofstream(dir_ + "/betrokkenen.csv", std::ios::binary)
        << "melding_id;betrokkene_nr;rol;bsn;voornamen;tussenvoegsel;achternaam;geboortedatum;geslacht;postcode;"
           "huisnummer;huisnummer_toevoeging\r\n"
           "M1;1;kind;111222333;Ren\xE9;van der;Bergh;14-07-2015;M;7511 ab;12;a\r\n"
           "M1;2;ouder;123456789;Wilhelmina;;Jans\xE9n;02-11-1983;V;7511AB;12;A\r\n"  // BSN fails the elfproef
           "M2;1;slachtoffer;;Anna;de;Vries;1990-05-06;V;9999ZZ;3;\r\n"               // unknown postcode
           "M9;1;pleger;;Piet;;Klaassen;01-01-1970;M;7601CD;1;\r\n";                  // no such record
  }

  Result<PseudonymiseReport> Run(const std::string& output) {
    PseudonymiseRequest request;
    request.source = "veilig_thuis";
    request.records_file = dir_ + "/registraties.csv";
    request.persons_file = dir_ + "/betrokkenen.csv";
    request.postcode_file = dir_ + "/postcodes.csv";
    request.key_file = dir_ + "/desk.key";
    request.output_file = output;
    Workspace desk = Desk();
    return Pseudonymise(desk, request);
  }

  std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // The desk's workspace: regions, clock and configuration; no store.
  Workspace Desk() { return Workspace::Borrowing(nullptr, &regions_, clock_, std::string(SZ_SOURCE_DIR) + "/config"); }
  Workspace Hub(store::Store* store) {
    return Workspace::Borrowing(store, &regions_, clock_, std::string(SZ_SOURCE_DIR) + "/config");
  }

  RegionTable regions_;
  FixedClock clock_{Date{2025, 6, 30}};
  std::string dir_;
  std::string fingerprint_;
};

TEST_F(PseudonymiseTest, ExtractCarriesPseudonymsAndNoIdentities) {
  std::string extract = dir_ + "/extract.csv";
  auto report = Run(extract);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->records_read, 4);
  EXPECT_EQ(report->records_rejected, 2);  // impossible date, no persons
  EXPECT_EQ(report->persons_read, 4);
  EXPECT_EQ(report->persons_rejected, 1);  // no such record
  EXPECT_EQ(report->extract_rows, 3);
  EXPECT_EQ(report->bsn_valid, 1);
  EXPECT_EQ(report->bsn_invalid, 1);
  EXPECT_EQ(report->bsn_missing, 1);
  EXPECT_EQ(report->postcode_unknown, 1);
  EXPECT_EQ(report->key_fingerprint, fingerprint_);

  std::string bytes = ReadFile(extract);
  for (const char* identity : {"Ren", "Bergh", "Wilhelmina", "Jans", "Vries", "Anna", "111222333", "123456789",
                               "14-07-2015", "2015-07-14", "7511", "Moeder", "sloeg", "1983-11-02"}) {
    EXPECT_EQ(bytes.find(identity), std::string::npos) << identity << " leaked into the extract";
  }
  auto reader = io::CsvReader::Open(extract);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->Metadata("source"), "veilig_thuis");
  EXPECT_EQ((*reader)->Metadata("key_fingerprint"), fingerprint_);
  EXPECT_EQ((*reader)->Metadata("persons"), "3");
  const auto& header = (*reader)->header();
  auto col = [&](const char* name) { return std::find(header.begin(), header.end(), name) - header.begin(); };
  io::CsvRecord row;
  ASSERT_TRUE((*reader)->Next(row));  // M1 person 1
  EXPECT_EQ(row.cells[col("melding_id")], "M1");
  EXPECT_EQ(row.cells[col("ontvangen_op")], "2024-02-03");
  EXPECT_EQ(row.cells[col("melder")], "jgz");
  EXPECT_EQ(row.cells[col("bsn_status")], "geldig");
  EXPECT_EQ(row.cells[col("bsn_pseudoniem")].size(), 64u);
  EXPECT_EQ(row.cells[col("geboortejaar")], "2015");
  EXPECT_EQ(row.cells[col("leeftijd")], "8");
  EXPECT_EQ(row.cells[col("geslacht")], "man");
  EXPECT_EQ(row.cells[col("wijk")], "WK015300");
  EXPECT_EQ(row.cells[col("buurt")], "BU01530000");
  EXPECT_FALSE(row.cells[col("clk")].empty());
  std::string household_1 = row.cells[col("huishouden_pseudoniem")];
  ASSERT_TRUE((*reader)->Next(row));  // M1 person 2: same address written differently → same household key
  EXPECT_EQ(row.cells[col("bsn_status")], "ongeldig");
  EXPECT_EQ(row.cells[col("bsn_pseudoniem")], "");
  EXPECT_EQ(row.cells[col("huishouden_pseudoniem")], household_1);
  ASSERT_TRUE((*reader)->Next(row));  // M2
  EXPECT_EQ(row.cells[col("wijk")], "");
  EXPECT_EQ(row.cells[col("afgesloten_op")], "2024-03-01");
  EXPECT_FALSE((*reader)->Next(row));

  // The rejects stay at the desk and say why.
  ASSERT_FALSE(report->rejects_file.empty());
  std::string rejects = ReadFile(report->rejects_file);
  EXPECT_NE(rejects.find("februari 2024 heeft 29 dagen"), std::string::npos);
  EXPECT_NE(rejects.find("geen betrokkenen"), std::string::npos);
  EXPECT_NE(rejects.find("geen (geldige) registratie"), std::string::npos);
}

TEST_F(PseudonymiseTest, ExtractIsIngestedAndTheSameKeyGivesTheSamePseudonyms) {
  std::string first = dir_ + "/first.csv", second = dir_ + "/second.csv";
  ASSERT_TRUE(Run(first).ok());
  ASSERT_TRUE(Run(second).ok());
  std::string a = ReadFile(first), b = ReadFile(second);
  EXPECT_EQ(a, b);  // deterministic: same key, same input, same extract
  auto store = store::OpenSqliteStore(dir_ + "/s.db");
  ASSERT_TRUE(store.ok());
  IngestRequest request{.source = "veilig_thuis", .files = {first}};
  Workspace hub = Hub(store->get());
  auto report = Ingest(hub, request);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->files[0].accepted, 3);
  EXPECT_EQ(report->files[0].rejected, 0);
  EXPECT_EQ(*(*store)->settings().Get(store::kLinkageKeyFingerprintSetting).value(), fingerprint_);
}

TEST_F(PseudonymiseTest, AnExtractMadeWithAnotherKeyIsRefusedByIngest) {
  ASSERT_TRUE(Run(dir_ + "/first.csv").ok());
  auto other = privacy::Key::Generate();
  ASSERT_TRUE(other.ok());
  fs::remove(dir_ + "/desk.key");
  ASSERT_TRUE(other->WriteFile(dir_ + "/desk.key").ok());
  ASSERT_TRUE(Run(dir_ + "/other-key.csv").ok());

  auto store = store::OpenSqliteStore(dir_ + "/s.db");
  ASSERT_TRUE(store.ok());
  IngestRequest first{.source = "veilig_thuis", .files = {dir_ + "/first.csv"}};
  Workspace hub = Hub(store->get());
  ASSERT_TRUE(Ingest(hub, first).ok());
  IngestRequest second{.source = "veilig_thuis", .files = {dir_ + "/other-key.csv"}};
  auto refused = Ingest(hub, second);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find(other->Fingerprint()), std::string::npos);
  EXPECT_NE(refused.status().message().find(fingerprint_), std::string::npos);
  EXPECT_EQ((*store)->ingest_log().Files()->size(), 1u);
}

TEST_F(PseudonymiseTest, RefusesNonDeskSourcesAndMissingKeys) {
  PseudonymiseRequest request;
  request.source = "bevolking";
  Workspace desk = Desk();
  EXPECT_EQ(Pseudonymise(desk, request).status().code(), StatusCode::kInvalidArgument);
  request.source = "veilig_thuis";
  request.key_file = dir_ + "/nokey.key";
  EXPECT_EQ(Pseudonymise(desk, request).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sz::pipeline
