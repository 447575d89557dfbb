// The synthetic Netherlands end to end (issue 18, item 6): a generation above scale 1 writes the region
// table it used, and the desks' pseudonymised extracts, the population and the infectious-disease counts
// of its synthetic gemeenten pass ingest's region validation with that table (and fail without it).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "io/region_file.h"
#include "io/text_table.h"
#include "pipeline/ingest.h"
#include "pipeline/pseudonymise.h"
#include "privacy/key.h"
#include "store/sqlite/sqlite_store.h"
#include "synth/generator.h"

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

class SyntheticNetherlandsPipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(::testing::TempDir() + "/synthetic-nl-test-" + std::to_string(getpid()));
    fs::remove_all(*dir_);
    Result<RegionTable> twente =
        io::LoadRegionFile(std::string(SZ_SOURCE_DIR) + "/config/regions/twente-synthetic-2024.csv");
    ASSERT_TRUE(twente.ok()) << twente.status().ToString();
    synth::GeneratorOptions options;
    options.out_dir = *dir_ + "/desks";
    options.seed = 11;
    options.scale = 1.08;  // Twente and about 51,000 inhabitants in synthetic gemeenten
    options.first_year = 2025;
    options.last_year = 2025;
    options.today = Date{2026, 6, 30};
    Result<synth::SynthConfig> config =
        synth::LoadSynthConfig(std::string(SZ_SOURCE_DIR) + "/config/synthetic-twente.json");
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    options.config = std::move(config).value();
    Result<synth::GenerationReport> report = synth::Generate(options, *twente);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  void SetUp() override {
    Result<RegionTable> regions = io::LoadRegionFile(Desks() + "/regio-indeling.csv");
    ASSERT_TRUE(regions.ok()) << regions.status().ToString();
    netherlands_ = std::move(regions).value();
    twente_ = io::LoadRegionFile(std::string(SZ_SOURCE_DIR) + "/config/regions/twente-synthetic-2024.csv").value();
  }

  static std::string Desks() { return *dir_ + "/desks"; }

  Result<IngestReport> Ingest(const RegionTable& regions, const std::string& db, const std::string& source,
                              const std::string& file) {
    auto store = store::OpenSqliteStore(db);
    if (!store.ok()) return store.status();
    IngestRequest request;
    request.source = source;
    request.files = {file};
    Workspace workspace = Workspace::Borrowing(store->get(), &regions, clock_, std::string(SZ_SOURCE_DIR) + "/config");
    return pipeline::Ingest(workspace, request);
  }

  static std::string* dir_;
  RegionTable netherlands_, twente_;
  FixedClock clock_{Date{2026, 6, 30}};
};

std::string* SyntheticNetherlandsPipelineTest::dir_ = nullptr;

TEST_F(SyntheticNetherlandsPipelineTest, TheWrittenRegionTableHoldsTwenteAndTheSyntheticGemeenten) {
  std::set<std::string> synthetic;
  for (const Region* gemeente : netherlands_.AtLevel(RegionLevel::kGemeente)) {
    if (twente_.Find(gemeente->code) == nullptr) synthetic.insert(gemeente->code);
  }
  ASSERT_GE(synthetic.size(), 1u);
  EXPECT_EQ(netherlands_.AtLevel(RegionLevel::kGemeente).size(), 14 + synthetic.size());

  // Every postcode lies in a known buurt of its wijk of its gemeente; synthetic ones outside 7400–7699.
  Result<io::TextTable> postcodes = io::ReadTextTable(Desks() + "/postcodes.csv");
  ASSERT_TRUE(postcodes.ok()) << postcodes.status().ToString();
  std::set<std::string> seen, synthetic_wijken_used;
  for (const std::vector<std::string>& row : postcodes->rows) {
    ASSERT_EQ(row.size(), 4u);
    EXPECT_TRUE(seen.insert(row[0]).second) << row[0];
    const Region* buurt = netherlands_.Find(row[3]);
    ASSERT_NE(buurt, nullptr) << row[3];
    EXPECT_EQ(buurt->parent_code, row[2]);
    EXPECT_EQ(netherlands_.Find(row[2])->parent_code, row[1]);
    const int pc4 = std::stoi(row[0].substr(0, 4));
    const bool in_twente_range = pc4 >= 7400 && pc4 <= 7699;
    EXPECT_EQ(in_twente_range, synthetic.count(row[1]) == 0) << row[0] << " " << row[1];
    if (synthetic.count(row[1]) != 0) synthetic_wijken_used.insert(row[2]);
  }
  // Every synthetic wijk has addresses.
  size_t synthetic_wijken = 0;
  for (const std::string& code : synthetic) synthetic_wijken += netherlands_.Children(code).size();
  EXPECT_EQ(synthetic_wijken_used.size(), synthetic_wijken);

  // Persons live in the synthetic gemeenten: their population is in bevolking.csv.
  Result<io::TextTable> bevolking = io::ReadTextTable(Desks() + "/bevolking/bevolking.csv");
  ASSERT_TRUE(bevolking.ok()) << bevolking.status().ToString();
  const int region = bevolking->ColumnIndex("regio");
  const int count = bevolking->ColumnIndex("aantal");
  ASSERT_GE(region, 0);
  ASSERT_GE(count, 0);
  double in_synthetic = 0, in_twente = 0;
  for (const std::vector<std::string>& row : bevolking->rows) {
    if (row[region].rfind("GM", 0) != 0) continue;
    (synthetic.count(row[region]) != 0 ? in_synthetic : in_twente) += std::stod(row[count]);
  }
  EXPECT_NEAR(in_synthetic / in_twente, 0.08, 0.01);
}

