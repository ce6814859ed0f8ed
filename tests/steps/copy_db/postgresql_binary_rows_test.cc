#include "interpreter/steps/copy_db/postgresql_binary_rows.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "interpreter/databases/database_error.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Field = std::optional<std::string>;  // nullopt: NULL
using Row = std::vector<Field>;

void put16(std::string& out, uint16_t value) {
  out += static_cast<char>(value >> 8);
  out += static_cast<char>(value & 0xff);
}

void put32(std::string& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xff);
}

// A stream as `COPY ... TO STDOUT (FORMAT binary)` sends it.
std::string binary_copy(const std::vector<Row>& rows, const std::string& header_extension = "") {
  std::string out("PGCOPY\n\377\r\n\0", 11);
  put32(out, 0);
  put32(out, static_cast<uint32_t>(header_extension.size()));
  out += header_extension;
  for (const Row& row : rows) {
    put16(out, static_cast<uint16_t>(row.size()));
    for (const Field& field : row) {
      put32(out, field ? static_cast<uint32_t>(field->size()) : 0xffffffffu);
      if (field) out += *field;
    }
  }
  put16(out, 0xffff);
  return out;
}

TableSummary summary_of(const std::string& stream) {
  PgBinaryRows rows;
  rows.feed(stream);
  EXPECT_TRUE(rows.complete());
  return rows.summary();
}

const std::vector<Row> kRows = {{"1", std::string("\0a\0", 3), std::nullopt}, {"2", "", "\\N"}, {"2", "", "\\N"}};

TEST(PgBinaryRows, CountsRowsAndHexSumsTheirHashes) {
  TableSummary summary = summary_of(binary_copy(kRows));
  EXPECT_EQ(summary.rows, 3);
  EXPECT_EQ(summary.checksum.size(), 32u);
  EXPECT_EQ(summary_of(binary_copy({})), (TableSummary{0, std::string(32, '0')}));
}

TEST(PgBinaryRows, PiecesOfAnySizeGiveTheSameSummary) {
  std::string stream = binary_copy(kRows, "ext");
  TableSummary whole = summary_of(stream);
  for (size_t cut = 1; cut < stream.size(); ++cut) {
    PgBinaryRows rows;
    rows.feed(std::string_view(stream).substr(0, cut));
    EXPECT_FALSE(rows.complete());
    rows.feed(std::string_view(stream).substr(cut));
    ASSERT_TRUE(rows.complete()) << cut;
    EXPECT_EQ(rows.summary(), whole) << cut;
  }
  PgBinaryRows bytewise;
  for (char c : stream) bytewise.feed(std::string_view(&c, 1));
  EXPECT_EQ(bytewise.summary(), whole);
}

TEST(PgBinaryRows, RowOrderDoesNotMatterButEveryValueAndDuplicateDoes) {
  TableSummary summary = summary_of(binary_copy(kRows));
  EXPECT_EQ(summary_of(binary_copy({kRows[2], kRows[0], kRows[1]})), summary);
  EXPECT_NE(summary_of(binary_copy({kRows[0], kRows[1]})), summary);
  EXPECT_NE(summary_of(binary_copy({{"1", std::string("\0a\0", 3), ""}, kRows[1], kRows[2]})), summary);  // NULL vs ''
  EXPECT_NE(summary_of(binary_copy({{"1", std::string("\0a\1", 3), std::nullopt}, kRows[1], kRows[2]})), summary);
}

TEST(PgBinaryRows, AStreamCutShortIsNotComplete) {
  std::string stream = binary_copy(kRows);
  PgBinaryRows rows;
  rows.feed(stream.substr(0, stream.size() - 2));
  EXPECT_FALSE(rows.complete());
  EXPECT_EQ(rows.rows(), 3);
}

TEST(PgBinaryRows, TextFormatOrTrailingBytesAreRefused) {
  PgBinaryRows text;
  EXPECT_THROW(text.feed("1\tabc\n2\tdef\n3\tghi\n4\tjkl\n"), DatabaseError);
  PgBinaryRows trailing;
  EXPECT_THROW(trailing.feed(binary_copy(kRows) + "x"), DatabaseError);
}

}  // namespace
}  // namespace planrun
