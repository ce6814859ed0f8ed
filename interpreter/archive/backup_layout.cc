#include "interpreter/archive/backup_layout.h"

#include <fstream>
#include <iterator>
#include <system_error>

#include "interpreter/files/durable_write.h"
#include "interpreter/files/private_files.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view partial_suffix = ".partial";

[[noreturn]] void environment(const std::string& doing, const fs::path& path, const std::error_code& error) {
  throw EnvironmentError("cannot " + doing + " '" + path.string() + "': " + error.message());
}

}  // namespace

std::string BackupLayout::archive_name(ArchiveCompression compression) {
  switch (compression) {
    case ArchiveCompression::Zstd: return "tree.tar.zst";
    case ArchiveCompression::Gzip: return "tree.tar.gz";
    case ArchiveCompression::None: break;
  }
  return "tree.tar";
}

std::optional<ArchiveCompression> BackupLayout::compression_named(const std::string& name) {
  if (name == "zstd") return ArchiveCompression::Zstd;
  if (name == "gzip") return ArchiveCompression::Gzip;
  if (name == "none") return ArchiveCompression::None;
  return std::nullopt;
}

fs::path BackupLayout::partial(const fs::path& file) {
  return file.parent_path() / ("." + file.filename().string() + std::string(partial_suffix));
}

void start_backup(const fs::path& to) {
  try {
    create_private_directory(to);
  } catch (const std::system_error& failure) {
    throw EnvironmentError(failure.what());
  }
  std::error_code error;
  if (fs::remove(to / BackupLayout::seal, error)) sync_directory(to);
  if (error) environment("remove", to / BackupLayout::seal, error);
  for (const fs::directory_entry& entry : fs::directory_iterator(to, error)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(".") && name.find(partial_suffix) != std::string::npos) fs::remove(entry.path(), error);
    if (error) environment("remove", entry.path(), error);
  }
  if (error) environment("read the directory", to, error);
}

void seal_backup(const fs::path& to, const ChecksumManifest& manifest) {
  write_file_durably(to / BackupLayout::seal, manifest.text(), private_file_mode);
}

ChecksumManifest read_seal(const fs::path& from) {
  fs::path seal = from / BackupLayout::seal;
  std::ifstream in(seal, std::ios::binary);
  if (!in)
    throw StepFailure(StepFailure::Kind::Failed,
                      "there is no complete backup in " + from.string() + ": " + BackupLayout::seal +
                          " is missing (a backup writes it last, once everything else is verified)");
  std::string text(std::istreambuf_iterator<char>(in), {});
  try {
    return ChecksumManifest::parse(text, seal.string());
  } catch (const std::runtime_error& error) {
    throw StepFailure(StepFailure::Kind::Failed, error.what());
  }
}

}  // namespace planrun
