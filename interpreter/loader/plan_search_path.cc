#include "interpreter/loader/plan_search_path.h"

#include <cstdlib>

#include "interpreter/loader/planrun_installation.h"

namespace planrun {

namespace fs = std::filesystem;

static fs::path naming_folder(const std::string& naming_file) {
  fs::path folder = fs::path(naming_file).parent_path();
  return folder.empty() ? fs::path(".") : folder;
}

static std::vector<fs::path> planrun_path() {
  std::vector<fs::path> folders;
  const char* value = std::getenv("PLANRUN_PATH");
  std::string text = value ? value : "";
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find(':', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) folders.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return folders;
}

std::vector<fs::path> plan_search_path(const std::string& naming_file) {
  std::vector<fs::path> folders{naming_folder(naming_file)};
  for (fs::path& folder : planrun_path()) folders.push_back(std::move(folder));
  folders.push_back(stdlib_plans_folder());
  return folders;
}

static std::vector<std::string> candidate_names(const std::string& name) {
  if (fs::path(name).has_extension()) return {name};
  return {name + ".yaml", name + ".yml", name + ".plan"};
}

std::optional<fs::path> find_plan_file(const std::string& name, const std::string& naming_file) {
  if (fs::path(name).is_absolute()) {
    for (const std::string& candidate : candidate_names(name))
      if (fs::is_regular_file(candidate)) return fs::path(candidate);
    return std::nullopt;
  }
  for (const fs::path& folder : plan_search_path(naming_file))
    for (const std::string& candidate : candidate_names(name)) {
      fs::path path = folder == "." ? fs::path(candidate) : folder / candidate;
      std::error_code error;
      if (fs::is_regular_file(path, error)) return path.lexically_normal();
    }
  return std::nullopt;
}

std::string describe_search_path(const std::string& naming_file) {
  std::string text = "the plan's folder (" + naming_folder(naming_file).string() + ")";
  std::vector<fs::path> path = planrun_path();
  if (!path.empty()) {
    text += ", PLANRUN_PATH (";
    for (size_t i = 0; i < path.size(); ++i) text += (i ? ":" : "") + path[i].string();
    text += ")";
  }
  return text + " and stdlib-plans (" + stdlib_plans_folder().string() + ")";
}

}  // namespace planrun
