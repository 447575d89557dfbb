// Layering.*: the module graph (docs/module-graph.txt) holds for every #include under src/, and the
// check itself catches a forbidden include (a test of the test, on a copy of src/).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "layering/include_check.h"

namespace sz::layering {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ModuleGraph LoadGraph() {
  ModuleGraph graph;
  std::optional<std::string> error = ParseModuleGraph(ReadFile(SZ_MODULE_GRAPH), graph);
  EXPECT_FALSE(error.has_value()) << SZ_MODULE_GRAPH << ": " << error.value_or("");
  return graph;
}

const fs::path kSourceRoot = fs::path(SZ_SOURCE_DIR) / "src";

std::string Describe(const std::vector<Violation>& violations) {
  std::string out;
  for (const Violation& violation : violations) out += violation.ToString() + "\n";
  return out;
}

TEST(Layering, TheGraphNamesEveryModuleFolderAndNothingElse) {
  ModuleGraph graph = LoadGraph();
  std::set<std::string> folders;
  for (const auto& entry : fs::directory_iterator(kSourceRoot)) {
    if (entry.is_directory()) folders.insert(entry.path().filename().string());
  }
  std::set<std::string> listed(graph.order.begin(), graph.order.end());
  EXPECT_EQ(folders, listed) << "every folder under src/ is a module with a line in docs/module-graph.txt";
}

TEST(Layering, EveryIncludeUnderSrcIsAllowedByTheGraph) {
  std::vector<Violation> violations = CheckSourceTree(LoadGraph(), kSourceRoot);
  EXPECT_TRUE(violations.empty()) << Describe(violations);
}

TEST(Layering, ModuleBuildFilesTakeTheirDependenciesFromTheGraph) {
  // A module's CMakeLists.txt names no other module's library: its link line comes from the graph.
  ModuleGraph graph = LoadGraph();
  const std::regex library(R"(\bsz_([a-z_]+)\b)");
  for (const std::string& module : graph.order) {
    fs::path build_file = kSourceRoot / module / "CMakeLists.txt";
    if (!fs::exists(build_file)) continue;
    std::string text = ReadFile(build_file);
    for (std::sregex_iterator it(text.begin(), text.end(), library), end; it != end; ++it) {
      std::string name = (*it)[1].str();
      if (name == "module" || name == "module_deps" || name == "module_include_root" || name == module) continue;
      ADD_FAILURE() << build_file << " links sz_" << name << " by hand; docs/module-graph.txt decides";
    }
  }
}

TEST(Layering, TheCheckCatchesForbiddenIncludes) {
  // A copy of src/ with one forbidden include of each kind added: the check names each, with its line.
  ModuleGraph graph = LoadGraph();
  fs::path copy = fs::path(::testing::TempDir()) / ("layering-copy-" + std::to_string(::getpid()));
  fs::remove_all(copy);
  fs::copy(kSourceRoot, copy, fs::copy_options::recursive);
  ASSERT_TRUE(CheckSourceTree(graph, copy).empty()) << "the copy starts clean";

  auto append = [&](const std::string& file, const std::string& line) {
    ASSERT_TRUE(fs::exists(copy / file)) << file;
    std::ofstream(copy / file, std::ios::app) << line << "\n";
  };
  auto line_count = [&](const std::string& file) {
    std::ifstream in(copy / file);
    int lines = 0;
    for (std::string text; std::getline(in, text);) ++lines;
    return lines;
  };
  append("core/status.cc", "#include \"pipeline/ingest.h\"");           // upward
  append("survey/design.cc", "#  include \"linkage/internal/parallel.h\"");  // not a dependency, and internal
  append("linkage/linker.cc", "#include \"privacy/internal/text.h\"");  // a dependency's internal header
  append("core/date.cc", "#include <sqlite3.h>");                       // a library outside its module
  append("privacy/key.h", "#include <nlohmann/json.hpp>");              // a heavy library in a header
  append("io/csv_reader.cc", "#include \"nowhere/thing.h\"");           // no such module

  std::vector<Violation> violations = CheckSourceTree(graph, copy);
  std::map<std::string, Violation> by_file;
  for (const Violation& violation : violations) by_file[violation.file] = violation;
  EXPECT_EQ(violations.size(), 6u) << Describe(violations);
  for (const char* file : {"core/status.cc", "survey/design.cc", "linkage/linker.cc", "core/date.cc",
                                  "privacy/key.h", "io/csv_reader.cc"}) {
    ASSERT_TRUE(by_file.count(file)) << file << " not caught:\n" << Describe(violations);
    EXPECT_EQ(by_file[file].line, line_count(file)) << by_file[file].ToString();
  }
  EXPECT_NE(by_file["core/status.cc"].why.find("may not include module pipeline"), std::string::npos);
  EXPECT_NE(by_file["linkage/linker.cc"].why.find("private to module privacy"), std::string::npos);
  EXPECT_NE(by_file["core/date.cc"].why.find("may only be included by store"), std::string::npos);
  EXPECT_NE(by_file["privacy/key.h"].why.find("out of headers"), std::string::npos);
  EXPECT_NE(by_file["io/csv_reader.cc"].why.find("not a module"), std::string::npos);
  fs::remove_all(copy);
}

TEST(Layering, TheGraphRefusesCyclesAndUnknownModules) {
  ModuleGraph graph;
  EXPECT_TRUE(ParseModuleGraph("module core:\nmodule io: core\n", graph) == std::nullopt);
  ModuleGraph cyclic;
  std::optional<std::string> error = ParseModuleGraph("module core: io\nmodule io: core\n", cyclic);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("line 1"), std::string::npos) << *error;
  ModuleGraph twice;
  EXPECT_TRUE(ParseModuleGraph("module core:\nmodule core:\n", twice).has_value());
  ModuleGraph garbage;
  EXPECT_TRUE(ParseModuleGraph("module core:\ndepends io on core\n", garbage).has_value());
}

}  // namespace
}  // namespace sz::layering
