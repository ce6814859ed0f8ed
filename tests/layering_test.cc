// The layers of interpreter/ come from one table, cmake/layers.cmake, which CMakeLists.txt
// builds (one static library each). This test reads the same table and every #include of
// interpreter/: an include between two folders must point down the table (or stay in its
// layer), the folders must form no cycle, even within one layer, and README "Layout" must show
// the table as it is.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

const fs::path kSource = PLANRUN_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One planrun_layer(...) call of cmake/layers.cmake. A folder may be split between two layers
// by file name: MATCHING takes only its files whose path under interpreter/ matches, EXCLUDING
// leaves those out.
struct Layer {
  std::string name;
  std::vector<std::string> folders, below;
  std::string matching, excluding;  // regular expressions, "" for none

  bool holds(const std::string& relative) const {
    if (std::find(folders.begin(), folders.end(), relative.substr(0, relative.find('/'))) == folders.end()) return false;
    if (!matching.empty() && !std::regex_search(relative, matching_regex)) return false;
    return excluding.empty() || !std::regex_search(relative, excluding_regex);
  }
  std::regex matching_regex, excluding_regex;
};

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> found;
  for (std::string word; in >> word;) found.push_back(word);
  return found;
}

// A quoted CMake argument as the text it stands for: "a\\.b" is a\.b.
std::string cmake_string(std::string argument) {
  if (argument.size() >= 2 && argument.front() == '"') argument = argument.substr(1, argument.size() - 2);
  return std::regex_replace(argument, std::regex(R"(\\\\)"), "\\");
}

// The calls in file order; FOLDERS and BELOW are plain words, LINK is not needed here.
std::vector<Layer> read_layer_table() {
  std::string text = std::regex_replace(read_text(kSource / "cmake/layers.cmake"), std::regex("#[^\n]*"), "");
  static const std::regex call(R"re(planrun_layer\(((?:[^)"]|"[^"]*")*)\))re");  // a quoted pattern may hold ')'
  std::vector<Layer> layers;
  for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
    std::vector<std::string> arguments = words((*it)[1]);
    Layer layer{arguments.at(0), {}, {}, "", "", {}, {}};
    std::vector<std::string>* list = nullptr;
    for (size_t i = 1; i < arguments.size(); ++i) {
      if (arguments[i] == "FOLDERS") list = &layer.folders;
      else if (arguments[i] == "BELOW") list = &layer.below;
      else if (arguments[i] == "LINK") list = nullptr;
      else if (arguments[i] == "MATCHING") {
        layer.matching = cmake_string(arguments.at(++i));
        list = nullptr;
      } else if (arguments[i] == "EXCLUDING") {
        layer.excluding = cmake_string(arguments.at(++i));
        list = nullptr;
      } else if (list) {
        list->push_back(arguments[i]);
      }
    }
    layer.matching_regex = std::regex(layer.matching);
    layer.excluding_regex = std::regex(layer.excluding);
    layers.push_back(std::move(layer));
  }
  return layers;
}

const std::vector<Layer>& layer_table() {
  static const std::vector<Layer> layers = read_layer_table();
  return layers;
}

// The layer that holds a file (its path under interpreter/), or "" for none.
std::string layer_of(const std::string& relative) {
  for (const Layer& layer : layer_table())
    if (layer.holds(relative)) return layer.name;
  return "";
}

// Each layer and every layer it may use: itself and, through BELOW, all below it.
std::map<std::string, std::set<std::string>> usable_layers() {
  std::map<std::string, std::set<std::string>> usable;
  for (const Layer& layer : layer_table()) {  // lowest first, so the ones below are complete
    std::set<std::string>& mine = usable[layer.name];
    mine.insert(layer.name);
    for (const std::string& below : layer.below) mine.insert(usable[below].begin(), usable[below].end());
  }
  return usable;
}

// The unit the include check and the cycle check see: the folder right under interpreter/, or,
// for a folder split between layers, the folder's part in one layer ("steps[catalog]").
std::string unit_of(const std::string& relative) {
  std::string folder = relative.substr(0, relative.find('/'));
  int layers_with_folder = 0;
  for (const Layer& layer : layer_table())
    layers_with_folder += std::count(layer.folders.begin(), layer.folders.end(), folder);
  return layers_with_folder > 1 ? folder + "[" + layer_of(relative) + "]" : folder;
}

// An include from one unit into another, the layers of both, and a file that makes it.
struct UnitEdge {
  std::string from, to, from_layer, to_layer, example;
};

