#include "interpreter/schema/schema_difference_report.h"

#include <algorithm>
#include <array>

namespace planrun {
namespace {

constexpr size_t kWidestValue = 60;

std::string cut(const std::string& text) {
  return text.size() <= kWidestValue ? text : text.substr(0, kWidestValue - 3) + "...";
}

std::string padded(const std::string& text, size_t width) { return text + std::string(width - text.size(), ' '); }

}  // namespace

std::string difference_table(const std::vector<SchemaDifference>& differences, const ComparedSides& sides) {
  std::vector<std::array<std::string, 4>> rows{{"kind", "object", "reference", "actual"}};
  for (const SchemaDifference& difference : differences)
    rows.push_back({kind_word(difference.kind) + (difference.allowed ? " (allowed)" : ""), difference.object,
                    cut(difference.reference), cut(difference.actual)});
  std::array<size_t, 4> widths{};
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  std::string table = "reference: " + sides.reference + "\nactual:    " + sides.actual;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (size_t i = 0; i < 3; ++i) line += padded(rows[r][i], widths[i]) + "  ";
    line += rows[r][3];
    table += "\n" + line;
  }
  return table;
}

nlohmann::json difference_json(const std::vector<SchemaDifference>& differences, const ComparedSides& sides,
                               const std::vector<std::string>& unused_allowances) {
  nlohmann::json list = nlohmann::json::array();
  for (const SchemaDifference& difference : differences)
    list.push_back({{"kind", kind_word(difference.kind)},
                    {"object", difference.object},
                    {"reference", difference.reference},
                    {"actual", difference.actual},
                    {"allowed", difference.allowed}});
  return {{"reference", sides.reference},
          {"actual", sides.actual},
          {"differences", list},
          {"unused_allowances", unused_allowances}};
}

}  // namespace planrun
