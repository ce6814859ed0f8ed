#include "interpreter/files/checksum_manifest.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <system_error>

#include "interpreter/files/sha256_hasher.h"

namespace planrun {
namespace {

bool needs_escape(std::string_view path) { return path.find_first_of("\\\n") != std::string_view::npos; }

std::string escaped(std::string_view path) {
  std::string text;
  for (char c : path) text += c == '\\' ? std::string("\\\\") : c == '\n' ? std::string("\\n") : std::string(1, c);
  return text;
}

// The name an escaped line holds, or nullopt when an escape is not one sha256sum writes.
std::optional<std::string> unescaped(std::string_view text) {
  std::string path;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      path += text[i];
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    if (text[i] == '\\') path += '\\';
    else if (text[i] == 'n') path += '\n';
    else return std::nullopt;
  }
  return path;
}

bool is_digest(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

ChecksumManifest ChecksumManifest::parse(std::string_view text, const std::string& source) {
  ChecksumManifest manifest;
  size_t number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++number;
    bool escape = !line.empty() && line.front() == '\\';
    if (escape) line.remove_prefix(1);
    std::optional<std::string> path;
    if (line.size() > 66 && is_digest(line.substr(0, 64)) && line.substr(64, 2) == "  ")
      path = escape ? unescaped(line.substr(66)) : std::string(line.substr(66));
    if (!path || path->empty())
      throw std::runtime_error(source + ":" + std::to_string(number) +
                               ": not a sha256sum line (64 lower-case hex digits, two spaces, a path)");
    manifest.add(std::move(*path), std::string(line.substr(0, 64)));
  }
  return manifest;
}

const std::string* ChecksumManifest::find(std::string_view path) const {
  auto found = entries_.find(std::string(path));
  return found == entries_.end() ? nullptr : &found->second;
}

std::string ChecksumManifest::text() const {
  std::string text;
  for (const auto& [path, sha256] : entries_) {
    bool escape = needs_escape(path);
    text += (escape ? "\\" : "") + sha256 + "  " + (escape ? escaped(path) : path) + "\n";
  }
  return text;
}

std::vector<std::string> check_files(const std::filesystem::path& base, const ChecksumManifest& manifest) {
  std::vector<std::string> differences;
  for (const auto& [path, sha256] : manifest.entries()) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(base / path, error)) {
      differences.push_back(path + ": missing");
      continue;
    }
    try {
      if (sha256_of_file(base / path) != sha256) differences.push_back(path + ": checksum differs");
    } catch (const std::system_error& failure) {
      differences.push_back(path + ": " + failure.code().message());
    }
  }
  return differences;
}

}  // namespace planrun
