#include "interpreter/files/path_safety.h"

#include <algorithm>
#include <vector>

namespace planrun {
namespace {

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    if (!part.empty() && part != ".") parts.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

}  // namespace

bool stays_inside(std::string_view relative) {
  if (relative.empty() || relative.front() == '/') return false;
  for (std::string_view part : components(relative))
    if (part == "..") return false;
  return true;
}

std::optional<std::string> strip_components(std::string_view relative, int64_t count) {
  std::vector<std::string_view> parts = components(relative);
  if (count < 0 || parts.size() <= static_cast<size_t>(count)) return std::nullopt;
  std::string stripped;
  for (size_t i = static_cast<size_t>(count); i < parts.size(); ++i) {
    if (!stripped.empty()) stripped += '/';
    stripped += parts[i];
  }
  return stripped;
}

bool symlink_stays_inside(std::string_view link, std::string_view target) {
  if (target.empty() || target.front() == '/') return false;
  std::vector<std::string_view> parts = components(link);
  if (!parts.empty()) parts.pop_back();  // a target is relative to the link's directory
  size_t depth = parts.size();
  for (std::string_view part : components(target)) {
    if (part != "..") {
      ++depth;
    } else if (depth-- == 0) {
      return false;
    }
  }
  return true;
}

bool is_same_or_below(const std::filesystem::path& inner, const std::filesystem::path& outer) {
  auto [outer_end, inner_at] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return outer_end == outer.end() || (std::next(outer_end) == outer.end() && outer_end->empty());
}

std::optional<std::filesystem::path> product_configuration_in(const std::filesystem::path& path) {
  std::filesystem::path prefix;
  std::filesystem::path previous;
  for (const std::filesystem::path& part : path) {
    prefix /= part;
    if (previous == "repository" && part == "conf") return prefix;
    previous = part;
  }
  return std::nullopt;
}

}  // namespace planrun
