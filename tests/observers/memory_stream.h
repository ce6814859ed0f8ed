#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace planrun::testing {

// A FILE* that writes into memory, standing in for stderr or stdout in observer tests.
class MemoryStream {
 public:
  MemoryStream() : file_(::open_memstream(&buffer_, &size_)) {
    if (!file_) std::abort();
  }
  ~MemoryStream() {
    std::fclose(file_);
    std::free(buffer_);
  }
  MemoryStream(const MemoryStream&) = delete;
  MemoryStream& operator=(const MemoryStream&) = delete;

  FILE* file() const { return file_; }
  std::string text() const {
    std::fflush(file_);
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  size_t size_ = 0;
  FILE* file_;
};

}  // namespace planrun::testing
