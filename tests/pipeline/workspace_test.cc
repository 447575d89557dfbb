// Where the workspace finds its configuration (pipeline/workspace.h), and what it opens lazily.
#include "pipeline/workspace.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) / ("workspace-" + std::to_string(getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // A folder that looks like a configuration directory.
  fs::path MakeConfig(const fs::path& dir) {
    fs::create_directories(dir / "regions");
    std::ofstream(dir / "linkage-schema.json") << "{}";
    return dir;
  }

  fs::path root_;
};

TEST_F(WorkspaceTest, TheGivenDirectoryComesFirstThenTheEnvironment) {
  fs::path given = MakeConfig(root_ / "given"), env = MakeConfig(root_ / "env");
  EXPECT_EQ(*FindConfigDir(given.string(), env.string(), ""), given);
  EXPECT_EQ(*FindConfigDir("", env.string(), ""), env);
  // A named directory that does not exist is an error, not a fallback.
  auto missing = FindConfigDir((root_ / "nope").string(), env.string(), "");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("--config-dir"), std::string::npos);
  EXPECT_EQ(FindConfigDir("", (root_ / "nope").string(), "").status().code(), StatusCode::kNotFound);
}

TEST_F(WorkspaceTest, BesideTheInstalledBinaryThenTheCheckoutAboveIt) {
  // An installation: PREFIX/bin/samenzicht and PREFIX/share/samenzicht/config.
  fs::path installed = MakeConfig(root_ / "prefix" / "share" / "samenzicht" / "config");
  fs::create_directories(root_ / "prefix" / "bin");
  EXPECT_EQ(*FindConfigDir("", std::nullopt, root_ / "prefix" / "bin" / "samenzicht"), installed);
  // Or BINDIR/config.
  fs::path beside = MakeConfig(root_ / "portable" / "config");
  EXPECT_EQ(*FindConfigDir("", std::nullopt, root_ / "portable" / "samenzicht"), beside);
  // A build folder inside a checkout: CHECKOUT/build/src/cli/samenzicht.
  fs::path checkout = root_ / "checkout";
  MakeConfig(checkout / "config");
  std::ofstream(checkout / "CMakeLists.txt") << "project(x)";
  fs::create_directories(checkout / "build" / "src" / "cli");
  EXPECT_EQ(*FindConfigDir("", std::nullopt, checkout / "build" / "src" / "cli" / "samenzicht"), checkout / "config");
  // An empty environment variable counts as not set.
  EXPECT_EQ(*FindConfigDir("", std::string(), checkout / "build" / "src" / "cli" / "samenzicht"), checkout / "config");
  // Nowhere: the error says where it looked and how to say it.
  fs::create_directories(root_ / "lonely" / "bin");
  auto none = FindConfigDir("", std::nullopt, root_ / "lonely" / "bin" / "samenzicht");
  ASSERT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_NE(none.status().message().find("SAMENZICHT_CONFIG"), std::string::npos);
  EXPECT_NE(none.status().message().find((root_ / "lonely" / "bin" / "config").string()), std::string::npos);
}

TEST_F(WorkspaceTest, TheStoreAndRegionsOpenOnFirstUse) {
  fs::path config = std::string(SZ_SOURCE_DIR) + "/config";
  std::string db = (root_ / "sub" / "store.db").string();
  auto workspace = Workspace::Open({.config_dir = config.string(), .store_url = "sqlite:" + db});
  ASSERT_TRUE(workspace.ok()) << workspace.status().ToString();
  EXPECT_FALSE(fs::exists(db)) << "nothing is opened before it is asked for";
  auto regions = workspace->Regions();
  ASSERT_TRUE(regions.ok()) << regions.status().ToString();
  EXPECT_NE((*regions)->Find("GM0153"), nullptr);
  auto store = workspace->Store();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE(fs::exists(db));
  EXPECT_EQ(*workspace->Store(), *store) << "one store per workspace";
  EXPECT_EQ(workspace->ConfigFile("linkage-schema.json"), (config / "linkage-schema.json").string());
  // A region file of the caller's choice.
  auto elsewhere = Workspace::Open({.config_dir = config.string(), .regions_file = (root_ / "none.csv").string()});
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_EQ(elsewhere->Regions().status().code(), StatusCode::kNotFound);
}

TEST_F(WorkspaceTest, SamenzichtRegionsNamesTheRegionFileUnlessRegionsIsGiven) {
  fs::path config = std::string(SZ_SOURCE_DIR) + "/config";
  fs::path file = root_ / "regions.csv";
  std::ofstream(file) << "code;naam;niveau;ouder\nNL01;Nederland;land;\nCR23;Twente;regio;NL01\n"
                         "GM5001;Zandloo;gemeente;CR23\nWK500100;Zandloo Centrum;wijk;GM5001\n";
  ASSERT_EQ(setenv("SAMENZICHT_REGIONS", file.c_str(), 1), 0);
  auto from_environment = Workspace::Open({.config_dir = config.string()});
  ASSERT_TRUE(from_environment.ok());
  auto regions = from_environment->Regions();
  ASSERT_TRUE(regions.ok()) << regions.status().ToString();
  EXPECT_NE((*regions)->Find("GM5001"), nullptr);
  EXPECT_EQ((*regions)->Find("GM0153"), nullptr);
  // --regions wins over the environment.
  auto given = Workspace::Open(
      {.config_dir = config.string(), .regions_file = (config / "regions" / "twente-synthetic-2024.csv").string()});
  ASSERT_TRUE(given.ok());
  EXPECT_NE((*given->Regions())->Find("GM0153"), nullptr);
  // An empty variable counts as not set.
  ASSERT_EQ(setenv("SAMENZICHT_REGIONS", "", 1), 0);
  auto empty = Workspace::Open({.config_dir = config.string()});
  ASSERT_TRUE(empty.ok());
  EXPECT_NE((*empty->Regions())->Find("GM0153"), nullptr);
  unsetenv("SAMENZICHT_REGIONS");
}

}  // namespace
}  // namespace sz::pipeline
