#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "interpreter/steps/copy_db/postgresql_schema.h"
#include "interpreter/steps/copy_db/postgresql_session.h"

namespace planrun {

// The copier's DDL on the target, each part safe to run again after a kill part-way: what exists
// is left alone (by name), what is missing is made.
class PgTargetSchema {
 public:
  explicit PgTargetSchema(std::unique_ptr<PgSession> session) : session_(std::move(session)) {}

  // Tables, views and sequences in every schema but the server's own, those outside the current
  // schema named schema.name.
  std::vector<std::string> relations();
  // Sequences first (column defaults name them), then the tables not there yet.
  void create(const std::vector<PgTable>& tables, const std::vector<PgSequence>& sequences);
  // Keys and indexes (`jobs` at a time, each on its own session from `open`), checks, foreign
  // keys, views, then sequence ownership and values.
  void finish(const PgSchemaPlan& plan, int jobs, const std::function<std::unique_ptr<PgSession>()>& open);
  void drop(const std::vector<std::string>& tables, const std::vector<PgView>& views,
            const std::vector<PgSequence>& sequences);

 private:
  std::vector<PgTableObject> missing(const std::vector<PgTableObject>& objects, bool indexes);
  void create_views(const std::vector<PgView>& views);
  void set_sequences(const std::vector<PgSequenceState>& sequences);

  std::unique_ptr<PgSession> session_;
};

}  // namespace planrun
