#pragma once

#include <filesystem>
#include <string>

namespace planrun {

// The state's own random key for hashing secrets into fingerprints: <state_dir>/fingerprint.key,
// 32 random bytes, mode 0600, created once (written to a temp file and renamed, so a crash
// never leaves half a key). Throws StateError when it cannot be read or created.
std::string load_or_create_fingerprint_key(const std::filesystem::path& state_dir);

}  // namespace planrun
