#include "interpreter/archive/jar_entries.h"

#include <gtest/gtest.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/carbon_fixture_home.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(JarEntries, ListsTheEntriesOfAJar) {
  testing::TempDir dir;
  testing::write_jar(dir.path() / "driver.jar", {"org/postgresql/Driver.class"});
  EXPECT_EQ(jar_entry_names(dir.path() / "driver.jar"),
            (std::vector<std::string>{"META-INF/MANIFEST.MF", "org/postgresql/Driver.class"}));
}

TEST(JarEntries, AFileThatIsNoZipIsAnErrorNamingIt) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "broken.jar", "not a zip at all");
  try {
    jar_entry_names(dir.path() / "broken.jar");
    FAIL() << "no error";
  } catch (const EnvironmentError& error) {
    EXPECT_EQ(std::string(error.what()).find("cannot read '" + (dir.path() / "broken.jar").string() + "' as a jar (zip): "), 0u)
        << error.what();
  }
}

TEST(JarEntries, TheClassFileOfAClassName) { EXPECT_EQ(class_file_entry("org.h2.Driver"), "org/h2/Driver.class"); }

}  // namespace
}  // namespace planrun
