#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/carbon/carbon_security.h"
#include "interpreter/values/value.h"

namespace planrun {

// What carrying the old <Security> key store settings does to the new carbon.xml.
struct SecuritySettingsChange {
  std::string before, after;
  std::vector<std::string> notes;  // entries carried whole, settings the new file lacks
  std::vector<std::string> diff;   // passwords as ***
};

// The new carbon.xml (`new_text`, at `new_file`) with each key store entry of `old` as the old
// one: Location as written, Type, Password, KeyAlias, KeyPassword. A password is the
// `passwords` entry for "Element.Setting" when there is one (a secret), else the old file's,
// whose secure-vault alias stays an alias. An entry the new file lacks (RegistryKeyStore) is
// carried whole from `old_text`. Throws StepFailure naming the file and the cause.
SecuritySettingsChange carry_security_settings(const std::filesystem::path& new_file, const std::string& new_text,
                                               const std::string& old_text, const CarbonSecurity& old,
                                               const std::map<std::string, Value>& passwords);

}  // namespace planrun
