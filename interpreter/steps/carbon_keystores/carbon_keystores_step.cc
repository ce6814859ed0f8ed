// Field names are part of the plan format: add fields, never rename them.
//
// The pack's files are kept in the work directory before anything replaces them, and only
// the first attempt keeps them (a rerun after a kill finds the new home already half changed);
// once the step is done they are copied to the run directory, which outlives the work
// directory. Every write is atomic and the result does not depend on an earlier attempt.

#include "interpreter/steps/carbon_keystores/carbon_keystores_step.h"
#include "interpreter/steps/carbon_keystores/carbon_keystores_fields.h"

#include <algorithm>
#include <stdexcept>

#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/files/verified_copy.h"
#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_secret_masker.h"
#include "interpreter/steps/carbon_keystores/security_files.h"
#include "interpreter/steps/carbon_keystores/security_settings.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

const CarbonKeystoresFields& fields() { return carbon_keystores_fields(); }

fs::path carbon_xml_relative() { return fs::path("repository") / "conf" / "carbon.xml"; }

std::map<std::string, Value> password_overrides(const Value::Map& given) {
  std::optional<Value> passwords = fields().passwords.find(given);
  if (!passwords) return {};
  const std::vector<std::string>& known = carbon_keystore_password_settings();
  for (const auto& [name, value] : passwords->as_map())
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw StepFailure(Kind::Failed, "`passwords` names '" + name + "', which is no key store setting" + did_you_mean(name, known));
  return passwords->as_map();
}

// Everything the step would write, worked out before anything is.
struct SecurityCarry {
  CarbonSecurity old;
  SecurityFiles files;
  SecuritySettingsChange settings;
  fs::path new_carbon_xml;
};

std::string read_or_fail(const FileSystem& files, const fs::path& file) {
  std::optional<std::string> text = files.read_file(file);
  if (!text) throw StepFailure(Kind::Failed, "cannot read " + file.string());
  return *text;
}

SecurityCarry plan_carry(const FileSystem& files, const Value::Map& given) {
  fs::path old_home = fields().old_home.read(given), new_home = fields().new_home.read(given);
  SecurityCarry carry;
  try {
    carry.old = carbon_security(old_home);
  } catch (const CarbonConfigError& error) {
    throw StepFailure(Kind::Failed, error.what());
  }
  for (const auto& [name, value] : password_overrides(given)) {
    std::string element = name.substr(0, name.find('.'));
    if (std::none_of(carry.old.key_stores.begin(), carry.old.key_stores.end(),
                     [&](const CarbonKeyStore& store) { return store.element == element; }))
      throw StepFailure(Kind::Failed, "`passwords` sets " + name + ", but " + carry.old.carbon_xml.string() + " has no <" + element + ">");
  }
  carry.files = security_files(old_home, new_home, carry.old);
  carry.new_carbon_xml = new_home / carbon_xml_relative();
  carry.settings = carry_security_settings(carry.new_carbon_xml, read_or_fail(files, carry.new_carbon_xml),
                                           read_or_fail(files, carry.old.carbon_xml), carry.old, password_overrides(given));
  return carry;
}

std::vector<std::string> carry_lines(const SecurityCarry& carry, const std::string& verb) {
  std::vector<std::string> lines;
  for (const CarriedFile& file : carry.files.files)
    lines.push_back(verb + " " + file.what + ": " + file.source.string() + " -> " + file.target.string());
  lines.insert(lines.end(), carry.files.notes.begin(), carry.files.notes.end());
  if (carry.old.secure_vault.used) lines.push_back("the old home uses the secure vault (" + carry.old.secure_vault.used_at.front() + ")");
  lines.insert(lines.end(), carry.settings.notes.begin(), carry.settings.notes.end());
  if (carry.settings.diff.empty()) lines.push_back(carry.new_carbon_xml.string() + " already has the old key store settings");
  lines.insert(lines.end(), carry.settings.diff.begin(), carry.settings.diff.end());
  return lines;
}

// Beside the kept originals: the home they were taken from.
constexpr const char* kKeptFrom = "originals.home";

// Keeps the pack's file at `relative` in `new_home` in the work directory, once.
void keep_original(FileSystem& files, const fs::path& work_dir, const fs::path& new_home, const fs::path& relative) {
  fs::path kept = work_dir / "originals" / relative;
  if (files.exists(kept)) return;
  if (!files.exists(work_dir / kKeptFrom)) {
    files.create_directories(work_dir);
    files.write_durably(work_dir / kKeptFrom, new_home.string());
  }
  std::optional<std::string> bytes = files.read_file(new_home / relative);
  if (!bytes) return;  // the pack has no such file: nothing to keep
  files.create_directories(kept.parent_path());
  files.write_durably(kept, *bytes, 0600);  // key stores and passwords: the operator's eyes only
}

