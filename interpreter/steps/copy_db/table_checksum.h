#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "interpreter/steps/copy_db/database_copier.h"

namespace planrun {

// Adds up a table's rows into a TableSummary whatever order they come in: each row's bytes
// (a copier's own exact encoding of its values) are hashed to 128 bits (XXH3) and the hashes
// summed modulo 2^128. Equal multisets of rows give equal sums; a changed, missing or extra row
// changes the sum except with negligible probability. Summing, not chaining, lets a table be
// read in any order, and lets workers that read parts of one table add their sums.
class TableChecksum {
 public:
  void add_row(const void* bytes, size_t size);
  // Adds another checksum's rows (a part of the same table read elsewhere).
  void add(const TableChecksum& other);
  int64_t rows() const { return rows_; }
  TableSummary summary() const;

 private:
  void add_hash(uint64_t low, uint64_t high);

  uint64_t low_ = 0;
  uint64_t high_ = 0;
  int64_t rows_ = 0;
};

}  // namespace planrun
