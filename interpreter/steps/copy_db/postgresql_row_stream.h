#pragma once

#include <string>

#include "interpreter/steps/copy_db/database_copier.h"
#include "interpreter/steps/copy_db/postgresql_session.h"

namespace planrun {

// Where the rows of one table's binary COPY go, and who hears of them.
struct PgRowStream {
  std::string table;                 // for messages
  PgSession* into = nullptr;         // a session in COPY FROM STDIN, or nullptr to only summarize
  const CopiedRows* copied = nullptr;
  int64_t batch_rows = 10000;        // rows between progress reports and cancellation checks
};

// Reads the `COPY ... TO STDOUT (FORMAT binary)` that `from` has started, piece by piece as the
// server sends it (never a whole table in memory), passes each piece unchanged to `stream.into`
// and ends its COPY, and returns the summary of the rows read. A cancellation request
// interrupts both servers (PQcancel) and throws StepFailure(Cancelled); both sessions are then
// in the middle of a COPY and must be closed.
TableSummary stream_rows(PgSession& from, const PgRowStream& stream, const CancellationToken& cancel);

}  // namespace planrun
