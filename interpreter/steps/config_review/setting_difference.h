#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace planrun {

// One setting of a configuration file that differs between the new pack and the old home: an
// XML element's text or attribute (`/Server/Ports/Offset`), a property (`log4j.rootLogger`), or
// a whole XML element one side lacks. The values are as shown to people (shown_value):
// secrets are *** already; nullopt when there is nothing to show.
struct SettingDifference {
  enum class Kind { Changed, OnlyInOld, OnlyInNew };
  Kind kind;
  std::string setting;
  std::optional<std::string> new_value, old_value;
};

// A value as a review line shows it: *** when `secret`; `""` when empty; control characters
// escaped (`\n`) so it stays on one line; cut after 200 characters with "...".
std::string shown_value(std::string_view value, bool secret);

// Whether a name marks its value as a password: it contains "password", in any case.
bool names_a_password(std::string_view name);

// The review line of `difference` in `file` (relative to the folders compared):
//   changed: carbon.xml /Server/Ports/Offset: 0 (new pack) -> 1 (old home)
//   only in old: user-mgt.xml /UserManager/Realm/Configuration/Property[@name=x]: y
std::string review_line(const std::string& file, const SettingDifference& difference);

}  // namespace planrun
