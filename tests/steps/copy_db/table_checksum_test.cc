#include "interpreter/steps/copy_db/table_checksum.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(TableChecksum, IgnoresOrderAndCountsDuplicates) {
  TableChecksum one, other, twice;
  for (const char* row : {"a\n", "b\n", "c\n"}) one.add_row(row, 2);
  for (const char* row : {"c\n", "a\n", "b\n"}) other.add_row(row, 2);
  for (const char* row : {"a\n", "b\n", "c\n", "c\n"}) twice.add_row(row, 2);
  EXPECT_EQ(one.summary(), other.summary());
  EXPECT_EQ(one.summary().rows, 3);
  EXPECT_EQ(one.summary().checksum.size(), 32u);
  EXPECT_NE(twice.summary().checksum, one.summary().checksum);  // a XOR would cancel the pair
  EXPECT_EQ(TableChecksum().summary(), (TableSummary{0, std::string(32, '0')}));
}

}  // namespace
}  // namespace planrun
