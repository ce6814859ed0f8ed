// Field names are part of the plan format: add fields, never rename them.
//
// Read only, so safe to run again at any point: the report is written whole (temp, fsync,
// rename) and the list is the same for the same folders.

#include "interpreter/steps/config_review/config_review_step.h"
#include "interpreter/steps/config_review/config_review_fields.h"

#include <system_error>

#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_secret_masker.h"
#include "interpreter/steps/config_review/conf_tree_review.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

const ConfigReviewFields& fields() { return config_review_fields(); }

// How many lines of the list the log shows; the report has them all.
constexpr size_t kLoggedLines = 200;

// A folder to compare: one that is not there, or cannot be listed, fails the step naming the field.
void require_folder(const fs::path& dir, const std::string& field) {
  std::error_code error;
  fs::file_status status = fs::status(dir, error);
  if (status.type() == fs::file_type::not_found)
    throw StepFailure(Kind::Failed, "`" + field + "` names " + dir.string() + ", which does not exist");
  if (!error && !fs::is_directory(status))
    throw StepFailure(Kind::Failed, "`" + field + "` names " + dir.string() + ", which is not a directory");
  if (!error) {
    fs::directory_iterator listing(dir, error);
  }
  if (error) throw StepFailure(Kind::Failed, "cannot read `" + field + "` " + dir.string() + ": " + error.message());
}

// Beside the step's log in the run directory: the work directory goes once the step is done.
fs::path report_path(const StepContext& context) {
  fs::path dir = context.run_dir.empty() ? context.work_dir : context.run_dir;
  return dir / (context.step.id + ".config-review.txt");
}

std::string count_of(size_t count) { return std::to_string(count) + (count == 1 ? " difference" : " differences"); }

// Configuration values, some of them the operator's own: the operator's eyes only (0600).
fs::path write_report(StepContext& context, const SecretMasker& masker, const fs::path& old_dir, const fs::path& new_dir,
                      const std::vector<std::string>& lines) {
  std::string text = "# config-review: the settings of " + old_dir.string() + " (old home) that differ from " + new_dir.string() +
                     " (new pack)\n# changed: VALUE IN THE NEW PACK -> VALUE IN THE OLD HOME; passwords as ***\n# " +
                     count_of(lines.size()) + "\n";
  for (const std::string& line : lines) text += line + "\n";
  fs::path report = report_path(context);
  context.services.files->create_directories(report.parent_path());
  context.services.files->write_durably(report, masker.mask(text), 0600);
  return report;
}

void log_review(StepLog& log, const fs::path& old_dir, const fs::path& new_dir, const std::vector<std::string>& lines,
                const fs::path& report) {
  if (lines.empty()) {
    log.info("no setting of " + old_dir.string() + " differs from " + new_dir.string() + " (report " + report.string() + ")");
    return;
  }
  log.info(count_of(lines.size()) + " of " + old_dir.string() + " from " + new_dir.string() +
           " to review: carry by hand what the new version needs (report " + report.string() + ")");
  for (size_t i = 0; i < lines.size() && i < kLoggedLines; ++i) log.info(lines[i]);
  if (lines.size() > kLoggedLines) log.info("... " + std::to_string(lines.size() - kLoggedLines) + " more in " + report.string());
}

}  // namespace

const StepSchema& ConfigReviewStep::schema() const { return config_review_schema(); }

std::vector<std::string> ConfigReviewStep::describe(const DescribeContext& context) const {
  std::vector<std::string> exclude = fields().exclude.find(context.fields).value_or(std::vector<std::string>{});
  std::string not_reviewed;
  for (const std::string& pattern : exclude) not_reviewed += (not_reviewed.empty() ? "" : ", ") + pattern;
  return {context.masker.mask("would list the settings of " + fields().old_dir.read(context.fields).string() +
                              " that differ from " + fields().new_dir.read(context.fields).string() + ", read only" +
                              (not_reviewed.empty() ? "" : " (not reviewed: " + not_reviewed + ")"))};
}

void ConfigReviewStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  fs::path old_dir = fields().old_dir.read(context.fields), new_dir = fields().new_dir.read(context.fields);
  require_folder(old_dir, fields().old_dir.name());
  require_folder(new_dir, fields().new_dir.name());
  std::vector<std::string> exclude = fields().exclude.find(context.fields).value_or(std::vector<std::string>{});
  std::vector<std::string> lines;
  try {
    lines = review_conf_trees(old_dir, new_dir, exclude, *context.services.files);
  } catch (const std::system_error& error) {  // a folder inside that cannot be listed
    throw StepFailure(Kind::Failed, masker.mask(std::string("cannot review the configuration: ") + error.what()));
  }
  for (std::string& line : lines) line = masker.mask(line);
  fs::path report = write_report(context, masker, old_dir, new_dir, lines);
  log_review(context.log, old_dir, new_dir, lines, report);
  context.outputs["changes"] = Value(static_cast<int64_t>(lines.size()));
  context.outputs["report"] = Value(report.string());
}

}  // namespace planrun
