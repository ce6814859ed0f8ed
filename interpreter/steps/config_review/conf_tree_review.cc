#include "interpreter/steps/config_review/conf_tree_review.h"

#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "interpreter/files/exclude_patterns.h"
#include "interpreter/files/tree_walk.h"
#include "interpreter/steps/config_review/properties_review.h"
#include "interpreter/steps/config_review/xml_review.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;

// The files and symbolic links under `root` by relative path: directories only hold them, and
// sockets or fifos are no configuration.
std::map<std::string, TreeEntry> files_under(const fs::path& root, const ExcludePatterns& exclude) {
  std::map<std::string, TreeEntry> found;
  SkipEntry skip = [&](const std::string& relative, const struct stat&) { return exclude.excludes(relative); };
  for (TreeEntry& entry : walk_tree(root, skip)) {
    EntryKind kind = kind_of(entry.status);
    if (kind != EntryKind::RegularFile && kind != EntryKind::Symlink) continue;
    std::string relative = entry.relative;
    found.emplace(std::move(relative), std::move(entry));
  }
  return found;
}

class TreeReview {
 public:
  TreeReview(const fs::path& old_root, const fs::path& new_root, const FileSystem& files)
      : old_root_(old_root), new_root_(new_root), files_(files) {}

  std::vector<std::string> lines;

  void review(const std::string& relative, const TreeEntry& fresh, const TreeEntry& old) {
    EntryKind fresh_kind = kind_of(fresh.status), old_kind = kind_of(old.status);
    if (fresh_kind == EntryKind::Symlink || old_kind == EntryKind::Symlink) {
      if (fresh_kind != old_kind) lines.push_back("differs: " + relative + " (a symbolic link on one side only)");
      else if (fresh.link_target != old.link_target)
        lines.push_back("differs: " + relative + " (symbolic link to " + fresh.link_target + " (new pack) -> " +
                        old.link_target + " (old home))");
      return;
    }
    std::optional<std::string> fresh_text = read(new_root_, relative, "new pack"), old_text = read(old_root_, relative, "old home");
    if (!fresh_text || !old_text || *fresh_text == *old_text) return;
    std::string extension = fs::path(relative).extension().string();
    if (extension == ".xml") review_xml(relative, *fresh_text, *old_text);
    else if (extension == ".properties") review_properties(relative, *fresh_text, *old_text);
    else lines.push_back("differs: " + relative);
  }

 private:
  std::optional<std::string> read(const fs::path& root, const std::string& relative, const char* side) {
    try {
      if (std::optional<std::string> text = files_.read_file(root / relative)) return text;
      lines.push_back("cannot read: " + relative + " (" + side + "): it is gone");
    } catch (const std::runtime_error& error) {  // EnvironmentError, std::system_error: a file the operator may not read
      lines.push_back("cannot read: " + relative + " (" + side + "): " + error.what());
    }
    return std::nullopt;
  }

  void review_xml(const std::string& relative, const std::string& fresh_text, const std::string& old_text) {
    pugi::xml_document fresh, old;
    std::string fresh_error = parse_xml_settings(fresh, fresh_text), old_error = parse_xml_settings(old, old_text);
    if (!old_error.empty()) lines.push_back("malformed XML: " + relative + ":" + old_error + " (old home)");
    if (!fresh_error.empty()) lines.push_back("malformed XML: " + relative + ":" + fresh_error + " (new pack)");
    if (!old_error.empty() || !fresh_error.empty()) return;
    for (const SettingDifference& difference : xml_differences(fresh, old)) lines.push_back(review_line(relative, difference));
  }

  void review_properties(const std::string& relative, const std::string& fresh_text, const std::string& old_text) {
    bool cipher_texts = fs::path(relative).filename() == "cipher-text.properties";  // the secure vault's encrypted passwords
    for (const SettingDifference& difference : properties_differences(fresh_text, old_text, cipher_texts))
      lines.push_back(review_line(relative, difference));
  }

  const fs::path& old_root_;
  const fs::path& new_root_;
  const FileSystem& files_;
};

}  // namespace

std::vector<std::string> review_conf_trees(const fs::path& old_root, const fs::path& new_root,
                                           const std::vector<std::string>& exclude, const FileSystem& files) {
  ExcludePatterns excluded(exclude);
  std::map<std::string, TreeEntry> old_files = files_under(old_root, excluded), new_files = files_under(new_root, excluded);
  std::set<std::string> paths;
  for (const auto& [relative, entry] : old_files) paths.insert(relative);
  for (const auto& [relative, entry] : new_files) paths.insert(relative);
  TreeReview review(old_root, new_root, files);
  for (const std::string& relative : paths) {
    auto old = old_files.find(relative), fresh = new_files.find(relative);
    if (fresh == new_files.end()) review.lines.push_back("only in old: " + relative);
    else if (old == old_files.end()) review.lines.push_back("only in new: " + relative);
    else review.review(relative, fresh->second, old->second);
  }
  return review.lines;
}

}  // namespace planrun
