#include "interpreter/steps/copy_db/postgresql_binary_rows.h"

#include <cstring>

#include "interpreter/databases/database_error.h"

namespace planrun {
namespace {

// PGCOPY\n\377\r\n\0, then 32-bit flags and the length of a header extension.
constexpr std::string_view kSignature("PGCOPY\n\377\r\n\0", 11);
constexpr size_t kHeaderFixed = 11 + 4 + 4;

uint32_t read_u32(const char* at) {
  uint32_t value;
  std::memcpy(&value, at, 4);
  return __builtin_bswap32(value);
}

uint16_t read_u16(const char* at) {
  uint16_t value;
  std::memcpy(&value, at, 2);
  return __builtin_bswap16(value);
}

// The length of the whole row that starts `data` (after its 16-bit field count), or 0 when
// `data` holds only part of it.
size_t row_length(std::string_view data, int fields) {
  size_t at = 2;
  for (int field = 0; field < fields; ++field) {
    if (data.size() < at + 4) return 0;
    int32_t length = static_cast<int32_t>(read_u32(data.data() + at));
    at += 4;
    if (length > 0) at += static_cast<size_t>(length);
  }
  return data.size() < at ? 0 : at;
}

}  // namespace

void PgBinaryRows::feed(std::string_view piece) {
  if (pending_.empty()) {
    size_t used = consume(piece);
    pending_.assign(piece.substr(used));
    return;
  }
  pending_.append(piece);
  size_t used = consume(pending_);
  pending_.erase(0, used);
}

size_t PgBinaryRows::consume(std::string_view data) {
  size_t used = 0;
  while (used < data.size() && state_ != State::Ended) {
    size_t step = state_ == State::Header ? consume_header(data.substr(used)) : consume_row(data.substr(used));
    if (step == 0) break;
    used += step;
  }
  if (state_ == State::Ended && used < data.size())
    throw DatabaseError("the binary COPY stream goes on after its end");
  return used;
}

size_t PgBinaryRows::consume_header(std::string_view data) {
  if (data.size() < kHeaderFixed) return 0;
  if (data.substr(0, kSignature.size()) != kSignature)
    throw DatabaseError("the server's COPY stream is not in PostgreSQL's binary format");
  size_t length = kHeaderFixed + read_u32(data.data() + 15);
  if (data.size() < length) return 0;
  state_ = State::Rows;
  return length;
}

size_t PgBinaryRows::consume_row(std::string_view data) {
  if (data.size() < 2) return 0;
  int16_t fields = static_cast<int16_t>(read_u16(data.data()));
  if (fields == -1) {
    state_ = State::Ended;
    return 2;
  }
  size_t length = row_length(data, fields);
  if (length == 0) return 0;
  checksum_.add_row(data.data(), length);
  return length;
}

}  // namespace planrun
