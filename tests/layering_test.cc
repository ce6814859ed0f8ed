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
namespace {

namespace fs = std::filesystem;

const fs::path kSource = PLANRUN_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One planrun_layer(...) call of cmake/layers.cmake.
struct Layer {
  std::string name;
  std::vector<std::string> folders, below;
};

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> found;
  for (std::string word; in >> word;) found.push_back(word);
  return found;
}

// The calls in file order; FOLDERS and BELOW are plain words, LINK is not needed here.
std::vector<Layer> layer_table() {
  std::string text = std::regex_replace(read_text(kSource / "cmake/layers.cmake"), std::regex("#[^\n]*"), "");
  static const std::regex call(R"(planrun_layer\(([^)]*)\))");
  std::vector<Layer> layers;
  for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
    std::vector<std::string> arguments = words((*it)[1]);
    Layer layer{arguments.at(0), {}, {}};
    std::vector<std::string>* list = nullptr;
    for (size_t i = 1; i < arguments.size(); ++i) {
      if (arguments[i] == "FOLDERS") list = &layer.folders;
      else if (arguments[i] == "BELOW") list = &layer.below;
      else if (arguments[i] == "LINK") list = nullptr;
      else if (list) list->push_back(arguments[i]);
    }
    layers.push_back(std::move(layer));
  }
  return layers;
}

std::map<std::string, std::string> layer_of_folder() {
  std::map<std::string, std::string> layer_of;
  for (const Layer& layer : layer_table())
    for (const std::string& folder : layer.folders) layer_of[folder] = layer.name;
  return layer_of;
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

// An include from one folder right under interpreter/ into another, with a file that makes it.
struct FolderEdge {
  std::string from, to, example;
};

std::string folder_of(const std::string& relative) { return relative.substr(0, relative.find('/')); }

std::vector<FolderEdge> folder_edges() {
  static const std::regex include_line(R"(^\s*#\s*include\s*"interpreter/([^"]+)\")");
  fs::path root = kSource / "interpreter";
  std::map<std::pair<std::string, std::string>, std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".h" && extension != ".cc")) continue;
    std::string relative = fs::relative(entry.path(), root).string();
    std::ifstream in(entry.path());
    std::smatch match;
    for (std::string line; std::getline(in, line);) {
      if (!std::regex_search(line, match, include_line)) continue;
      std::string from = folder_of(relative), to = folder_of(match[1]);
      if (from != to) found.emplace(std::pair{from, to}, "interpreter/" + relative + " includes \"interpreter/" + match[1].str() + "\"");
    }
  }
  std::vector<FolderEdge> edges;
  for (const auto& [ends, example] : found) edges.push_back({ends.first, ends.second, example});
  return edges;
}

TEST(Layering, EveryFolderOfTheInterpreterIsInOneLayer) {
  std::map<std::string, int> times_listed;
  for (const Layer& layer : layer_table())
    for (const std::string& folder : layer.folders) ++times_listed[folder];
  for (const auto& entry : fs::directory_iterator(kSource / "interpreter")) {
    if (!entry.is_directory()) continue;
    std::string folder = entry.path().filename().string();
    EXPECT_EQ(times_listed[folder], 1) << "interpreter/" << folder << " must be in exactly one layer of cmake/layers.cmake";
  }
}

TEST(Layering, EveryIncludeBetweenFoldersPointsDownTheLayerTable) {
  auto layer_of = layer_of_folder();
  auto usable = usable_layers();
  std::string report;
  for (const FolderEdge& edge : folder_edges()) {
    if (!layer_of.count(edge.from) || !layer_of.count(edge.to)) {
      report += edge.example + ": a folder without a layer\n";
      continue;
    }
    if (!usable[layer_of[edge.from]].count(layer_of[edge.to]))
      report += edge.example + ": layer '" + layer_of[edge.from] + "' may not use layer '" + layer_of[edge.to] + "'\n";
  }
  EXPECT_TRUE(report.empty()) << report;
}

// "a -> b -> a" for the first cycle between folders, empty when there is none.
std::string first_cycle(const std::vector<FolderEdge>& edges) {
  std::map<std::string, std::vector<std::string>> next;
  for (const FolderEdge& edge : edges) next[edge.from].push_back(edge.to);
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
  std::vector<FolderEdge> edges = folder_edges();
  std::string cycle = first_cycle(edges);
  std::string examples;
  for (const FolderEdge& edge : edges)
    if (cycle.find(edge.from + " -> " + edge.to) != std::string::npos) examples += "  " + edge.example + "\n";
  EXPECT_EQ(cycle, "") << "the folders include each other in a cycle:\n" << examples;
}

TEST(Layering, CycleFinderNamesTheCycle) {
  EXPECT_EQ(first_cycle({{"a", "b", ""}, {"b", "c", ""}, {"c", "b", ""}}), "b -> c -> b");
  EXPECT_EQ(first_cycle({{"a", "b", ""}, {"a", "c", ""}, {"b", "c", ""}}), "");
}

// The table as README "Layout" shows it, one line a layer.
std::string readme_table() {
  std::string text;
  for (const Layer& layer : layer_table()) {
    std::string line = "    " + layer.name + std::string(layer.name.size() < 12 ? 12 - layer.name.size() : 1, ' ');
    for (size_t i = 0; i < layer.folders.size(); ++i) line += (i ? ", " : "") + layer.folders[i];
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
