#include "interpreter/process/line_splitter.h"

namespace planrun {

void LineSplitter::feed(std::string_view chunk, const LineHandler& on_line) {
  while (!chunk.empty()) {
    size_t newline = chunk.find('\n');
    size_t take = std::min(newline == std::string_view::npos ? chunk.size() : newline, max_line_ - partial_.size());
    partial_.append(chunk.substr(0, take));
    chunk.remove_prefix(take);
    bool line_ended = !chunk.empty() && chunk.front() == '\n';
    if (line_ended) chunk.remove_prefix(1);
    if (line_ended || partial_.size() >= max_line_) emit(on_line);
  }
}

void LineSplitter::finish(const LineHandler& on_line) {
  if (!partial_.empty()) emit(on_line);
}

void LineSplitter::emit(const LineHandler& on_line) {
  if (!partial_.empty() && partial_.back() == '\r') partial_.pop_back();
  std::string line;
  line.swap(partial_);
  on_line(line);
}

}  // namespace planrun
