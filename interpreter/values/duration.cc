// Durations as plans write them: a number per unit, largest unit first, each unit at most once.

#include "interpreter/values/duration.h"

#include <charconv>
#include <cstdint>

namespace planrun {
namespace {

struct Unit {
  std::string_view suffix;
  int64_t milliseconds;
};

// Largest first: the order a composite duration must be written in.
constexpr Unit units[] = {{"d", 86'400'000}, {"h", 3'600'000}, {"m", 60'000}, {"s", 1'000}, {"ms", 1}};
constexpr size_t unit_count = sizeof units / sizeof units[0];

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

// Takes the leading run of characters that satisfy `accept` off `text`.
std::string_view take(std::string_view& text, bool (*accept)(char)) {
  size_t length = 0;
  while (length < text.size() && accept(text[length])) ++length;
  std::string_view run = text.substr(0, length);
  text.remove_prefix(length);
  return run;
}

// Digits only: no sign, so negative durations are rejected here.
std::optional<int64_t> number(std::string_view digits) {
  int64_t value = 0;
  if (digits.empty() || !is_digit(digits.front())) return std::nullopt;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<size_t> unit_index(std::string_view suffix) {
  for (size_t i = 0; i < unit_count; ++i)
    if (units[i].suffix == suffix) return i;
  return std::nullopt;
}

// Adds count * unit to total; false on overflow.
bool accumulate(int64_t& total, int64_t count, int64_t unit) {
  int64_t product = 0;
  return !__builtin_mul_overflow(count, unit, &product) && !__builtin_add_overflow(total, product, &total);
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  int64_t total = 0;
  if (auto seconds = number(text)) {
    if (!accumulate(total, *seconds, 1'000)) return std::nullopt;
    return std::chrono::milliseconds(total);
  }
  size_t next_unit = 0;  // units must come largest first, each once
  while (!text.empty()) {
    auto count = number(take(text, is_digit));
    auto unit = unit_index(take(text, is_letter));
    if (!count || !unit || *unit < next_unit || !accumulate(total, *count, units[*unit].milliseconds)) return std::nullopt;
    next_unit = *unit + 1;
  }
  if (next_unit == 0) return std::nullopt;  // empty text
  return std::chrono::milliseconds(total);
}

std::string format_duration(std::chrono::milliseconds duration) {
  int64_t remaining = duration.count();
  if (remaining == 0) return "0s";
  if (remaining < 0) return "-" + format_duration(-duration);
  std::string out;
  for (const Unit& unit : units) {
    if (remaining < unit.milliseconds) continue;
    out += std::to_string(remaining / unit.milliseconds) + std::string(unit.suffix);
    remaining %= unit.milliseconds;
  }
  return out;
}

}  // namespace planrun
