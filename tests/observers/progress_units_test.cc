#include "interpreter/observers/progress_units.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Unit = ProgressReporter::Unit;

TEST(ProgressUnits, CountsScaleByThousandsWithOneDecimalBelowTen) {
  EXPECT_EQ(format_amount(0, Unit::Rows), "0 rows");
  EXPECT_EQ(format_amount(950, Unit::Rows), "950 rows");
  EXPECT_EQ(format_amount(1234, Unit::Items), "1.2k items");
  EXPECT_EQ(format_amount(40'123, Unit::Rows), "40k rows");
  EXPECT_EQ(format_amount(1'234'567, Unit::Rows), "1.2M rows");
  EXPECT_EQ(format_amount(7'000'000'000, Unit::Rows), "7.0G rows");
}

TEST(ProgressUnits, RoundingUpMovesToTheNextPrefix) {
  EXPECT_EQ(format_amount(999'499, Unit::Rows), "999k rows");
  EXPECT_EQ(format_amount(999'999, Unit::Rows), "1.0M rows");
  EXPECT_EQ(format_amount(9'960, Unit::Rows), "10k rows");
  EXPECT_EQ(format_amount(1023 * 1024 + 1000, Unit::Bytes), "1.0 MiB");
}

TEST(ProgressUnits, OneOfAUnitIsSingular) {
  EXPECT_EQ(format_amount(1, Unit::Files), "1 file");
  EXPECT_EQ(format_amount(1, Unit::Rows), "1 row");
  EXPECT_EQ(format_amount(2, Unit::Files), "2 files");
}

TEST(ProgressUnits, BytesScaleByBinaryPrefixes) {
  EXPECT_EQ(format_amount(512, Unit::Bytes), "512 B");
  EXPECT_EQ(format_amount(1536, Unit::Bytes), "1.5 KiB");
  EXPECT_EQ(format_amount(10 * 1024 * 1024, Unit::Bytes), "10 MiB");
  EXPECT_EQ(format_amount(3ull << 30, Unit::Bytes), "3.0 GiB");
  EXPECT_EQ(format_amount(5ull << 40, Unit::Bytes), "5.0 TiB");
}

TEST(ProgressUnits, RatesKeepADecimalForSlowCounts) {
  EXPECT_EQ(format_rate(40'123.4, Unit::Rows), "40k rows/s");
  EXPECT_EQ(format_rate(5.5, Unit::Files), "5.5 files/s");
  EXPECT_EQ(format_rate(250.0, Unit::Items), "250 items/s");
  EXPECT_EQ(format_rate(12.5 * 1024 * 1024, Unit::Bytes), "12 MiB/s");
  EXPECT_EQ(format_rate(300.0, Unit::Bytes), "300 B/s");
}

TEST(ProgressUnits, NamesForTheEventStream) {
  EXPECT_EQ(unit_name(Unit::Items), "items");
  EXPECT_EQ(unit_name(Unit::Rows), "rows");
  EXPECT_EQ(unit_name(Unit::Bytes), "bytes");
  EXPECT_EQ(unit_name(Unit::Files), "files");
}

}  // namespace
}  // namespace planrun
