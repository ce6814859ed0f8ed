// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/copy_dir/copy_dir_step.h"
#include "interpreter/steps/copy_dir/copy_dir_fields.h"

#include <algorithm>
#include <charconv>
#include <system_error>

#include "interpreter/files/exclude_patterns.h"
#include "interpreter/files/path_safety.h"
#include "interpreter/files/tree_copy.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;
using Unit = ProgressReporter::Unit;

const CopyDirFields& fields() { return copy_dir_fields(); }

// The one checkpoint: how many walked entries are copied and durable, with the count and the
// last of them, so that a checkpoint of another tree is never trusted.
constexpr const char* kCopiedThrough = "copied_through";
constexpr size_t kReplacedListed = 50;

std::string checkpoint_value(const std::vector<TreeEntry>& entries, size_t through) {
  return std::to_string(through) + "\n" + std::to_string(entries.size()) + "\n" +
         (through ? entries[through - 1].relative : "");
}

size_t durable_through(const StepContext& context, const std::vector<TreeEntry>& entries) {
  std::optional<std::string> saved = context.checkpoints.get(kCopiedThrough);
  if (!saved) return 0;
  size_t through = 0;
  std::from_chars(saved->data(), saved->data() + saved->size(), through);
  if (through > entries.size() || *saved != checkpoint_value(entries, through)) return 0;
  return through;
}

fs::path directory_to_copy(const fs::path& from) {
  std::error_code error;
  fs::file_status status = fs::status(from, error);
  if (!fs::exists(status)) throw StepFailure(Kind::Failed, "from: '" + from.string() + "' does not exist");
  if (!fs::is_directory(status)) throw StepFailure(Kind::Failed, "from: '" + from.string() + "' is not a directory");
  return fs::weakly_canonical(from);
}

void refuse_overlap(const fs::path& from, const fs::path& to) {
  if (is_same_or_below(to, from) || is_same_or_below(from, to))
    throw StepFailure(Kind::Failed, "cannot copy '" + from.string() + "' to '" + to.string() +
                                        "': one is inside the other");
}

void refuse_configuration(const fs::path& from, const std::vector<TreeEntry>& entries) {
  for (const TreeEntry& entry : entries) {
    if (kind_of(entry.status) != EntryKind::Directory) continue;
    if (std::optional<fs::path> conf = product_configuration_in(path_under(from, entry.relative)))
      throw StepFailure(Kind::Precondition,
                        "refusing to copy a product's configuration: '" + conf->string() +
                            "' would be copied, and configurations must not be copied between servers (set "
                            "the new version's own with update-config); exclude it, or set allow_config: true "
                            "to copy it anyway");
  }
}

void refuse_special_files(const fs::path& from, const std::vector<TreeEntry>& entries) {
  std::string named;
  size_t count = 0;
  for (const TreeEntry& entry : entries) {
    if (kind_of(entry.status) != EntryKind::Special) continue;
    if (++count <= 5) named += (named.empty() ? "" : ", ") + ("'" + entry.relative + "' (" + special_kind_name(entry.status) + ")");
  }
  if (count)
    throw StepFailure(Kind::Failed, "cannot copy '" + from.string() + "': it holds " + std::to_string(count) +
                                        " entries that are not files, directories or symlinks: " + named +
                                        (count > 5 ? ", ..." : "") + "; exclude them");
}

std::vector<TreeEntry> entries_to_copy(const StepContext& context, const fs::path& from) {
  ExcludePatterns exclude(fields().exclude.find(context.fields).value_or(std::vector<std::string>{}));
  std::vector<TreeEntry> entries =
      walk_tree(from, [&](const std::string& relative, const struct stat&) { return exclude.excludes(relative); });
  refuse_special_files(from, entries);
  if (!fields().allow_config.read(context.fields)) refuse_configuration(from, entries);
  return entries;
}

