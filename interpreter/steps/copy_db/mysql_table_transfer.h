#pragma once

#include <functional>
#include <string>

#include "interpreter/steps/copy_db/database_copier.h"
#include "interpreter/steps/copy_db/mysql_row_codec.h"
#include "interpreter/steps/copy_db/mysql_session.h"

namespace planrun {

// Empties `table` in `target` (dropping its triggers, which finish_schema makes), then streams every row that `source` (inside its snapshot) reads
// into it: a server-side cursor (mysql_use_result) feeds LOAD DATA LOCAL INFILE through the
// client's infile callbacks, one statement (and commit) per `batch_rows` rows, so memory holds
// one row and one network buffer whatever the table's size. Returns the summary of the rows
// read; throws StepFailure(Cancelled) when `cancel` is requested between rows.
// A transfer left part-way (cancelled, or the target failed) calls `end_source_thread` with the
// source session's server thread id, to end it from another session (KILL CONNECTION).
TableSummary transfer_mysql_table(MysqlSession& source, MysqlSession& target, const std::string& table,
                                  const MysqlTableCodec& codec, const CopyOptions& options,
                                  const CopiedRows& copied, const CancellationToken& cancel,
                                  const std::function<void(unsigned long thread_id)>& end_source_thread);

// The summary of `table` as `session` reads it now, by the same encoding as the transfer's.
TableSummary summarize_mysql_table(MysqlSession& session, const std::string& table, const MysqlTableCodec& codec);

}  // namespace planrun
