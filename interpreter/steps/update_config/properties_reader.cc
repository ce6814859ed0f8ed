#include "interpreter/steps/update_config/properties_reader.h"

#include <cstdint>
#include <cstdlib>

namespace planrun {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool line_end(char c) { return c == '\n' || c == '\r'; }

std::string utf8(uint32_t code) {
  std::string out;
  if (code < 0x80) return out += static_cast<char>(code), out;
  if (code < 0x800) return out += static_cast<char>(0xC0 | (code >> 6)), out += static_cast<char>(0x80 | (code & 0x3F)), out;
  out += static_cast<char>(0xE0 | (code >> 12));
  out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (code & 0x3F));
  return out;
}

}  // namespace

bool PropertiesReader::next(Entry& entry) {
  while (at_ < text_.size()) {
    while (at_ < text_.size() && blank(text_[at_])) ++at_;
    if (at_ < text_.size() && (text_[at_] == '#' || text_[at_] == '!')) skip_to_next_line();
    else if (at_ < text_.size() && line_end(text_[at_])) skip_line_break();
    else if (at_ < text_.size()) return read_entry(entry);
  }
  return false;
}

void PropertiesReader::skip_to_next_line() {
  while (at_ < text_.size() && !line_end(text_[at_])) ++at_;
  skip_line_break();
}

void PropertiesReader::skip_line_break() {
  if (at_ < text_.size() && text_[at_] == '\r') ++at_;
  if (at_ < text_.size() && text_[at_] == '\n') ++at_;
}

// A backslash before a line break joins the next line, without its leading blanks.
bool PropertiesReader::continuation() {
  if (at_ + 1 >= text_.size() || text_[at_] != '\\' || !line_end(text_[at_ + 1])) return false;
  ++at_;
  skip_line_break();
  while (at_ < text_.size() && blank(text_[at_])) ++at_;
  return true;
}

void PropertiesReader::skip_blanks() {
  while (at_ < text_.size() && (blank(text_[at_]) || continuation())) {
    if (at_ < text_.size() && blank(text_[at_])) ++at_;
  }
}

bool PropertiesReader::read_entry(Entry& entry) {
  entry.key.clear();
  entry.value.clear();
  while (at_ < text_.size() && !line_end(text_[at_])) {
    if (continuation()) continue;
    char c = text_[at_];
    if (blank(c) || c == '=' || c == ':') break;
    if (c == '\\') entry.key += unescape();
    else entry.key += c, ++at_;
  }
  skip_blanks();
  if (at_ < text_.size() && (text_[at_] == '=' || text_[at_] == ':')) ++at_;
  skip_blanks();
  entry.value_start = at_;
  while (at_ < text_.size() && !line_end(text_[at_])) {
    if (continuation()) continue;
    if (text_[at_] == '\\') entry.value += unescape();
    else entry.value += text_[at_++];
  }
  entry.value_end = at_;
  skip_line_break();
  return true;
}

// The character after a backslash, as UTF-8; a backslash that ends the text stands for nothing.
std::string PropertiesReader::unescape() {
  if (at_ + 1 >= text_.size()) return ++at_, "";
  char c = text_[at_ + 1];
  at_ += 2;
  if (c == 't') return "\t";
  if (c == 'n') return "\n";
  if (c == 'r') return "\r";
  if (c == 'f') return "\f";
  if (c != 'u' || at_ + 4 > text_.size()) return std::string(1, c);
  std::string digits(text_.substr(at_, 4));
  char* end = nullptr;
  uint32_t code = static_cast<uint32_t>(std::strtoul(digits.c_str(), &end, 16));
  if (end != digits.c_str() + 4) return "u";  // malformed: Java refuses the file; the key will not match
  at_ += 4;
  return utf8(code);
}

}  // namespace planrun
