// The layering check: every #include under src/ against the module graph (docs/module-graph.txt,
// whose format that file describes). Test code only; the build reads the same file
// (CMakeLists.txt), so the graph the build links by and the graph the sources are checked against
// are one.
//
//   ASSIGN_OR_RETURN(ModuleGraph graph, ParseModuleGraph(text));
//   std::vector<Violation> violations = CheckSourceTree(graph, "src");
//
// A quoted include "M/..." in module N is allowed when M == N, or M is on N's line and the path does
// not enter M's internal/ or a folder `private M/FOLDER` names. An angle include <P...> is allowed
// unless an `external P: ...` line exists that does not name N, or a `not-in-headers P` line exists
// and the including file is a public header (not under internal/ or a private folder). A quoted include of a folder
// that is no module is a violation.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace sz::layering {

struct ExternalRule {
  std::string prefix;
  std::set<std::string> modules;  // may include it
};

struct ModuleGraph {
  std::vector<std::string> order;                     // as listed, bottom to top
  std::map<std::string, std::set<std::string>> deps;  // module → modules it may include
  std::set<std::string> private_folders;              // "store/sqlite"
  std::vector<ExternalRule> externals;
  std::vector<std::string> not_in_headers;
};

struct Violation {
  std::string file;  // relative to the tree
  int line = 0;
  std::string include;
  std::string why;
  std::string ToString() const { return file + ":" + std::to_string(line) + ": #include " + include + ": " + why; }
};

inline std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// Parses the graph; an error text for a line it cannot read, a dependency on a module not listed
// above (which also rules out cycles), or a module listed twice.
inline std::optional<std::string> ParseModuleGraph(const std::string& text, ModuleGraph& graph) {
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    auto where = [&] { return "line " + std::to_string(number) + ": "; };
    size_t colon = line.find(':');
    if (line.rfind("module ", 0) == 0 || line.rfind("external ", 0) == 0) {
      if (colon == std::string::npos) return where() + "expected ':'";
      std::vector<std::string> head = Words(line.substr(0, colon));
      std::vector<std::string> rest = Words(line.substr(colon + 1));
      if (head.size() != 2) return where() + "expected one name before ':'";
      if (head[0] == "module") {
        const std::string& name = head[1];
        if (graph.deps.count(name)) return where() + "module " + name + " listed twice";
        for (const std::string& dep : rest) {
          if (!graph.deps.count(dep)) return where() + name + " names " + dep + ", which is not listed above it";
        }
        graph.order.push_back(name);
        graph.deps[name] = std::set<std::string>(rest.begin(), rest.end());
      } else {
        graph.externals.push_back({head[1], std::set<std::string>(rest.begin(), rest.end())});
      }
    } else if (line.rfind("private ", 0) == 0) {
      std::vector<std::string> words = Words(line);
      if (words.size() != 2 || words[1].find('/') == std::string::npos)
        return where() + "expected private MODULE/FOLDER";
      graph.private_folders.insert(words[1]);
    } else if (line.rfind("not-in-headers ", 0) == 0) {
      std::vector<std::string> words = Words(line);
      if (words.size() != 2) return where() + "expected not-in-headers PREFIX";
      graph.not_in_headers.push_back(words[1]);
    } else {
      return where() + "unknown line '" + line + "'";
    }
  }
  if (graph.order.empty()) return std::string("no modules");
  return std::nullopt;
}

// Why `include` (the text between the quotes) may not be included from module `module`, or nullopt.
inline std::optional<std::string> QuotedIncludeProblem(const ModuleGraph& graph, const std::string& module,
                                                       const std::string& include) {
  size_t slash = include.find('/');
  if (slash == std::string::npos) return "includes are written from src/: \"module/header.h\"";
  std::string target = include.substr(0, slash);
  if (!graph.deps.count(target)) return "'" + target + "' is not a module of docs/module-graph.txt";
  if (target == module) return std::nullopt;
  if (!graph.deps.at(module).count(target)) {
    return "module " + module + " may not include module " + target + " (docs/module-graph.txt)";
  }
  std::string rest = include.substr(slash + 1);
  if (rest.rfind("internal/", 0) == 0) return target + "/internal/ is private to module " + target;
  for (const std::string& folder : graph.private_folders) {
    if (include.rfind(folder + "/", 0) == 0) return folder + "/ is private to module " + target;
  }
  return std::nullopt;
}

inline std::optional<std::string> AngleIncludeProblem(const ModuleGraph& graph, const std::string& module,
                                                      const std::string& include, bool in_header) {
  for (const ExternalRule& rule : graph.externals) {
    if (include.rfind(rule.prefix, 0) == 0 && !rule.modules.count(module)) {
      return "<" + rule.prefix + "> may only be included by " +
             (rule.modules.empty() ? std::string("no module under src/") : [&] {
               std::string names;
               for (const std::string& name : rule.modules) names += (names.empty() ? "" : ", ") + name;
               return names;
             }());
    }
  }
  if (in_header) {
    for (const std::string& prefix : graph.not_in_headers) {
      if (include.rfind(prefix, 0) == 0) return "<" + prefix + "> stays out of headers (include it in the .cc)";
    }
  }
  return std::nullopt;
}

// Checks every .h and .cc below `root` (the src/ folder or a copy of it). Files directly under
// root, and folders that are no module, are violations too.
inline std::vector<Violation> CheckSourceTree(const ModuleGraph& graph, const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::vector<Violation> violations;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    if (ext == ".h" || ext == ".cc") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::string relative = fs::relative(path, root).generic_string();
    size_t slash = relative.find('/');
    std::string module = slash == std::string::npos ? "" : relative.substr(0, slash);
    if (!graph.deps.count(module)) {
      violations.push_back({relative, 0, "", "the file is in no module of docs/module-graph.txt"});
      continue;
    }
    // Private headers (internal/, private folders) are the module's own: only public headers count.
    bool private_file = relative.find("/internal/") != std::string::npos;
    for (const std::string& folder : graph.private_folders) private_file |= relative.rfind(folder + "/", 0) == 0;
    bool header = path.extension() == ".h" && !private_file;
    std::ifstream in(path);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      size_t start = line.find_first_not_of(" \t");
      if (start == std::string::npos || line.compare(start, 1, "#") != 0) continue;
      std::string directive = line.substr(start + 1);
      directive.erase(0, directive.find_first_not_of(" \t"));
      if (directive.rfind("include", 0) != 0) continue;
      size_t open = directive.find_first_of("\"<");
      if (open == std::string::npos) continue;
      char close = directive[open] == '"' ? '"' : '>';
      size_t end = directive.find(close, open + 1);
      if (end == std::string::npos) continue;
      std::string include = directive.substr(open + 1, end - open - 1);
      std::optional<std::string> problem = close == '"' ? QuotedIncludeProblem(graph, module, include)
                                                        : AngleIncludeProblem(graph, module, include, header);
      if (problem) {
        violations.push_back({relative, number, close == '"' ? "\"" + include + "\"" : "<" + include + ">", *problem});
      }
    }
  }
  return violations;
}

}  // namespace sz::layering
