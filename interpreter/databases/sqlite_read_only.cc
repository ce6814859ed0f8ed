#include "interpreter/databases/sqlite_read_only.h"

namespace planrun {

namespace fs = std::filesystem;

namespace {

// A file: URI for the path: '%', '?' and '#' would otherwise end or escape it.
std::string file_uri(const fs::path& file) {
  static const char* digits = "0123456789ABCDEF";
  std::string uri = "file:";
  for (char c : fs::absolute(file).string()) {
    if (c == '%' || c == '?' || c == '#') {
      uri += '%';
      uri += digits[static_cast<unsigned char>(c) >> 4];
      uri += digits[c & 15];
    } else {
      uri += c;
    }
  }
  return uri;
}

}  // namespace

std::string sqlite_read_only_uri(const fs::path& file) {
  bool writer_files = fs::exists(file.string() + "-wal");
  return file_uri(file) + (writer_files ? "?mode=ro" : "?mode=ro&immutable=1");
}

}  // namespace planrun
