#pragma once

#include <string_view>
#include <vector>

#include "interpreter/steps/config_review/setting_difference.h"

namespace planrun {

// The properties of two Java properties files that differ, key by key, as Java reads them
// (escapes decoded, continuation lines joined, the last definition of a key wins): changed ones
// and keys one side lacks, in the new file's order, then the old file's. A key that names a
// password, or every key when `all_secret` (a file of cipher texts), shows its values as ***.
std::vector<SettingDifference> properties_differences(std::string_view new_text, std::string_view old_text, bool all_secret);

}  // namespace planrun
