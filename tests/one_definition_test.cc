// One definition of each class: two headers (or a header and a .cc outside an anonymous
// namespace) that define `struct X` in the same namespace break the one-definition rule when
// both are linked into planrun, and nothing else catches it: the linker keeps one of the
// inline member functions and the program silently uses the wrong layout. This test reads
// interpreter/ and names every class, struct or enum defined at namespace level in two files.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

// "namespace::Name" -> the files (relative to the source tree) that define it.
using Definitions = std::map<std::string, std::set<std::string>>;

// The definitions of one file: column-0 `struct|class|enum [class] Name {` or `... : base`
// (namespace members are not indented here), under the nearest named namespace. A .cc file's
// definitions inside `namespace {` are its own and are left out.
void collect(const fs::path& file, const std::string& relative, Definitions& definitions) {
  static const std::regex opening(R"(^namespace\s*([A-Za-z_:]*)\s*\{\s*$)");
  static const std::regex closing(R"(^\}\s*//\s*namespace)");
  static const std::regex definition(R"(^(?:struct|class|enum class|enum)\s+([A-Za-z_]\w*)(?:\s+final)?\s*(?:\{|:[^:]))");
  std::vector<std::string> namespaces;
  std::ifstream in(file);
  std::smatch match;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_search(line, match, opening)) {
      namespaces.push_back(match[1]);
    } else if (std::regex_search(line, closing)) {
      if (!namespaces.empty()) namespaces.pop_back();
    } else if (std::regex_search(line, match, definition)) {
      bool anonymous = std::find(namespaces.begin(), namespaces.end(), "") != namespaces.end();
      std::string scope = namespaces.empty() ? "" : namespaces.back();
      if (!anonymous) definitions[scope + "::" + match[1].str()].insert(relative);
    }
  }
}

TEST(OneDefinition, NoClassIsDefinedInTwoFilesOfTheSameNamespace) {
  fs::path source(PLANRUN_SOURCE_DIR);
  Definitions definitions;
  for (const auto& entry : fs::recursive_directory_iterator(source / "interpreter")) {
    std::string extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".h" || extension == ".cc"))
      collect(entry.path(), entry.path().lexically_relative(source).string(), definitions);
  }
  ASSERT_TRUE(definitions.count("planrun::TreeCopy")) << "the scan found nothing: did the layout change?";
  for (const auto& [name, files] : definitions) {
    std::string listed;
    for (const std::string& file : files) listed += " " + file;
    EXPECT_EQ(files.size(), 1u) << name << " is defined in" << listed;
  }
}

}  // namespace
}  // namespace planrun
