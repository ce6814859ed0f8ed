#pragma once

#include <cstdint>
#include <string>

#include "interpreter/step_kit/step_context.h"

namespace planrun {

// The unit's name as the JSON event stream writes it: "items", "rows", "bytes", "files".
std::string unit_name(ProgressReporter::Unit unit);

// An amount for people: "950 rows", "1.2M rows", "1 file", "512 B", "1.5 KiB", "3.0 GiB".
// Counts scale by 1000 (k, M, G, T), bytes by 1024 (KiB, MiB, GiB, TiB); one decimal below 10.
std::string format_amount(uint64_t amount, ProgressReporter::Unit unit);

// A rate in the same style: "40k rows/s", "5.5 files/s", "12 MiB/s".
std::string format_rate(double per_second, ProgressReporter::Unit unit);

}  // namespace planrun
