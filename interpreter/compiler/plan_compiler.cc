#include "interpreter/compiler/plan_compiler.h"

#include <algorithm>
#include <span>

#include "interpreter/compiler/backup_policy.h"
#include "interpreter/compiler/secret_argv_policy.h"
#include "interpreter/compiler/dependency_resolver.h"
#include "interpreter/compiler/param_compiler.h"
#include "interpreter/compiler/step_compiler.h"
#include "interpreter/compiler/used_plan_linker.h"
#include "interpreter/parallel/for_each_slice.h"
#include "interpreter/steps/step_catalog.h"

namespace planrun {

namespace {

// Steps bound as one unit of work: a thread costs more than binding a few hundred steps.
constexpr size_t kStepsPerSlice = 500;

// `include` is expanded by the loader before the compiler sees the plan (loader/plan_includes.h).
const std::vector<std::string> kTopLevelKeys{"planrun", "name", "description", "params", "steps", "include"};

void read_header(const ast::Node& document, ActionGraph& graph, NodeReader& reader, Diagnostics& diagnostics) {
  graph.source_path = document.location.file;
  const ast::Node* version = document.find("planrun");
  if (!version) {
    diagnostics.error(document.location, "missing 'planrun: " + std::to_string(kPlanFormatVersion) +
                                             "' (the plan format version)");
  } else if (auto number = reader.integer(*version, "'planrun' (the format version)")) {
    graph.format_version = static_cast<int>(*number);
    if (*number != kPlanFormatVersion)
      diagnostics.error(version->location, "unsupported plan format version " + std::to_string(*number) +
                                               ": this planrun reads version " + std::to_string(kPlanFormatVersion));
  }
  if (const ast::Node* name = document.find("name")) graph.name = reader.string(*name, "'name'").value_or("");
  if (const ast::Node* description = document.find("description"))
    graph.description = reader.string(*description, "'description'").value_or("");
}

NameTable name_table(const std::vector<ParamNode>& params, const std::vector<StepHeader>& headers) {
  NameTable names;
  for (const ParamNode& param : params) {
    names.params[param.name] = param.type;
    if (param.type == TypeSpec::Kind::Secret && !param.from_env.empty())
      names.secret_variables[param.from_env] = param.name;
  }
  for (const StepHeader& header : headers) {
    if (header.known_type)
      names.step_outputs.emplace(header.id, &find_step_schema(header.type)->outputs);
    else
      names.broken_steps.insert(header.id);
  }
  return names;
}

// A run of steps bound together, with their own findings.
struct StepSlice {
  std::vector<StepDraft> drafts;
  Diagnostics diagnostics;
};

void compile_slice(std::span<const StepHeader> headers, const NameTable& names, StepSlice& slice) {
  NodeReader reader(slice.diagnostics);
  ExpressionChecker checker(names, slice.diagnostics);
  ValueBinder binder(checker, slice.diagnostics);
  for (const StepHeader& header : headers)
    if (auto draft = compile_step(header, reader, binder, slice.diagnostics)) slice.drafts.push_back(std::move(*draft));
}

// Steps bind independently of each other once their names are known, so a long plan binds in
// slices on all cores. The slices' drafts and findings are joined in file order, as one pass
// would have left them.
std::vector<StepDraft> compile_steps(std::span<const StepHeader> headers, const NameTable& names,
                                     Diagnostics& diagnostics) {
  std::vector<StepSlice> slices(std::max<size_t>(1, (headers.size() + kStepsPerSlice - 1) / kStepsPerSlice));
  std::vector<StepDraft>& drafts = slices[0].drafts;
  drafts.reserve(headers.size());  // the first slice's; the others' join them
  for_each_slice(headers.size(), kStepsPerSlice, [&](size_t slice, size_t first, size_t count) {
    compile_slice(headers.subspan(first, count), names, slices[slice]);
  });
  for (size_t i = 1; i < slices.size(); ++i)
    std::move(slices[i].drafts.begin(), slices[i].drafts.end(), std::back_inserter(drafts));
  for (StepSlice& slice : slices) diagnostics.append(std::move(slice.diagnostics));
  return std::move(drafts);
}

// The used plans' steps among the plan's own, each at its use entry's place, so that file order
// still breaks ties in the step order.
std::vector<StepDraft> merged_in_file_order(std::vector<StepDraft> own, std::vector<StepDraft> used) {
  if (used.empty()) return own;
  std::move(used.begin(), used.end(), std::back_inserter(own));
  std::stable_sort(own.begin(), own.end(),
                   [](const StepDraft& a, const StepDraft& b) { return a.position < b.position; });
  return own;
}

}  // namespace

std::optional<ActionGraph> compile_plan(const ast::Node& document, Diagnostics& diagnostics, PlanLibrary* library) {
  NodeReader reader(diagnostics);
  if (!reader.expect_mapping(document, "a plan")) return std::nullopt;
  reader.reject_unknown_keys(document, kTopLevelKeys, "top-level field");
  ActionGraph graph;
  read_header(document, graph, reader, diagnostics);
  if (const ast::Node* params = document.find("params")) graph.params = compile_params(*params, reader, diagnostics);
  const ast::Node* steps = document.find("steps");
  if (!steps) diagnostics.error(document.location, "missing 'steps' (the list of steps the plan runs)");
  if (!steps || !reader.expect_sequence(*steps, "'steps'")) return std::nullopt;
  std::vector<StepHeader> headers = read_step_headers(*steps, diagnostics);
  std::vector<UseEntry> uses = read_use_entries(*steps, library, diagnostics);
  NameTable names = name_table(graph.params, headers);
  add_used_names(uses, names, diagnostics);
  std::vector<StepDraft> drafts = compile_steps(headers, names, diagnostics);
  if (!uses.empty()) {
    drafts = merged_in_file_order(std::move(drafts), link_used_steps(uses, names, graph.params, diagnostics));
    expand_needs_on_uses(drafts, uses);
  }
  auto ordered = resolve_dependencies(std::move(drafts), names.broken_steps, diagnostics);
  if (!ordered) return std::nullopt;
  graph.steps = std::move(*ordered);
  check_backups(graph, diagnostics);
  check_secrets_in_command_lines(graph, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  return graph;
}

}  // namespace planrun
