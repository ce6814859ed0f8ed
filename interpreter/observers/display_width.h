#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace planrun {

// Terminal columns taken by UTF-8 text, counting one per character: step ids and messages are
// mostly ASCII, and wide (CJK) characters are rare enough in them not to need a width table.
size_t display_width(std::string_view text);

// The text cut to at most `width` columns, never inside a character.
std::string truncate_to_width(std::string_view text, size_t width);

// The text followed by spaces up to `width` columns.
std::string pad_to_width(std::string_view text, size_t width);

}  // namespace planrun
