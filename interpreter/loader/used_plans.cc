#include "interpreter/loader/used_plans.h"

#include <algorithm>
#include <filesystem>

#include "interpreter/compiler/plan_compiler.h"
#include "interpreter/loader/plan_includes.h"
#include "interpreter/loader/plan_loader.h"
#include "interpreter/loader/plan_search_path.h"

namespace planrun {

namespace fs = std::filesystem;

static std::string position(const SourceLocation& where) {
  return where.file.str() + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

// Adds `found` to `diagnostics`, each ending with `suffix(its location)`.
template <typename Suffix>
static void append_with(Diagnostics& diagnostics, const Diagnostics& found, Suffix suffix) {
  for (const Diagnostic& each : found.all()) {
    std::string message = each.message + suffix(each.location);
    if (each.severity == Severity::Error) diagnostics.error(each.location, std::move(message));
    else diagnostics.warning(each.location, std::move(message));
  }
}

std::optional<ActionGraph> UsedPlans::compile(const std::string& path, Diagnostics& diagnostics,
                                              std::optional<ast::Node>* keep) {
  auto document = read_plan_document(path, sources_, diagnostics);
  if (!document) return std::nullopt;
  Diagnostics found;
  std::map<std::string, SourceLocation> included = expand_includes(*document, sources_, found);
  stack_.push_back(fs::weakly_canonical(path).string());
  shown_.push_back(path);
  auto graph = compile_plan(*document, found, this);
  stack_.pop_back();
  shown_.pop_back();
  append_with(diagnostics, found, [&](const SourceLocation& where) {
    auto fragment = included.find(where.file);
    return fragment == included.end() ? std::string() : " (in fragment included at " + position(fragment->second) + ")";
  });
  if (keep) *keep = std::move(document);
  return graph;
}

std::optional<std::string> UsedPlans::cycle_through(const std::string& canonical, const std::string& shown) const {
  if (std::find(stack_.begin(), stack_.end(), canonical) == stack_.end()) return std::nullopt;
  std::string chain;
  for (const std::string& each : shown_) chain += each + " -> ";
  return chain + shown;
}

const ActionGraph* UsedPlans::use(const std::string& name, const std::string& as, const SourceLocation& where,
                                  Diagnostics& diagnostics) {
  auto file = find_plan_file(name, where.file);
  if (!file) {
    diagnostics.error(where, "cannot find plan '" + name + "' in " + describe_search_path(where.file));
    return nullptr;
  }
  std::string canonical = fs::weakly_canonical(*file).string();
  if (auto cycle = cycle_through(canonical, file->string())) {
    diagnostics.error(where, "plan '" + name + "' uses itself: " + *cycle);
    return nullptr;
  }
  auto known = compiled_.find(canonical);
  if (known != compiled_.end()) return known->second ? &*known->second : nullptr;
  Diagnostics inside;
  auto graph = compile(file->string(), inside);
  std::string used_from = " (in plan '" + name + "' used as '" + as + "' at " + position(where) + ")";
  append_with(diagnostics, inside, [&](const SourceLocation&) { return used_from; });
  auto& kept = compiled_[canonical] = std::move(graph);
  return kept ? &*kept : nullptr;
}

}  // namespace planrun
