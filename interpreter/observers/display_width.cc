#include "interpreter/observers/display_width.h"

namespace planrun {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

size_t display_width(std::string_view text) {
  size_t columns = 0;
  for (char c : text) columns += !continuation_byte(c);
  return columns;
}

std::string truncate_to_width(std::string_view text, size_t width) {
  size_t columns = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if (continuation_byte(text[at])) continue;
    if (columns == width) return std::string(text.substr(0, at));
    ++columns;
  }
  return std::string(text);
}

std::string pad_to_width(std::string_view text, size_t width) {
  std::string padded(text);
  size_t columns = display_width(text);
  if (columns < width) padded.append(width - columns, ' ');
  return padded;
}

}  // namespace planrun
