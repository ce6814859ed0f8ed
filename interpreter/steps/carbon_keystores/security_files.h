#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "interpreter/carbon/carbon_security.h"

namespace planrun {

// A file of the old home's security that the new home gets at the same relative path.
struct CarriedFile {
  std::string what;  // "KeyStore (carbon.xml:362:9)", "secure vault: cipher text"
  std::filesystem::path relative;
  std::filesystem::path source, target;
};

struct SecurityFiles {
  std::vector<CarriedFile> files;  // each file once, in carbon.xml's order, then the secure vault's
  std::vector<std::string> notes;  // key stores outside the home, shared by both homes
};

// The key stores carbon.xml names and, when the old home uses the secure vault,
// secret-conf.properties, the cipher text file and the key store secret-conf names. Throws
// StepFailure naming the file and where it is named when the old home lacks one.
SecurityFiles security_files(const std::filesystem::path& old_home, const std::filesystem::path& new_home,
                             const CarbonSecurity& old);

}  // namespace planrun
