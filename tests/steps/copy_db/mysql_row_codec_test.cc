#include "interpreter/steps/copy_db/mysql_row_codec.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

std::string line_of(std::vector<std::optional<std::string>> values) {
  std::vector<char*> pointers;
  std::vector<unsigned long> lengths;
  for (auto& value : values) {
    pointers.push_back(value ? value->data() : nullptr);
    lengths.push_back(value ? value->size() : 0);
  }
  std::string out;
  append_mysql_line(out, pointers.data(), lengths.data(), values.size());
  return out;
}

TEST(MysqlRowCodec, LineEscapesWhatLoadDataReadsSpecially) {
  using namespace std::string_literals;
  EXPECT_EQ(line_of({"1"s, std::nullopt, ""s}), "1\t\\N\t\n");
  EXPECT_EQ(line_of({"\\N"s}), "\\\\N\n");  // the two characters, not NULL
  EXPECT_EQ(line_of({"a\tb\nc\\d"s}), "a\\tb\\nc\\\\d\n");
  EXPECT_EQ(line_of({"\0x\0"s, "\r'\""s}), "\\0x\\0\t\r'\"\n");
  EXPECT_EQ(line_of({"ünï 日本"s}), "ünï 日本\n");
}

// Each value's line differs from every other's: the checksum can tell them apart.
TEST(MysqlRowCodec, NullEmptyAndTheTextBackslashNAreThreeLines) {
  using namespace std::string_literals;
  EXPECT_NE(line_of({std::nullopt}), line_of({""s}));
  EXPECT_NE(line_of({std::nullopt}), line_of({"\\N"s}));
  EXPECT_NE(line_of({"a"s, "b"s}), line_of({"a\tb"s}));
}

}  // namespace
}  // namespace planrun
