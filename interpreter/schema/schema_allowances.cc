#include "interpreter/schema/schema_allowances.h"

#include <fnmatch.h>

namespace planrun {
namespace {

struct Allowance {
  std::string kind;    // "missing", "extra", "changed", "*"
  std::string object;  // a pattern
};

std::string trimmed(const std::string& text) {
  size_t first = text.find_first_not_of(' ');
  size_t last = text.find_last_not_of(' ');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

std::optional<Allowance> parse(const std::string& entry) {
  size_t colon = entry.find(':');
  if (colon == std::string::npos) return std::nullopt;
  Allowance allowance{trimmed(entry.substr(0, colon)), trimmed(entry.substr(colon + 1))};
  bool known = allowance.kind == "missing" || allowance.kind == "extra" || allowance.kind == "changed" || allowance.kind == "*";
  if (!known || allowance.object.empty()) return std::nullopt;
  return allowance;
}

// Names match whatever their case: unquoted SQL names are, and one plan's allowances serve every
// database type (PostgreSQL folds REG_LOG to reg_log, MariaDB keeps it).
bool matches(const Allowance& allowance, const SchemaDifference& difference) {
  if (allowance.kind != "*" && allowance.kind != kind_word(difference.kind)) return false;
  return fnmatch(allowance.object.c_str(), difference.object.c_str(), FNM_CASEFOLD) == 0 ||
         fnmatch((allowance.object + " *").c_str(), difference.object.c_str(), FNM_CASEFOLD) == 0;
}

}  // namespace

std::optional<std::string> allowance_error(const std::string& entry) {
  if (parse(entry)) return std::nullopt;
  return "the allow entry '" + entry +
         "' is not of the form 'KIND: OBJECT' with KIND missing, extra, changed or * (e.g. "
         "'changed: table T column C default', as the report labels differences)";
}

std::vector<std::string> apply_allowances(std::vector<SchemaDifference>& differences,
                                          const std::vector<std::string>& entries) {
  std::vector<std::string> unused;
  for (const std::string& entry : entries) {
    std::optional<Allowance> allowance = parse(entry);
    bool used = false;
    for (SchemaDifference& difference : differences)
      if (allowance && matches(*allowance, difference)) difference.allowed = used = true;
    if (!used) unused.push_back(entry);
  }
  return unused;
}

}  // namespace planrun
