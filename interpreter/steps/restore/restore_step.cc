// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/restore/restore_step.h"
#include "interpreter/steps/restore/restore_fields.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "interpreter/databases/database_error.h"
#include "interpreter/files/checksum_manifest.h"
#include "interpreter/files/durable_write.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/archive/backup_layout.h"
#include "interpreter/archive/batched_progress.h"
#include "interpreter/archive/database_dump.h"
#include "interpreter/archive/tree_archive_reader.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

const RestoreFields& fields() { return restore_fields(); }

[[noreturn]] void failed(const std::string& message) { throw StepFailure(Kind::Failed, message); }

std::string listed(const std::vector<std::string>& differences) {
  std::string text = differences.front();
  if (differences.size() > 1) text += " (and " + std::to_string(differences.size() - 1) + " more)";
  return text;
}

// The backup in `from`, checked against its seal when `verify` says so.
ChecksumManifest checked_backup(const fs::path& from, bool verify, StepLog& log) {
  ChecksumManifest seal = read_seal(from);
  if (!verify) return seal;
  log.info("checking " + from.string() + " against its " + BackupLayout::seal);
  std::vector<std::string> differences = check_files(from, seal);
  if (!differences.empty())
    failed("the backup in " + from.string() + " does not match its " + BackupLayout::seal + ": " + listed(differences));
  return seal;
}

// The one file of the seal that `accept` accepts, or a failure naming what was expected.
template <class Accept>
std::string file_in(const ChecksumManifest& seal, const fs::path& from, const std::string& expected, Accept accept) {
  for (const auto& [name, sha256] : seal.entries())
    if (accept(name)) return name;
  failed("the backup in " + from.string() + " holds no " + expected);
}

// Whether `dir` is absent or an empty directory; fails when it is something else than a directory.
bool absent_or_empty(const fs::path& dir) {
  std::error_code error;
  fs::file_status status = fs::symlink_status(dir, error);
  if (status.type() == fs::file_type::not_found) return true;
  if (status.type() != fs::file_type::directory) failed("cannot restore into " + dir.string() + ": it is not a directory");
  return fs::is_empty(dir, error);
}

fs::path beside(const fs::path& dir, const std::string& what) {
  return dir.parent_path() / ("." + dir.filename().string() + ".planrun-" + what);
}

void remove_tree(const fs::path& path) {
  std::error_code error;
  fs::remove_all(path, error);
  if (error) throw EnvironmentError("cannot remove '" + path.string() + "': " + error.message());
}

// Makes the complete tree `staged` durable (one syncfs: cheaper than a sync per file of a
// large tree) and puts it in the place of `dir`, old content out of the way first.
void swap_into_place(const fs::path& staged, const fs::path& dir) {
  try {
    sync_file_system(staged);
  } catch (const std::system_error& failure) {
    throw EnvironmentError(failure.what());
  }
  fs::path old = beside(dir, "replaced");
  std::error_code error;
  if (fs::exists(dir, error)) fs::rename(dir, old, error);
  if (!error) fs::rename(staged, dir, error);
  if (error) throw EnvironmentError("cannot move the restored tree to '" + dir.string() + "': " + error.message());
  sync_directory(dir.parent_path());
  remove_tree(old);
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw EnvironmentError("cannot read '" + file.string() + "'");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void restore_directory(StepContext& context, const fs::path& from, const ChecksumManifest& seal, fs::path dir) {
  std::string archive = file_in(seal, from, "directory archive (tree.tar*)",
                                [](const std::string& name) { return name.starts_with("tree.tar"); });
  if (!seal.find(BackupLayout::tree_manifest)) failed("the backup in " + from.string() + " holds no " + BackupLayout::tree_manifest);
  dir = dir.lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  if (!absent_or_empty(dir) && !fields().replace.read(context.fields))
    throw StepFailure(Kind::Precondition, "cannot restore into " + dir.string() +
                                              ": it is not empty (set replace: true to replace what it holds)");
  ChecksumManifest files;
  try {
    files = ChecksumManifest::parse(read_text(from / BackupLayout::tree_manifest),
                                    (from / BackupLayout::tree_manifest).string());
  } catch (const std::runtime_error& error) {
    failed(error.what());
  }
  fs::path staged = beside(dir, "restoring");
  remove_tree(staged);  // what an interrupted attempt left
  remove_tree(beside(dir, "replaced"));
  context.log.info("restoring " + (from / archive).string() + " into " + dir.string());
  TreeArchiveCheck check;
  BatchedProgress progress(context.progress);
  try {
    check = extract_tree_archive(from / archive, staged, files,
                                 {&context.cancel, [&](uint64_t bytes) { progress.advance(bytes); }});
    if (check.archive_sha256 != *seal.find(archive))
      check.differences.insert(check.differences.begin(), archive + ": checksum differs from " + BackupLayout::seal);
    if (!check.differences.empty())
      failed("the archive " + (from / archive).string() + " does not match its manifest: " + listed(check.differences));
  } catch (...) {
    std::error_code ignored;  // the failure that brought us here is the one to report
    fs::remove_all(staged, ignored);
    throw;
  }
  swap_into_place(staged, dir);
}

void restore_database(StepContext& context, const fs::path& from, const ChecksumManifest& seal, const Dsn& database) {
  std::string file = file_in(seal, from, "database dump",
                             [](const std::string& name) { return database_dump_named(name) != nullptr; });
  const DatabaseDump& dump = *database_dump_named(file);
  if (dump.kind() != database.kind)
    failed("the backup in " + from.string() + " is a " + kind_name(dump.kind()) + " dump (" + file +
           "); it cannot be restored into " + kind_name(database.kind) + " database " + database.to_string());
  StepSecretMasker masker(context);
  DumpServices services = dump_services(context, masker);
  std::optional<std::string> held = dump.held_by(database, services);
  if (held && !fields().replace.read(context.fields))
    throw StepFailure(Kind::Precondition, masker.mask("cannot restore into " + database.to_string() + ": it holds " +
                                                      *held + " (set replace: true to replace what it holds)"));
  if (held) {
    context.log.info(masker.mask("emptying " + database.to_string() + " (replace: true)"));
    dump.clear(database, services);
  }
  context.log.info(masker.mask("restoring " + (from / file).string() + " into " + database.to_string()));
  dump.restore(from / file, database, services);
}

}  // namespace

const StepSchema& RestoreStep::schema() const { return restore_schema(); }

std::vector<std::string> RestoreStep::describe(const DescribeContext& context) const {
  std::string from = fields().from.read(context.fields).string();
  std::string target = fields().dir.given(context.fields) ? fields().dir.read(context.fields).string()
                                                          : fields().database.read(context.fields).to_string();
  std::string how = fields().replace.read(context.fields) ? ", replacing what it holds" : " (which must be empty)";
  std::string doing = fields().verify.read(context.fields)
                          ? "check the backup in " + from + " against its " + BackupLayout::seal + " and restore it"
                          : "restore the backup in " + from;
  return {context.masker.mask("would " + doing + " into " + target + how)};
}

void RestoreStep::run(StepContext& context) const {
  fs::path from = fields().from.read(context.fields);
  ChecksumManifest seal = checked_backup(from, fields().verify.read(context.fields), context.log);
  if (auto dir = fields().dir.find(context.fields)) return restore_directory(context, from, seal, *dir);
  restore_database(context, from, seal, fields().database.read(context.fields));
}

}  // namespace planrun
