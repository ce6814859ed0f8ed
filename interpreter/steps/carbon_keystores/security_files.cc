#include "interpreter/steps/carbon_keystores/security_files.h"

#include <algorithm>

#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

class FileList {
 public:
  FileList(const fs::path& old_home, const fs::path& new_home) : old_home_(old_home), new_home_(new_home) {}

  // Adds the file at `path` of the old home unless it is there already; `required`: a missing
  // one fails the step.
  void add(const std::string& what, const fs::path& path, bool required = true) {
    fs::path relative = path.lexically_normal().lexically_relative(fs::absolute(old_home_).lexically_normal());
    if (relative.empty() || *relative.begin() == "..") {
      out.notes.push_back(what + ": " + path.string() + " is outside the old home; both homes use it, nothing to carry");
      return;
    }
    bool listed = std::any_of(out.files.begin(), out.files.end(), [&](const CarriedFile& file) { return file.relative == relative; });
    if (listed) return;
    if (!fs::is_regular_file(path)) {
      if (!required) return;
      throw StepFailure(Kind::Failed, what + " names " + path.string() + ", which the old home does not have");
    }
    out.files.push_back({what, relative, old_home_ / relative, new_home_ / relative});
  }

  SecurityFiles out;

 private:
  fs::path old_home_, new_home_;
};

}  // namespace

SecurityFiles security_files(const fs::path& old_home, const fs::path& new_home, const CarbonSecurity& old) {
  FileList list(old_home, new_home);
  for (const CarbonKeyStore& store : old.key_stores) list.add(store.element + " (" + store.position + ")", store.path);
  const CarbonSecureVault& vault = old.secure_vault;
  if (vault.used) {
    list.add("secure vault: " + vault.secret_conf.filename().string(), vault.secret_conf, false);
    if (!fs::exists(vault.cipher_text))
      throw StepFailure(Kind::Failed, "the old home uses the secure vault (" + vault.used_at.front() + ") but has no " +
                                          vault.cipher_text.string());
    list.add("secure vault: cipher text", vault.cipher_text);
    if (vault.key_store) list.add("secure vault: key store (" + vault.secret_conf.string() + ")", *vault.key_store);
  }
  return list.out;
}

}  // namespace planrun