// The kept originals, from the work directory (removed once the step is done) to the run directory.
fs::path publish_originals(FileSystem& files, const StepContext& context, const std::vector<fs::path>& relatives) {
  fs::path published = context.run_dir / (context.step.id + ".originals");
  bool any = false;
  for (const fs::path& relative : relatives) {
    std::optional<std::string> bytes = files.read_file(context.work_dir / "originals" / relative);
    if (!bytes) continue;
    files.create_directories((published / relative).parent_path());
    files.write_durably(published / relative, *bytes, 0600);
    any = true;
  }
  return any ? published : fs::path();
}

}  // namespace

const StepSchema& CarbonKeystoresStep::schema() const { return carbon_keystores_schema(); }

// An attempt interrupted after it replaced files, run again with other inputs: the pack's files
// it kept go back, so the new attempt keeps (and starts from) what the pack had, not its own
// writes. The work directory is the executor's, on the machine; the home is the step's world.
void CarbonKeystoresStep::discard_partial_work(StepContext& context) const {
  FileSystem& files = *context.services.files;
  std::optional<std::string> home = files.read_file(context.work_dir / kKeptFrom);
  std::error_code error;
  if (!home || !fs::is_directory(context.work_dir / "originals", error)) return;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(context.work_dir / "originals")) {
    if (!entry.is_regular_file()) continue;
    fs::path target = fs::path(*home) / entry.path().lexically_relative(context.work_dir / "originals");
    std::optional<std::string> bytes = files.read_file(entry.path());
    if (!bytes || files.read_file(target) == bytes) continue;
    if (files.exists(target)) files.rewrite_durably(target, *bytes);
    else files.write_durably(target, *bytes);
  }
}

// A home that is not there yet (made by an earlier step) is read when the step runs; when both
// are there, what would make the run fail fails the plan.
std::vector<std::string> CarbonKeystoresStep::describe(const DescribeContext& context) const {
  fs::path old_home = fields().old_home.read(context.fields), new_home = fields().new_home.read(context.fields);
  if (!context.services.files->exists(old_home / carbon_xml_relative()) ||
      !context.services.files->exists(new_home / carbon_xml_relative()))
    return {context.masker.mask("would carry the key stores of " + old_home.string() + " to " + new_home.string() +
                                " when it runs (not both there yet)")};
  try {
    std::vector<std::string> lines = carry_lines(plan_carry(*context.services.files, context.fields), "would carry");
    for (std::string& line : lines) line = context.masker.mask(line);
    return lines;
  } catch (const StepFailure& failure) {
    throw DescribedFailure(context.masker.mask(failure.what()));
  }
}

void CarbonKeystoresStep::run(StepContext& context) const {
  if (context.work_dir.empty()) throw std::logic_error("the executor gave carbon-keystores no work directory");
  StepSecretMasker masker(context);
  FileSystem& files = *context.services.files;
  SecurityCarry carry = plan_carry(files, context.fields);
  fs::path new_home = fields().new_home.read(context.fields);
  for (const std::string& line : carry_lines(carry, "carries")) context.log.info(masker.mask(line));
  std::vector<fs::path> replaced;
  Value::List written;
  for (const CarriedFile& file : carry.files.files) {
    keep_original(files, context.work_dir, new_home, file.relative);
    replaced.push_back(file.relative);
    copy_file_verified(file.source, file.target);
    written.push_back(Value(file.target.string()));
  }
  if (carry.settings.after != carry.settings.before) {
    keep_original(files, context.work_dir, new_home, carbon_xml_relative());
    files.rewrite_durably(carry.new_carbon_xml, carry.settings.after);
  }
  replaced.push_back(carbon_xml_relative());
  written.push_back(Value(carry.new_carbon_xml.string()));
  fs::path originals = publish_originals(files, context, replaced);
  if (!originals.empty()) context.log.info(masker.mask("the pack's files it replaced are kept in " + originals.string()));
  context.outputs["files"] = Value(written);
  context.outputs["originals"] = Value(originals.string());
  context.outputs["secure_vault"] = Value(carry.old.secure_vault.used);
}

}  // namespace planrun
