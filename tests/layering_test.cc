// The layers of interpreter/, lowest first, as README "Layout" lists them and CMakeLists.txt
// builds them (one static library each). A file may include its own layer and the layers
// below it, never one above: this test reads every #include of interpreter/ and names each
// file and include that points upward.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

namespace planrun {
namespace {

namespace fs = std::filesystem;

const std::map<std::string, int>& layer_of_folder() {
  static const std::map<std::string, int> layers{
      {"diagnostics", 0}, {"parallel", 0},  {"files", 0},     {"values", 0},     {"ast", 0},       {"expressions", 0},
      {"graph", 1},       {"frontend", 2},  {"step_kit", 3},  {"process", 3},    {"net", 3},       {"databases", 3},
      {"state", 4},       {"schema", 4},    {"archive", 4},   {"catalog", 5},    {"compiler", 6},  {"evaluation", 7},
      {"loader", 8},      {"steps", 9},     {"executor", 10}, {"render", 11},    {"observers", 11}, {"cli", 12},
  };
  return layers;
}

// The layer that `path` (relative to interpreter/) is in: the folder right under interpreter/,
// except that steps/ holds two layers: the catalogue (step_catalog.*, <type>/<type>_fields.*),
// below the compiler, and the actions, above the loader (CMakeLists.txt: PLANRUN_CATALOG_FILES).
std::string folder_of(const std::string& path) {
  static const std::regex catalog_file(R"(^steps/(step_catalog|[a-z_]+/[a-z_]+_fields)\.(h|cc)$)");
  if (std::regex_match(path, catalog_file)) return "catalog";
  return path.substr(0, path.find('/'));
}

// "file: includes X (layer N) from layer M" for every upward include of one file.
std::vector<std::string> upward_includes(const fs::path& file, const std::string& relative) {
  static const std::regex include_line(R"(^\s*#\s*include\s*"interpreter/([^"]+)\")");
  std::vector<std::string> found;
  int own = layer_of_folder().at(folder_of(relative));
  std::ifstream in(file);
  std::smatch match;
  for (std::string line; std::getline(in, line);) {
    if (!std::regex_search(line, match, include_line)) continue;
    std::string folder = folder_of(match[1]);
    auto layer = layer_of_folder().find(folder);
    if (layer == layer_of_folder().end())
      found.push_back("interpreter/" + relative + ": includes from unknown folder '" + folder + "'");
    else if (layer->second > own)
      found.push_back("interpreter/" + relative + ": includes \"interpreter/" + match[1].str() + "\" from layer '" +
                      folder + "' above its own ('" + folder_of(relative) + "')");
  }
  return found;
}

TEST(Layering, EveryFolderOfTheInterpreterHasALayer) {
  for (const auto& entry : fs::directory_iterator(fs::path(PLANRUN_SOURCE_DIR) / "interpreter")) {
    if (!entry.is_directory()) continue;
    EXPECT_TRUE(layer_of_folder().count(folder_of(entry.path().filename().string() + "/")))
        << "interpreter/" << entry.path().filename().string() << " has no layer";
  }
}

TEST(Layering, NoIncludePointsFromALowerLayerToAHigherOne) {
  fs::path root = fs::path(PLANRUN_SOURCE_DIR) / "interpreter";
  std::vector<std::string> violations;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".h" && extension != ".cc")) continue;
    std::string relative = fs::relative(entry.path(), root).string();
    if (!layer_of_folder().count(folder_of(relative))) continue;  // reported by the test above
    for (std::string& violation : upward_includes(entry.path(), relative)) violations.push_back(std::move(violation));
  }
  std::string report;
  for (const std::string& violation : violations) report += violation + "\n";
  EXPECT_TRUE(violations.empty()) << report;
}

}  // namespace
}  // namespace planrun
