#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace planrun {

// A manifest in the format `sha256sum` writes and `sha256sum -c` checks ("HEX  path", text
// mode), so backups can be verified without planrun. A name holding a backslash or a newline
// is written escaped, with a backslash before the line, as GNU sha256sum does.
class ChecksumManifest {
 public:
  // Path (relative to the manifest's base) -> 64 lower-case hex digits.
  using Entries = std::map<std::string, std::string>;

  ChecksumManifest() = default;
  explicit ChecksumManifest(Entries entries) : entries_(std::move(entries)) {}

  // Parses manifest text; throws std::runtime_error naming `source` and the line when a line
  // is not "HEX  path".
  static ChecksumManifest parse(std::string_view text, const std::string& source);

  void add(std::string path, std::string sha256) { entries_[std::move(path)] = std::move(sha256); }
  const Entries& entries() const { return entries_; }
  bool operator==(const ChecksumManifest&) const = default;
  // The digest listed for `path`, or nullptr.
  const std::string* find(std::string_view path) const;
  // The text of the manifest, entries sorted by path (byte order).
  std::string text() const;

 private:
  Entries entries_;
};

// Checks each listed file under `base` against its digest: the differences in words
// ("a/b.jar: checksum differs", "c.xml: missing"), empty when every file matches.
std::vector<std::string> check_files(const std::filesystem::path& base, const ChecksumManifest& manifest);

}  // namespace planrun
