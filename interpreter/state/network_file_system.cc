#include "interpreter/state/network_file_system.h"

#include <sys/vfs.h>

#include <array>
#include <utility>

namespace planrun {

std::optional<int64_t> statfs_type(const std::filesystem::path& path) {
  struct statfs info {};
  if (::statfs(path.c_str(), &info) != 0) return std::nullopt;
  return static_cast<int64_t>(info.f_type);
}

std::optional<std::string> network_file_system_name(int64_t type) {
  // Magic numbers from linux/magic.h and the file systems' own headers.
  static constexpr std::array<std::pair<int64_t, const char*>, 11> kNetwork{{
      {0x6969, "NFS"},
      {0x517B, "SMB"},
      {0xFF534D42, "CIFS/SMB"},
      {0xFE534D42, "SMB2"},
      {0x5346414F, "AFS"},
      {0x6B414653, "AFS"},
      {0x73757245, "Coda"},
      {0x00C36400, "Ceph"},
      {0x01021997, "9p"},
      {0x0BD00BD0, "Lustre"},
      {0x564C, "NCP"},
  }};
  for (const auto& [magic, name] : kNetwork)
    if (magic == (type & 0xFFFFFFFF)) return name;
  return std::nullopt;
}

}  // namespace planrun