std::vector<UnitEdge> unit_edges() {
  static const std::regex include_line(R"(^\s*#\s*include\s*"interpreter/([^"]+)\")");
  fs::path root = kSource / "interpreter";
  std::map<std::pair<std::string, std::string>, UnitEdge> found;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".h" && extension != ".cc")) continue;
    std::string relative = fs::relative(entry.path(), root).string();
    std::ifstream in(entry.path());
    std::smatch match;
    for (std::string line; std::getline(in, line);) {
      if (!std::regex_search(line, match, include_line)) continue;
      std::string from = unit_of(relative), to = unit_of(match[1]);
      if (from == to) continue;
      found.emplace(std::pair{from, to}, UnitEdge{from, to, layer_of(relative), layer_of(match[1]),
                                                  "interpreter/" + relative + " includes \"interpreter/" + match[1].str() + "\""});
    }
  }
  std::vector<UnitEdge> edges;
  for (auto& [_, edge] : found) edges.push_back(std::move(edge));
  return edges;
}

TEST(Layering, EveryFileOfTheInterpreterIsInOneLayer) {
  std::string report;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "interpreter")) {
    if (!entry.is_regular_file()) continue;
    std::string relative = fs::relative(entry.path(), kSource / "interpreter").string();
    std::vector<std::string> holders;
    for (const Layer& layer : layer_table())
      if (layer.holds(relative)) holders.push_back(layer.name);
    if (holders.size() != 1)
      report += "interpreter/" + relative + " is in " + std::to_string(holders.size()) + " layers of cmake/layers.cmake\n";
  }
  EXPECT_EQ(report, "");
}

TEST(Layering, EveryIncludeBetweenFoldersPointsDownTheLayerTable) {
  auto usable = usable_layers();
  std::string report;
  for (const UnitEdge& edge : unit_edges())
    if (!usable[edge.from_layer].count(edge.to_layer))
      report += edge.example + ": layer '" + edge.from_layer + "' may not use layer '" + edge.to_layer + "'\n";
  EXPECT_EQ(report, "");
}

// "a -> b -> a" for the first cycle between folders, empty when there is none.
std::string first_cycle(const std::vector<UnitEdge>& edges) {
  std::map<std::string, std::vector<std::string>> next;
  for (const UnitEdge& edge : edges) next[edge.from].push_back(edge.to);
  std::map<std::string, int> state;  // 0 unseen, 1 on the path, 2 done
  std::vector<std::string> path;
  std::string cycle;
  std::function<bool(const std::string&)> visit = [&](const std::string& folder) {
    state[folder] = 1;
    path.push_back(folder);
    for (const std::string& to : next[folder]) {
      if (state[to] == 1) {
        for (auto it = std::find(path.begin(), path.end(), to); it != path.end(); ++it) cycle += *it + " -> ";
        cycle += to;
        return true;
      }
      if (state[to] == 0 && visit(to)) return true;
    }
    path.pop_back();
    state[folder] = 2;
    return false;
  };
  for (const auto& [folder, _] : next)
    if (state[folder] == 0 && visit(folder)) break;
  return cycle;
}

TEST(Layering, NoCycleBetweenFoldersEvenWithinALayer) {
  std::vector<UnitEdge> edges = unit_edges();
  std::string cycle = first_cycle(edges);
  std::string examples;
  for (const UnitEdge& edge : edges)
    if (cycle.find(edge.from + " -> " + edge.to) != std::string::npos) examples += "  " + edge.example + "\n";
  EXPECT_EQ(cycle, "") << "the folders include each other in a cycle:\n" << examples;
}

TEST(Layering, CycleFinderNamesTheCycle) {
  auto edge = [](std::string from, std::string to) { return UnitEdge{from, to, "", "", ""}; };
  EXPECT_EQ(first_cycle({edge("a", "b"), edge("b", "c"), edge("c", "b")}), "b -> c -> b");
  EXPECT_EQ(first_cycle({edge("a", "b"), edge("a", "c"), edge("b", "c")}), "");
}

// The table as README "Layout" shows it, one line a layer.
std::string readme_table() {
  std::string text;
  for (const Layer& layer : layer_table()) {
    std::string line = "    " + layer.name + std::string(layer.name.size() < 12 ? 12 - layer.name.size() : 1, ' ');
    for (size_t i = 0; i < layer.folders.size(); ++i) line += (i ? ", " : "") + layer.folders[i];
    if (!layer.matching.empty()) line += " (the files matching " + layer.matching + ")";
    if (!layer.excluding.empty()) line += " (the other files)";
    for (size_t i = 0; i < layer.below.size(); ++i) line += (i ? ", " : "; uses ") + layer.below[i];
    text += line + "\n";
  }
  return text;
}

TEST(Layering, ReadmeShowsTheLayerTable) {
  EXPECT_NE(read_text(kSource / "README.md").find(readme_table()), std::string::npos)
      << "README.md \"Layout\" must show cmake/layers.cmake as:\n" << readme_table();
}

}  // namespace
}  // namespace planrun
