#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "interpreter/state/wall_time.h"

namespace planrun {

// One row of the store's runs table: a `planrun run` of a plan, for `planrun status`.
struct RunRecord {
  int64_t id = 0;
  std::string plan_path;
  std::string plan_fingerprint;
  std::string params_json;           // secrets removed by the caller before begin_run
  WallTime started_at;
  std::optional<WallTime> finished_at;  // empty: still running, or the process died
  std::string outcome;               // empty until finished
  std::string plan_key;              // the plan it ran (plan_key.h)

  bool operator==(const RunRecord&) const = default;
};

}  // namespace planrun
