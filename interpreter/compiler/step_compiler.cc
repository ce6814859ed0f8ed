#include "interpreter/compiler/step_compiler.h"

#include <string_view>
#include <unordered_map>

#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/parallel/for_each_slice.h"
#include "interpreter/steps/step_catalog.h"
#include "interpreter/values/duration.h"

namespace planrun {

// Headers read as one unit of work: each is a handful of lookups.
constexpr size_t kHeadersPerSlice = 2000;

static const std::vector<std::string> kStepKeys{"id",   "type",  "description", "with",
                                                "needs", "when", "retry",       "timeout",
                                                "continue_on_error"};

static std::optional<StepHeader> read_header(const ast::Node& step, size_t index, NodeReader& reader,
                                             Diagnostics& diagnostics) {
  std::string what = "step " + std::to_string(index + 1);
  if (!reader.expect_mapping(step, what)) return std::nullopt;
  if (step.find("use")) return std::nullopt;
  reader.reject_unknown_keys(step, kStepKeys, "step field");
  const ast::Node* id = step.find("id");
  const ast::Node* type = step.find("type");
  if (!id) diagnostics.error(step.location, what + " has no 'id'");
  if (!type) diagnostics.error(step.location, what + " has no 'type'");
  if (!id || !type || !reader.valid_identifier(*id, "step id")) return std::nullopt;
  auto type_name = reader.string(*type, "'type'");
  if (!type_name) return std::nullopt;
  bool known_type = find_step_schema(*type_name) != nullptr;
  if (!known_type)
    diagnostics.error(type->location, "unknown step type '" + *type_name + "'" +
                                          did_you_mean(*type_name, step_type_names()));
  return StepHeader{&step, id->scalar, *type_name, known_type, index};
}

std::vector<StepHeader> read_step_headers(const ast::Node& steps, Diagnostics& diagnostics) {
  // Each header reads on its own, in slices on all cores; ids are compared once all are read.
  size_t count = steps.items.size();
  std::vector<std::optional<StepHeader>> read(count);
  std::vector<Diagnostics> findings((count + kHeadersPerSlice - 1) / kHeadersPerSlice);
  for_each_slice(count, kHeadersPerSlice, [&](size_t slice, size_t first, size_t size) {
    NodeReader reader(findings[slice]);
    for (size_t i = first; i < first + size; ++i) read[i] = read_header(steps.items[i], i, reader, findings[slice]);
  });
  for (Diagnostics& found : findings) diagnostics.append(std::move(found));
  std::unordered_map<std::string_view, SourceLocation> seen;  // views into `read`
  seen.reserve(count);
  for (std::optional<StepHeader>& header : read) {
    if (!header) continue;
    const SourceLocation& where = header->node->find("id")->location;
    auto [first, inserted] = seen.emplace(header->id, where);
    if (inserted) continue;
    diagnostics.error(where, "duplicate step id '" + header->id + "' (first defined at line " +
                                 std::to_string(first->second.line) + ")");
    header.reset();
  }
  std::vector<StepHeader> headers;
  headers.reserve(count);
  for (std::optional<StepHeader>& header : read)
    if (header) headers.push_back(std::move(*header));
  return headers;
}

static void read_needs(const ast::Node& step, StepDraft& draft, NodeReader& reader) {
  const ast::Node* needs = step.find("needs");
  if (!needs) return;
  if (needs->is_scalar()) {  // `needs: backup` reads naturally for a single dependency
    draft.needs.emplace_back(needs->scalar, needs->location);
    return;
  }
  if (!reader.expect_sequence(*needs, "'needs'")) return;
  for (const ast::Node& item : needs->items)
    if (auto id = reader.string(item, "an entry of 'needs'")) draft.needs.emplace_back(*id, item.location);
}

static std::optional<std::chrono::milliseconds> read_duration(const ast::Node& node, const std::string& what,
                                                              Diagnostics& diagnostics) {
  auto duration = node.is_scalar() ? parse_duration(node.scalar) : std::nullopt;
  if (!duration) {
    std::string found = node.is_scalar() ? "'" + node.scalar + "'" : describe_kind(node);
    diagnostics.error(node.location, what + " must be a duration like 30s, 5m or 1h, not " + found);
  }
  return duration;
}

static void read_retry(const ast::Node& step, StepDraft& draft, NodeReader& reader, Diagnostics& diagnostics) {
  const ast::Node* retry = step.find("retry");
  if (!retry) return;
  if (retry->is_scalar()) {  // `retry: 3` is shorthand for `retry: {attempts: 3}`
    draft.node.retry.attempts = static_cast<int>(reader.integer(*retry, "'retry'").value_or(1));
  } else if (reader.expect_mapping(*retry, "'retry'")) {
    reader.reject_unknown_keys(*retry, {"attempts", "delay"}, "retry field");
    if (const ast::Node* attempts = retry->find("attempts"))
      draft.node.retry.attempts = static_cast<int>(reader.integer(*attempts, "'attempts'").value_or(1));
    if (const ast::Node* delay = retry->find("delay"))
      draft.node.retry.delay = read_duration(*delay, "'delay'", diagnostics).value_or(std::chrono::milliseconds(0));
  }
  if (draft.node.retry.attempts < 1) {
    diagnostics.error(retry->location, "'retry' needs at least 1 attempt");
    draft.node.retry.attempts = 1;
  }
}

static void read_options(const ast::Node& step, StepDraft& draft, NodeReader& reader, ValueBinder& binder,
                         Diagnostics& diagnostics) {
  read_needs(step, draft, reader);
  read_retry(step, draft, reader, diagnostics);
  if (const ast::Node* timeout = step.find("timeout")) draft.node.timeout = read_duration(*timeout, "'timeout'", diagnostics);
  if (const ast::Node* flag = step.find("continue_on_error"))
    draft.node.continue_on_error = reader.boolean(*flag, "'continue_on_error'").value_or(false);
  if (const ast::Node* description = step.find("description"))
    draft.node.description = reader.string(*description, "'description'").value_or("");
  if (const ast::Node* when = step.find("when")) {
    static const TypeSpec condition = types::boolean();
    if (auto bound = binder.bind(*when, condition, "when", draft.reads_outputs_of))
      draft.node.when = std::make_shared<const BoundValue>(std::move(*bound));
  }
}

std::optional<StepDraft> compile_step(const StepHeader& header, NodeReader& reader, ValueBinder& binder,
                                      Diagnostics& diagnostics) {
  if (!header.known_type) return std::nullopt;
  const ast::Node& step = *header.node;
  const StepSchema& schema = *find_step_schema(header.type);
  StepDraft draft;
  draft.node.id = header.id;
  draft.node.type = header.type;
  draft.node.schema_version = schema.version;
  draft.node.location = step.location;
  draft.position = header.position;
  read_options(step, draft, reader, binder, diagnostics);
  const ast::Node* with = step.find("with");
  ast::Node empty;
  empty.kind = ast::Node::Kind::Mapping;
  empty.location = step.find("type")->location;
  if (with && !with->is_null() && !reader.expect_mapping(*with, "'with'")) return draft;
  const ast::Node& fields = with && !with->is_null() ? *with : empty;
  draft.node.with = binder.bind_fields(fields, schema.with, "", draft.reads_outputs_of);
  return draft;
}

}  // namespace planrun
