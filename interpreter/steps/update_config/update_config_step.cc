// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/update_config/update_config_step.h"
#include "interpreter/steps/update_config/update_config_fields.h"

#include <system_error>

#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/steps/update_config/config_changes.h"
#include "interpreter/steps/update_config/unified_diff.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

const UpdateConfigFields& fields() { return update_config_fields(); }

std::vector<ConfigAssignment> assignments_of(const Value& given) {
  std::vector<ConfigAssignment> out;
  if (given.is_map()) {  // properties as key: value
    for (const auto& [key, value] : given.as_map()) out.push_back({key, value, false});
    return out;
  }
  for (const Value& item : given.as_list()) {
    const Value::Map& map = item.as_map();
    auto optional = map.find("optional");
    out.push_back({map.at("set").to_text(), map.at("value"),
                   optional != map.end() && optional->second.is_bool() && optional->second.as_bool()});
  }
  return out;
}

// The changes the fields ask of `text`; ConfigEditError when the file does not allow them.
ConfigChanges changes_for(const Value::Map& given, std::string_view text) {
  const UpdateConfigFields& f = fields();
  if (f.xml.given(given))
    return xml_changes(text, assignments_of(f.xml.read(given)), f.namespaces.find(given).value_or(std::map<std::string, std::string>{}));
  if (f.properties.given(given)) return properties_changes(text, assignments_of(f.properties.read(given)));
  if (f.yaml.given(given)) return yaml_changes(text, assignments_of(f.yaml.read(given)));
  throw StepFailure(Kind::Failed, "update-config needs one of xml, properties and yaml");
}

// The file's new text and the diff that shows it, secrets as ***.
struct PlannedChange {
  std::string before, after;
  std::vector<std::string> diff;
  std::vector<std::string> skipped;
};

PlannedChange plan_change(const Value::Map& given, const fs::path& file, std::string before) {
  try {
    ConfigChanges changes = changes_for(given, before);
    PlannedChange planned{std::move(before), "", {}, std::move(changes.skipped)};
    planned.after = apply_edits(planned.before, changes.edits);
    RedactedTexts shown = redacted_texts(planned.before, std::move(changes.edits));
    planned.diff = unified_diff({planned.before, planned.after, shown.before, shown.after}, file.string());
    return planned;
  } catch (const ConfigEditError& error) {
    throw StepFailure(Kind::Failed, file.string() + ": " + error.what());
  }
}

// Beside the kept original: the path of the file it is the original of.
constexpr const char* kept_for = ".path";

std::string skipped_note(const std::string& where) { return "'" + where + "' matches nothing; skipped (optional)"; }

// The kept originals hold what the file held, passwords included: for the operator's eyes only.
constexpr mode_t kept_mode = 0600;

// Keeps `text` as `copy`, in a directory made if need be.
void keep_copy(FileSystem& files, const fs::path& copy, std::string_view text) {
  files.create_directories(copy.parent_path());
  files.write_durably(copy, text, kept_mode);
}

}  // namespace

// An attempt interrupted after it changed the file, run again with other values: the file goes
// back to the original it kept, so the new values are applied to (and diffed against) what the
// operator had, and `changed` stays true to it.
void UpdateConfigStep::discard_partial_work(StepContext& context) const {
  FileSystem& files = *context.services.files;
  std::optional<std::string> target = files.read_file(context.work_dir / "original" / kept_for);
  if (!target) return;
  fs::path file = *target;
  std::optional<std::string> original = files.read_file(context.work_dir / "original" / file.filename());
  if (original && files.read_file(file) != original) files.rewrite_durably(file, *original);
}

const StepSchema& UpdateConfigStep::schema() const { return update_config_schema(); }

std::vector<std::string> UpdateConfigStep::describe(const DescribeContext& context) const {
  fs::path file = fields().file.read(context.fields);
  std::optional<std::string> text = context.services.files->read_file(file);
  if (!text) return {context.masker.mask("would change " + file.string() + " (not there yet: its diff shows once it is)")};
  std::vector<std::string> lines;
  try {
    PlannedChange planned = plan_change(context.fields, file, *std::move(text));
    for (const std::string& where : planned.skipped) lines.push_back(skipped_note(where));
    if (planned.diff.empty()) lines.push_back("would leave " + file.string() + " as it is: it holds these values");
    else lines.push_back("would change " + file.string() + ":");
    lines.insert(lines.end(), planned.diff.begin(), planned.diff.end());
  } catch (const StepFailure& failure) {
    lines.push_back(std::string("would fail: ") + failure.what());
  }
  for (std::string& line : lines) line = context.masker.mask(line);
  return lines;
}

void UpdateConfigStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  FileSystem& files = *context.services.files;
  fs::path file = fields().file.read(context.fields);
  std::optional<std::string> text = files.read_file(file);
  if (!text)
    throw StepFailure(Kind::Failed, "cannot read " + file.string() + ": " +
                                        std::make_error_code(std::errc::no_such_file_or_directory).message());
  if (context.work_dir.empty()) throw std::logic_error("the executor gave update-config no work directory");
  // The original as the first attempt found it: a rerun after a crash finds the file changed.
  fs::path original = context.work_dir / "original" / file.filename();
  std::optional<std::string> kept = files.read_file(original);
  if (!kept) {
    keep_copy(files, original, *text);
    keep_copy(files, context.work_dir / "original" / kept_for, file.string());
    kept = text;
  }
  PlannedChange planned = plan_change(context.fields, file, *std::move(text));
  for (const std::string& where : planned.skipped) context.log.info(masker.mask(skipped_note(where)));
  for (const std::string& line : planned.diff) context.log.info(masker.mask(line));
  if (planned.after != planned.before) files.rewrite_durably(file, planned.after);
  else context.log.info(masker.mask(file.string() + " already holds these values"));
  bool changed = planned.after != *kept;
  if (changed) {
    fs::path copy = context.run_dir / (context.step.id + "." + file.filename().string() + ".orig");
    keep_copy(files, copy, *kept);
    context.log.info(masker.mask("the original is kept as " + copy.string()));
  }
  context.outputs["changed"] = Value(changed);
}

}  // namespace planrun
