#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "interpreter/steps/copy_db/table_checksum.h"

namespace planrun {

// Reads the stream of `COPY ... (FORMAT binary)` as it arrives, in pieces of any size, and adds
// each row's exact bytes (its field count, each field's length, -1 for NULL, and bytes) to the
// table's TableChecksum: NULL and empty differ, as does every bit of every value. Both sides of
// a copy read their rows through it, so equal summaries mean equal tables.
class PgBinaryRows {
 public:
  // Takes the next piece of the stream; throws DatabaseError when it is not a binary COPY stream.
  void feed(std::string_view piece);
  // The stream ended with its trailer (a stream cut short is not a table).
  bool complete() const { return state_ == State::Ended; }
  int64_t rows() const { return checksum_.rows(); }
  TableSummary summary() const { return checksum_.summary(); }

 private:
  enum class State { Header, Rows, Ended };
  // Consumes what it can of `data`: the header, whole rows, the trailer. Returns the bytes used.
  size_t consume(std::string_view data);
  size_t consume_header(std::string_view data);
  size_t consume_row(std::string_view data);

  State state_ = State::Header;
  std::string pending_;  // the start of a row (or header) that a piece cut
  TableChecksum checksum_;
};

}  // namespace planrun
