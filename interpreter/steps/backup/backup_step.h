#pragma once

#include "interpreter/step_kit/step_type.h"

namespace planrun {

// The `backup` step: backs up a directory (`dir`) as a tar archive with a sha256sum manifest of
// its files, or a database (`database`) in its own dump format, into the directory `to`
// (archive/backup_layout.h names the files), verifies it, and seals it with SHA256SUMS last.
// Publishes the archive's or dump's path, sha256 and size. Never writes what it backs up.
class BackupStep final : public StepType {
 public:
  const StepSchema& schema() const override;
  std::vector<std::string> describe(const DescribeContext& context) const override;
  void run(StepContext& context) const override;
};

}  // namespace planrun