TEST_F(SyntheticNetherlandsPipelineTest, IngestAcceptsItsRowsWithTheWrittenTableAndRejectsThemWithout) {
  for (const char* source : {"bevolking", "infectieziekten"}) {
    const std::string file = Desks() + "/" + source + "/" + source + ".csv";
    Result<IngestReport> with = Ingest(netherlands_, *dir_ + "/nl-" + source + ".db", source, file);
    ASSERT_TRUE(with.ok()) << with.status().ToString();
    EXPECT_GT(with->files.at(0).accepted, 0) << source;
    EXPECT_EQ(with->files.at(0).rejected, 0) << source;
    Result<IngestReport> without = Ingest(twente_, *dir_ + "/twente-" + source + ".db", source, file);
    ASSERT_TRUE(without.ok()) << without.status().ToString();
    EXPECT_GT(without->files.at(0).rejected, 0) << source << ": the synthetic gemeenten are unknown to Twente's table";
  }

  // A desk: pseudonymised at the source with the generated postcode table, then ingested.
  auto key = privacy::Key::Generate();
  ASSERT_TRUE(key.ok());
  ASSERT_TRUE(key->WriteFile(*dir_ + "/desk.key").ok());
  PseudonymiseRequest request;
  request.source = "veilig_thuis";
  request.records_file = Desks() + "/veilig_thuis/registraties.csv";
  request.persons_file = Desks() + "/veilig_thuis/betrokkenen.csv";
  request.postcode_file = Desks() + "/postcodes.csv";
  request.key_file = *dir_ + "/desk.key";
  request.output_file = *dir_ + "/veilig_thuis-extract.csv";
  Workspace desk = Workspace::Borrowing(nullptr, &netherlands_, clock_, std::string(SZ_SOURCE_DIR) + "/config");
  Result<PseudonymiseReport> pseudonymised = Pseudonymise(desk, request);
  ASSERT_TRUE(pseudonymised.ok()) << pseudonymised.status().ToString();
  EXPECT_EQ(pseudonymised->records_rejected, 0);
  EXPECT_EQ(pseudonymised->persons_rejected, 0);
  Result<IngestReport> extract = Ingest(netherlands_, *dir_ + "/nl-vt.db", "veilig_thuis", request.output_file);
  ASSERT_TRUE(extract.ok()) << extract.status().ToString();
  EXPECT_GT(extract->files.at(0).accepted, 0);
  EXPECT_EQ(extract->files.at(0).rejected, 0);

  // Some of those reports concern the synthetic gemeenten.
  Result<io::TextTable> records = io::ReadTextTable(Desks() + "/veilig_thuis/registraties.csv");
  ASSERT_TRUE(records.ok());
  const int gemeente = records->ColumnIndex("gemeente");
  ASSERT_GE(gemeente, 0);
  long synthetic_reports = 0;
  for (const std::vector<std::string>& row : records->rows) {
    if (twente_.Find(row[gemeente]) == nullptr) ++synthetic_reports;
  }
  EXPECT_GT(synthetic_reports, 0);
}

}  // namespace
}  // namespace sz::pipeline
