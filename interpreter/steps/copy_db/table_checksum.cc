#include "interpreter/steps/copy_db/table_checksum.h"

#include <xxhash.h>

#include <cstdio>

namespace planrun {

void TableChecksum::add_hash(uint64_t low, uint64_t high) {
  uint64_t sum = low_ + low;
  high_ += high + (sum < low_ ? 1 : 0);  // the carry of the low half
  low_ = sum;
}

void TableChecksum::add_row(const void* bytes, size_t size) {
  XXH128_hash_t hash = XXH3_128bits(bytes, size);
  add_hash(hash.low64, hash.high64);
  ++rows_;
}

void TableChecksum::add(const TableChecksum& other) {
  add_hash(other.low_, other.high_);
  rows_ += other.rows_;
}

TableSummary TableChecksum::summary() const {
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(high_),
                static_cast<unsigned long long>(low_));
  return {rows_, hex};
}

}  // namespace planrun
