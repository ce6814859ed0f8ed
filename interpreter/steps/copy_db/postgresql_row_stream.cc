#include "interpreter/steps/copy_db/postgresql_row_stream.h"

#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/copy_db/postgresql_binary_rows.h"

namespace planrun {
namespace {

// Asks a server to stop the command it is running, from any thread (the cancellation callback's).
class PgCanceller {
 public:
  explicit PgCanceller(PgSession* session)
      : cancel_(session ? PQgetCancel(session->handle()) : nullptr, &PQfreeCancel) {}
  void send() const {
    char error[256];
    if (cancel_) PQcancel(cancel_.get(), error, sizeof error);
  }

 private:
  std::unique_ptr<PGcancel, decltype(&PQfreeCancel)> cancel_;
};

StepFailure cancelled(const std::string& table) {
  return StepFailure(StepFailure::Kind::Cancelled, "the copy of table " + table + " was cancelled");
}

// Tells `copied` of the rows and bytes since the last report.
class ProgressReport {
 public:
  explicit ProgressReport(const CopiedRows* copied) : copied_(copied) {}
  void add_bytes(uint64_t bytes) { bytes_ += bytes; }
  void report(int64_t rows) {
    if (copied_ && *copied_ && (rows > reported_rows_ || bytes_ > 0)) (*copied_)(rows - reported_rows_, bytes_);
    reported_rows_ = rows;
    bytes_ = 0;
  }
  int64_t reported_rows() const { return reported_rows_; }

 private:
  const CopiedRows* copied_;
  int64_t reported_rows_ = 0;
  uint64_t bytes_ = 0;
};

// The pieces of the COPY, until its end; throws for a failed write or a cancellation.
void pump(PgSession& from, const PgRowStream& stream, const CancellationToken& cancel, PgBinaryRows& rows) {
  ProgressReport progress(stream.copied);
  for (;;) {
    char* buffer = nullptr;
    int length = PQgetCopyData(from.handle(), &buffer, 0);
    if (length < 0) break;
    std::unique_ptr<char, decltype(&PQfreemem)> owned(buffer, &PQfreemem);
    rows.feed({buffer, static_cast<size_t>(length)});
    progress.add_bytes(static_cast<uint64_t>(length));
    if (stream.into && PQputCopyData(stream.into->handle(), buffer, length) != 1)
      throw stream.into->error("write table " + stream.table);
    if (rows.rows() - progress.reported_rows() >= stream.batch_rows) {
      if (cancel.requested()) throw cancelled(stream.table);
      progress.report(rows.rows());
    }
  }
  progress.report(rows.rows());
}

}  // namespace

TableSummary stream_rows(PgSession& from, const PgRowStream& stream, const CancellationToken& cancel) {
  PgCanceller stop_reading(&from), stop_writing(stream.into);
  auto registration = cancel.on_request([&] {
    stop_reading.send();
    stop_writing.send();
  });
  PgBinaryRows rows;
  try {
    pump(from, stream, cancel, rows);
    from.finish_copy("read table " + stream.table);
    if (!rows.complete()) throw from.error("read table " + stream.table + " (its COPY stream ended early)");
    if (stream.into) {
      if (PQputCopyEnd(stream.into->handle(), nullptr) != 1) throw stream.into->error("write table " + stream.table);
      stream.into->finish_copy("write table " + stream.table);
    }
  } catch (const DatabaseError&) {
    if (cancel.requested()) throw cancelled(stream.table);
    throw;
  }
  if (cancel.requested()) throw cancelled(stream.table);
  return rows.summary();
}

}  // namespace planrun
