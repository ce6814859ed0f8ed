#include "interpreter/steps/carbon_connect/driver_jars.h"

#include <algorithm>
#include <system_error>

#include "interpreter/archive/jar_entries.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;

// Classes every Carbon pack carries in repository/components/plugins (H2 is its embedded default).
bool carbon_ships(const std::string& driver_class) { return driver_class == "org.h2.Driver"; }

std::vector<fs::path> jars_in(const fs::path& folder) {
  std::vector<fs::path> jars;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, error))
    if (entry.path().extension() == ".jar" && entry.is_regular_file()) jars.push_back(entry.path());
  std::sort(jars.begin(), jars.end());
  return jars;
}

std::optional<fs::path> jar_holding(const fs::path& folder, const std::string& driver_class) {
  std::string wanted = class_file_entry(driver_class);
  for (const fs::path& jar : jars_in(folder)) {
    std::vector<std::string> entries = jar_entry_names(jar);
    if (std::find(entries.begin(), entries.end(), wanted) != entries.end()) return jar;
  }
  return std::nullopt;
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

DriverJar jar_for(const fs::path& old_home, const fs::path& new_home, const std::string& driver_class,
                  std::vector<std::string>& missing) {
  DriverJar jar{driver_class, std::nullopt, {}, ""};
  if (carbon_ships(driver_class)) {
    jar.note = driver_class + ": Carbon ships it (repository/components/plugins); no jar to carry";
    return jar;
  }
  if ((jar.source = jar_holding(components_lib(old_home), driver_class))) {
    jar.target = components_lib(new_home) / jar.source->filename();
    jar.note = driver_class + ": " + jar.source->string() + " -> " + jar.target.string();
    return jar;
  }
  if (std::optional<fs::path> there = jar_holding(components_lib(new_home), driver_class)) {
    jar.note = driver_class + ": the new home has it already (" + there->string() + ")";
    return jar;
  }
  missing.push_back("no jar in " + components_lib(old_home).string() + " holds the JDBC driver class " + driver_class + " (" +
                    class_file_entry(driver_class) + "): put the driver's jar there or in " +
                    components_lib(new_home).string());
  return jar;
}

// What the old home has in `folder` that the new home has not, leaving out what is carried.
void add_for_review(const fs::path& old_home, const fs::path& new_home, const fs::path& folder,
                    const std::vector<DriverJar>& carried, std::vector<std::string>& review) {
  std::vector<std::string> there = names_in(new_home / folder);
  for (const std::string& name : names_in(old_home / folder)) {
    bool is_carried = std::any_of(carried.begin(), carried.end(),
                                  [&](const DriverJar& jar) { return jar.source && jar.source->filename() == name; });
    if (!is_carried && !std::binary_search(there.begin(), there.end(), name)) review.push_back((folder / name).string());
  }
}

}  // namespace

fs::path components_lib(const fs::path& home) { return home / "repository" / "components" / "lib"; }

ComponentsPlan plan_components(const fs::path& old_home, const fs::path& new_home, const std::set<std::string>& driver_classes) {
  ComponentsPlan plan;
  for (const std::string& driver_class : driver_classes) plan.jars.push_back(jar_for(old_home, new_home, driver_class, plan.missing));
  add_for_review(old_home, new_home, fs::path("repository") / "components" / "lib", plan.jars, plan.review);
  add_for_review(old_home, new_home, fs::path("repository") / "components" / "dropins", plan.jars, plan.review);
  return plan;
}

}  // namespace planrun
