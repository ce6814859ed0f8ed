#include "interpreter/observers/progress_units.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace planrun {
namespace {

using Unit = ProgressReporter::Unit;

// A magnitude scale: decimal prefixes glued to the number, or binary ones after a space.
struct Scale {
  double base;
  std::array<const char*, 5> prefixes;
  const char* separator;
};

constexpr Scale kDecimal{1000, {"", "k", "M", "G", "T"}, ""};
constexpr Scale kBinary{1024, {"B", "KiB", "MiB", "GiB", "TiB"}, " "};

// Picks the prefix after rounding, so that 999,999 reads "1.0M" and not "1000k".
std::string scaled(double value, const Scale& scale, bool whole_below_base) {
  size_t prefix = 0;
  while (prefix + 1 < scale.prefixes.size() && std::round(value) >= scale.base) {
    value /= scale.base;
    ++prefix;
  }
  bool whole = (prefix == 0 && whole_below_base) || std::round(value * 10) / 10 >= 10;
  std::string number = whole ? fmt::format("{:.0f}", value) : fmt::format("{:.1f}", value);
  return number + scale.separator + scale.prefixes[prefix];
}

const char* singular(Unit unit) {
  switch (unit) {
    case Unit::Rows: return "row";
    case Unit::Bytes: return "byte";
    case Unit::Files: return "file";
    case Unit::Items: break;
  }
  return "item";
}

}  // namespace

std::string unit_name(Unit unit) { return std::string(singular(unit)) + "s"; }

std::string format_amount(uint64_t amount, Unit unit) {
  auto value = static_cast<double>(amount);
  if (unit == Unit::Bytes) return scaled(value, kBinary, true);
  return scaled(value, kDecimal, true) + " " + (amount == 1 ? singular(unit) : unit_name(unit));
}

std::string format_rate(double per_second, Unit unit) {
  if (unit == Unit::Bytes) return scaled(per_second, kBinary, true) + "/s";
  return scaled(per_second, kDecimal, false) + " " + unit_name(unit) + "/s";
}

}  // namespace planrun
