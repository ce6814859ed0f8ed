// The documents say what the repository holds: every path of the repository that README.md,
// docs/ and the plans' READMEs name (interpreter/..., tests/..., scripts/..., ...) exists, so a
// move or a deletion cannot leave the text describing code that is gone.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

const fs::path kSource = PLANRUN_SOURCE_DIR;

std::vector<fs::path> documents() {
  std::vector<fs::path> found{kSource / "README.md"};
  for (const char* folder : {"docs", "stdlib-plans", "examples"})
    for (const auto& entry : fs::recursive_directory_iterator(kSource / folder))
      if (entry.path().extension() == ".md") found.push_back(entry.path());
  return found;
}

// A named path is checked unless it is a pattern or a placeholder (`steps/<type>/`, `*.xml`,
// `NAME`), or a file a worked example asks the reader to create.
bool is_checkable(const std::string& path) {
  return path.find_first_of("*<>{}$") == std::string::npos && !std::regex_search(path, std::regex("[A-Z]{3,}")) &&
         path.find("touch_file") == std::string::npos;
}

std::vector<std::string> missing_paths(const fs::path& document) {
  static const std::regex named(R"(\b((?:interpreter|tests|scripts|bench|docs|cmake|grammar|stdlib-plans|examples)/[A-Za-z0-9_./<>*{}$-]*[A-Za-z0-9_/>*}]))");
  std::ifstream in(document);
  std::vector<std::string> missing;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    for (std::sregex_iterator it(line.begin(), line.end(), named), end; it != end; ++it) {
      std::string path = (*it)[1];
      if (!is_checkable(path) || fs::exists(kSource / path)) continue;
      // A path inside a plan folder is named relative to the document's own folder.
      if (fs::exists(document.parent_path() / path)) continue;
      missing.push_back(fs::relative(document, kSource).string() + ":" + std::to_string(line_number) + ": " + path);
    }
  }
  return missing;
}

TEST(Documents, EveryRepositoryPathTheyNameExists) {
  std::string report;
  for (const fs::path& document : documents())
    for (const std::string& missing : missing_paths(document)) report += missing + "\n";
  EXPECT_EQ(report, "") << "documents name paths that do not exist:\n" << report;
}

}  // namespace
}  // namespace planrun