void log_replaced(StepContext& context, const fs::path& to, const fs::path& kept, std::vector<std::string> replaced) {
  if (replaced.empty()) return;
  std::sort(replaced.begin(), replaced.end());
  context.log.info("replaced " + std::to_string(replaced.size()) + " entries of '" + to.string() +
                   "' that differed from the source; what they held is kept in '" + kept.string() + "':");
  for (size_t i = 0; i < replaced.size() && i < kReplacedListed; ++i) context.log.info("  " + replaced[i]);
  if (replaced.size() > kReplacedListed)
    context.log.info("  ... and " + std::to_string(replaced.size() - kReplacedListed) + " more");
}

TreeCopyHooks hooks_for(StepContext& context, const TreeCopy& copy) {
  TreeCopyHooks hooks;
  hooks.progress = [&context, &copy](uint64_t files, uint64_t bytes) {
    context.progress.set_done(bytes);
    context.progress.set_counter("files", files, copy.total_files(), Unit::Files);
  };
  hooks.durable = [&context, &copy](size_t through) {
    context.checkpoints.put(kCopiedThrough, checkpoint_value(copy.entries(), through));
  };
  hooks.cancelled = [&context] { return context.cancel.requested(); };
  return hooks;
}

void copy_dir(StepContext& context) {
  const CopyDirFields& f = fields();
  fs::path from = directory_to_copy(f.from.read(context.fields));
  fs::path to = fs::weakly_canonical(f.to.read(context.fields));
  refuse_overlap(from, to);
  TreeCopyOptions options;
  options.verify = f.verify.read(context.fields);
  options.preserve_owner = f.preserve_owner.read(context.fields);
  options.replaced_dir = context.run_dir / (context.step.id + ".replaced");
  std::vector<TreeEntry> entries = entries_to_copy(context, from);
  options.durable_through = durable_through(context, entries);
  TreeCopy copy(from, to, std::move(entries), options);
  context.progress.set_total(copy.total_bytes(), Unit::Bytes);
  context.log.info("copying " + std::to_string(copy.total_files()) + " files (" + std::to_string(copy.total_bytes()) +
                   " bytes) from '" + from.string() + "' to '" + to.string() + "'" +
                   (options.durable_through ? ", resuming after an interrupted attempt" : ""));
  TreeCopyResult result = copy.run(hooks_for(context, copy));
  if (result.cancelled)
    throw StepFailure(Kind::Cancelled, "interrupted; what was copied is durable and is not copied again");
  log_replaced(context, to, options.replaced_dir, result.replaced);
  context.log.info("copied " + std::to_string(result.files_copied) + " files (" + std::to_string(result.bytes_copied) +
                   " bytes)" + (result.files_already_there ? "; " + std::to_string(result.files_already_there) +
                                                                  " were already there" : "") +
                   (options.verify ? "; every file verified (size and sha256)" : ""));
  context.outputs["files"] = Value(static_cast<int64_t>(copy.total_files()));
  context.outputs["bytes"] = Value(static_cast<int64_t>(copy.total_bytes()));
  context.outputs["replaced"] = Value(static_cast<int64_t>(result.replaced.size()));
}

}  // namespace

const StepSchema& CopyDirStep::schema() const { return copy_dir_schema(); }

std::vector<std::string> CopyDirStep::describe(const DescribeContext& context) const {
  const CopyDirFields& f = fields();
  std::string line = "would copy " + f.from.read(context.fields).string() + " to " + f.to.read(context.fields).string();
  std::vector<std::string> exclude = f.exclude.find(context.fields).value_or(std::vector<std::string>{});
  for (size_t i = 0; i < exclude.size(); ++i) line += (i ? ", " : ", leaving out ") + exclude[i];
  if (f.verify.read(context.fields)) line += ", verifying the size and sha256 of every file";
  return {context.masker.mask(line)};
}

void CopyDirStep::run(StepContext& context) const {
  try {
    copy_dir(context);
  } catch (const TreeCopyError& error) {
    throw StepFailure(Kind::Failed, error.what());
  }
}

void CopyDirStep::discard_partial_work(StepContext& context) const {
  remove_partial_copies(fs::weakly_canonical(fields().to.read(context.fields)));
}

}  // namespace planrun
