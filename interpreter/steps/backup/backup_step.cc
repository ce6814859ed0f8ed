// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/backup/backup_step.h"
#include "interpreter/steps/backup/backup_fields.h"

#include <filesystem>
#include <system_error>

#include "interpreter/files/durable_write.h"
#include "interpreter/files/private_files.h"
#include "interpreter/files/sha256_hasher.h"
#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/archive/backup_layout.h"
#include "interpreter/archive/batched_progress.h"
#include "interpreter/archive/database_dump.h"
#include "interpreter/archive/tree_archive_reader.h"
#include "interpreter/archive/tree_archive_writer.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

const BackupFields& fields() { return backup_fields(); }

[[noreturn]] void failed(const std::string& message) { throw StepFailure(Kind::Failed, message); }

ArchiveCompression compression_of(const Value::Map& with) {
  if (auto format = fields().format.find(with); format && *format != "tar")
    failed("format '" + *format + "' is not one a directory backup writes: only tar keeps modes, owners and links");
  std::string name = fields().compression.find(with).value_or("zstd");
  if (auto compression = BackupLayout::compression_named(name)) return *compression;
  failed("compression '" + name + "' is not one planrun writes: zstd, gzip or none");
}

// Runs `write`, removing the partial file it was writing when it fails (a kill leaves it to
// the next attempt's start_backup).
template <class Write>
auto without_partial_on_failure(const fs::path& partial, Write write) {
  try {
    return write();
  } catch (...) {
    std::error_code ignored;  // the failure that brought us here is the one to report
    fs::remove(partial, ignored);
    throw;
  }
}

void set_outputs(StepContext& context, const fs::path& path, const std::string& sha256, uint64_t bytes) {
  context.outputs["path"] = Value(path.string());
  context.outputs["sha256"] = Value(sha256);
  context.outputs["bytes"] = Value(static_cast<int64_t>(bytes));
}

void check_directory(const fs::path& dir, const fs::path& to) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) failed("cannot back up " + dir.string() + ": it is not a directory");
  fs::path inside = fs::weakly_canonical(to, error).lexically_relative(fs::weakly_canonical(dir, error));
  if (!inside.empty() && *inside.begin() != "..")
    failed("cannot back up " + dir.string() + " into " + to.string() + ", which is inside it");
}

void back_up_directory(StepContext& context, const fs::path& dir, const fs::path& to) {
  ArchiveCompression compression = compression_of(context.fields);
  check_directory(dir, to);
  start_backup(to);
  fs::path archive = to / BackupLayout::archive_name(compression);
  context.log.info("archiving " + dir.string() + " into " + archive.string());
  BatchedProgress progress(context.progress);
  TreeArchiveOptions options{compression, &context.cancel,
                             [&](uint64_t total) { context.progress.set_total(total, ProgressReporter::Unit::Bytes); },
                             [&](uint64_t bytes) { progress.advance(bytes); },
                             [&](const std::string& line) { context.log.warn(line); }};
  TreeArchive written = without_partial_on_failure(
      BackupLayout::partial(archive), [&] { return write_tree_archive(dir, BackupLayout::partial(archive), options); });
  progress.flush();
  publish_durably(BackupLayout::partial(archive), archive);
  std::string files_text = written.files.text();
  context.services.files->write_durably(to / BackupLayout::tree_manifest, files_text, private_file_mode);
  if (fields().verify.read(context.fields)) {
    context.log.info("verifying " + archive.string() + " against its manifest");
    context.progress.set_done(0);
    TreeArchiveCheck check = check_tree_archive(archive, written.files, {&context.cancel, {}});
    if (check.archive_sha256 != written.archive_sha256)
      check.differences.insert(check.differences.begin(), archive.filename().string() + ": changed after it was written");
    if (!check.differences.empty())
      failed("the archive " + archive.string() + " does not match what was archived: " + check.differences.front());
  }
  seal_backup(to, ChecksumManifest(ChecksumManifest::Entries{{archive.filename().string(), written.archive_sha256},
                                                     {BackupLayout::tree_manifest, sha256_of(files_text)}}));
  set_outputs(context, archive, written.archive_sha256, written.archive_bytes);
}

void back_up_database(StepContext& context, const Dsn& database, const fs::path& to) {
  if (fields().format.given(context.fields) || fields().compression.given(context.fields))
    failed("format and compression are for directory backups: a database is dumped in its own format");
  StepSecretMasker masker(context);
  DumpServices services = dump_services(context, masker);
  const DatabaseDump& dump = database_dump_for(database);
  start_backup(to);
  fs::path file = to / dump.file_name();
  context.log.info(masker.mask("dumping " + database.to_string() + " into " + file.string()));
  without_partial_on_failure(BackupLayout::partial(file), [&] { dump.dump(database, BackupLayout::partial(file), services); });
  bool verify = fields().verify.read(context.fields);
  if (verify) dump.check(BackupLayout::partial(file), services);
  make_private(BackupLayout::partial(file));  // the dump tool created it through the umask
  std::string sha256 = sha256_of_file(BackupLayout::partial(file));
  publish_durably(BackupLayout::partial(file), file);
  if (verify && sha256_of_file(file) != sha256) failed("the dump " + file.string() + " changed after it was written");
  seal_backup(to, ChecksumManifest(ChecksumManifest::Entries{{file.filename().string(), sha256}}));
  set_outputs(context, file, sha256, fs::file_size(file));
}

}  // namespace

const StepSchema& BackupStep::schema() const { return backup_schema(); }

std::vector<std::string> BackupStep::describe(const DescribeContext& context) const {
  fs::path to = fields().to.read(context.fields);
  std::string verify = fields().verify.read(context.fields) ? ", then read it back to verify it" : "";
  if (auto dir = fields().dir.find(context.fields)) {
    std::string compression = fields().compression.find(context.fields).value_or("zstd");
    auto named = BackupLayout::compression_named(compression);
    std::string archive = named ? BackupLayout::archive_name(*named) : "tree.tar";
    return {context.masker.mask("would archive " + dir->string() + " into " + (to / archive).string() + " with " +
                                BackupLayout::tree_manifest + verify)};
  }
  Dsn database = fields().database.read(context.fields);
  const DatabaseDump& dump = database_dump_for(database);
  return {context.masker.mask("would dump " + database.to_string() + " into " + (to / dump.file_name()).string() +
                              verify)};
}

void BackupStep::run(StepContext& context) const {
  fs::path to = fields().to.read(context.fields);
  if (auto dir = fields().dir.find(context.fields)) return back_up_directory(context, *dir, to);
  back_up_database(context, fields().database.read(context.fields), to);
}

}  // namespace planrun
