// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/unpack/unpack_step.h"
#include "interpreter/steps/unpack/unpack_fields.h"

#include <sys/stat.h>

#include <system_error>

#include "interpreter/files/durable_write.h"
#include "interpreter/files/file_error.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/steps/unpack/archive_unpacker.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;
using Unit = ProgressReporter::Unit;

const UnpackFields& fields() { return unpack_fields(); }

// Put once the staging directory is complete and durable, before it is renamed into place: a
// rerun then finishes the rename, or finds it done. Its value is the count of entries.
constexpr const char* kStaged = "staged";

fs::path target_of(const StepContext& context) {
  fs::path to = fs::weakly_canonical(fields().to.read(context.fields));
  if (!to.has_filename() || to == to.root_path())
    throw StepFailure(Kind::Failed, "to: '" + to.string() + "' cannot be a home to unpack into");
  return to;
}

// Beside `to`, on the same file system, so that it can be renamed into place.
fs::path staging_of(const fs::path& to) { return to.parent_path() / ("." + to.filename().string() + ".planrun-unpack"); }

// A `to` that holds anything is someone else's: another installation is never unpacked over.
void refuse_occupied(const fs::path& to) {
  std::error_code error;
  fs::file_status status = fs::symlink_status(to, error);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status))
    throw StepFailure(Kind::Precondition, "to: '" + to.string() + "' exists and is not a directory");
  fs::directory_iterator first(to);
  if (first != fs::directory_iterator())
    throw StepFailure(Kind::Precondition,
                      "to: '" + to.string() + "' already holds files ('" + first->path().filename().string() +
                          "', ...): unpack only into an absent or empty directory, so that another "
                          "installation is never overwritten; remove it or choose another `to`");
}

void move_into_place(const fs::path& staging, const fs::path& to) {
  // rename(2) replaces an empty directory, and fails (ENOTEMPTY) on anything else.
  if (::rename(staging.c_str(), to.c_str()) != 0) throw_file_error("rename '" + staging.string() + "' to", to);
  sync_directory(to.parent_path());
}

int64_t unpack_into_staging(StepContext& context, const fs::path& archive, const fs::path& staging,
                            const fs::path& to) {
  fs::remove_all(staging);
  fs::create_directories(staging);
  UnpackHooks hooks;
  hooks.progress = [&context](uint64_t entries, uint64_t bytes_read) {
    context.progress.set_done(bytes_read);
    context.progress.set_counter("files", entries, 0, Unit::Files);
  };
  hooks.cancelled = [&context] { return context.cancel.requested(); };
  UnpackResult result;
  try {
    result = unpack_archive(archive, staging, to, fields().strip_components.read(context.fields), hooks);
  } catch (const UnpackError&) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);  // a refused archive leaves nothing behind
    throw;
  }
  if (result.cancelled) throw StepFailure(Kind::Cancelled, "interrupted; the unpack starts over on the next run");
  sync_file_system(staging);
  return static_cast<int64_t>(result.entries);
}

void unpack(StepContext& context, const fs::path& archive, const fs::path& to) {
  fs::path staging = staging_of(to);
  std::optional<std::string> staged = context.checkpoints.get(kStaged);
  std::error_code error;
  if (staged && !fs::exists(staging, error) && fs::exists(to, error)) {
    context.log.info("'" + to.string() + "' was unpacked by an interrupted attempt");
  } else {
    refuse_occupied(to);
    if (!staged || !fs::exists(staging, error)) {
      context.log.info("unpacking '" + archive.string() + "' into '" + to.string() + "'");
      staged = std::to_string(unpack_into_staging(context, archive, staging, to));
      context.checkpoints.put(kStaged, *staged);
    }
    move_into_place(staging, to);
  }
  context.log.info("unpacked " + *staged + " entries into '" + to.string() + "'");
  context.outputs["files"] = Value(static_cast<int64_t>(std::stoll(*staged)));
}

}  // namespace

const StepSchema& UnpackStep::schema() const { return unpack_schema(); }

std::vector<std::string> UnpackStep::describe(const DescribeContext& context) const {
  const UnpackFields& f = fields();
  int64_t strip = f.strip_components.read(context.fields);
  return {context.masker.mask("would unpack " + f.archive.read(context.fields).string() + " into " +
                              f.to.read(context.fields).string() +
                              (strip ? " (dropping " + std::to_string(strip) + " leading path components)" : ""))};
}

void UnpackStep::run(StepContext& context) const {
  fs::path archive = fields().archive.read(context.fields);
  if (fields().strip_components.read(context.fields) < 0)
    throw StepFailure(Kind::Failed, "strip_components: must not be negative");
  std::error_code error;
  if (!fs::is_regular_file(archive, error))
    throw StepFailure(Kind::Failed, "archive: '" + archive.string() + "' does not exist or is not a file");
  std::error_code size_error;
  context.progress.set_total(fs::file_size(archive, size_error), Unit::Bytes);
  try {
    unpack(context, archive, target_of(context));
  } catch (const UnpackError& failure) {
    throw StepFailure(Kind::Failed, failure.what());
  }
}

void UnpackStep::discard_partial_work(StepContext& context) const {
  std::error_code ignored;
  fs::remove_all(staging_of(target_of(context)), ignored);
}

}  // namespace planrun
