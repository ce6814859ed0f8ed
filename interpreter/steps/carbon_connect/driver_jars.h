#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace planrun {

// The jar that brings one JDBC driver class to the new home.
struct DriverJar {
  std::string driver_class;
  std::optional<std::filesystem::path> source;  // the old home's jar that holds the class; nullopt: nothing to copy
  std::filesystem::path target;                 // where it goes: <new_home>/repository/components/lib/<its name>
  std::string note;                             // what is done, for describe and the log
};

// What the new home needs of the old home's components: the driver jars, the driver classes no
// jar holds, and the jars and dropins the old home has and the new one has not (for review,
// never copied).
struct ComponentsPlan {
  std::vector<DriverJar> jars;
  std::vector<std::string> missing;  // one message per driver class no jar holds
  std::vector<std::string> review;   // "repository/components/lib/x.jar", "repository/components/dropins/y.jar"
};

// <home>/repository/components/lib.
std::filesystem::path components_lib(const std::filesystem::path& home);

// For each driver class: Carbon's own (org.h2.Driver, in its plugins) needs no jar; else the
// jar of the old home's components/lib whose entries hold the class file (found by content,
// whatever its name), unless the new home's lib already has one. Reads jars with libarchive;
// an unreadable jar is an EnvironmentError naming it.
ComponentsPlan plan_components(const std::filesystem::path& old_home, const std::filesystem::path& new_home,
                               const std::set<std::string>& driver_classes);

}  // namespace planrun
