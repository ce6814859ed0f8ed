#include "interpreter/evaluation/absolute_paths.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

std::string here(const std::string& relative) { return (fs::current_path() / relative).lexically_normal().string(); }

TEST(AbsolutePaths, ARelativePathIsTakenFromTheWorkingDirectory) {
  EXPECT_EQ(with_absolute_paths(Value("backups/db"), types::path()), Value(here("backups/db")));
  EXPECT_EQ(with_absolute_paths(Value("./a/../made.txt"), types::path()), Value(here("made.txt")));
}

TEST(AbsolutePaths, AnAbsolutePathAndOtherTypesStayAsWritten) {
  EXPECT_EQ(with_absolute_paths(Value("/srv/carbon"), types::path()), Value("/srv/carbon"));
  EXPECT_EQ(with_absolute_paths(Value("backups"), types::string()), Value("backups"));
  EXPECT_EQ(with_absolute_paths(Value(""), types::path()), Value(""));
}

TEST(AbsolutePaths, TheFileOfAnSqliteDsnIsMadeAbsoluteAndOtherDsnsStay) {
  EXPECT_EQ(with_absolute_paths(Value("sqlite:staging.db"), types::database()), Value("sqlite:" + here("staging.db")));
  EXPECT_EQ(with_absolute_paths(Value("sqlite:/srv/a.db"), types::database()), Value("sqlite:/srv/a.db"));
  EXPECT_EQ(with_absolute_paths(Value("postgresql://u@h:5432/db"), types::database()),
            Value("postgresql://u@h:5432/db"));
}

TEST(AbsolutePaths, PathsInsideListsAndObjectsAreMadeAbsolute) {
  TypeSpec fields = types::object({FieldSpec{"pid_files", types::list_of(types::path()), false, std::nullopt, ""},
                                   FieldSpec{"host", types::string(), false, std::nullopt, ""}});
  Value given(Value::Map{{"pid_files", Value(Value::List{Value("a.pid"), Value("/run/b.pid")})}, {"host", Value("h")}});
  Value expected(Value::Map{{"pid_files", Value(Value::List{Value(here("a.pid")), Value("/run/b.pid")})},
                            {"host", Value("h")}});
  EXPECT_EQ(with_absolute_paths(given, fields), expected);
}

}  // namespace
}  // namespace planrun
