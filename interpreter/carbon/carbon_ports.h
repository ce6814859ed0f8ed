#pragma once

#include <cstdint>
#include <filesystem>

namespace planrun {

// The ports a Carbon installation listens on: 9443 (HTTPS) and 9763 (HTTP) plus the offset in
// <home>/repository/conf/carbon.xml (<Server><Ports><Offset>), so plans need not hard-code
// them. Throws CarbonConfigError naming the file (and the line and column of a bad offset).
struct CarbonPorts {
  int64_t https = 9443;
  int64_t http = 9763;
};
CarbonPorts carbon_ports_of(const std::filesystem::path& home);

}  // namespace planrun
