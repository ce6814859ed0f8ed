// Java properties, read as java.util.Properties.load reads them (properties_reader.h). The
// value of each line that defines the key is replaced, up to the end of its logical line; the
// key, its separator and every other byte stay as they were.

#include <cstdint>

#include "interpreter/steps/update_config/config_changes.h"
#include "interpreter/steps/update_config/properties_reader.h"

namespace planrun {
namespace {

std::string hex4(uint32_t unit) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out = "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(unit >> shift) & 0xF];
  return out;
}

// Decodes one UTF-8 sequence at text[at], advancing at; a broken byte stands for itself.
uint32_t decode_utf8(const std::string& text, size_t& at) {
  unsigned char lead = static_cast<unsigned char>(text[at++]);
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  uint32_t code = extra == 3 ? lead & 0x07 : extra == 2 ? lead & 0x0F : extra == 1 ? lead & 0x1F : lead;
  for (int i = 0; i < extra && at < text.size(); ++i) code = (code << 6) | (static_cast<unsigned char>(text[at++]) & 0x3F);
  return code;
}

// The value as a properties file holds it: readable by load(InputStream) (ISO-8859-1) and
// load(Reader) alike, since everything outside printable ASCII is a \u escape.
std::string escaped_value(const std::string& value) {
  std::string out;
  for (size_t at = 0; at < value.size();) {
    char c = value[at];
    if (c == '\\') out += "\\\\", ++at;
    else if (c == '\t') out += "\\t", ++at;
    else if (c == '\n') out += "\\n", ++at;
    else if (c == '\r') out += "\\r", ++at;
    else if (c == '\f') out += "\\f", ++at;
    else if (c == ' ' && at == 0) out += "\\ ", ++at;
    else if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F) out += c, ++at;
    else {
      uint32_t code = decode_utf8(value, at);
      if (code >= 0x10000) out += hex4(0xD800 + ((code - 0x10000) >> 10)) + hex4(0xDC00 + ((code - 0x10000) & 0x3FF));
      else out += hex4(code);
    }
  }
  return out;
}

}  // namespace

ConfigChanges properties_changes(std::string_view text, const std::vector<ConfigAssignment>& assignments) {
  std::vector<PropertiesReader::Entry> entries;
  PropertiesReader reader(text);
  for (PropertiesReader::Entry entry; reader.next(entry);) entries.push_back(entry);
  ConfigChanges changes;
  for (const ConfigAssignment& assignment : assignments) {
    bool found = false;
    for (const PropertiesReader::Entry& entry : entries) {
      if (entry.key != assignment.where) continue;
      found = true;
      changes.edits.push_back({entry.value_start, entry.value_end - entry.value_start,
                               escaped_value(assignment.value.to_text()), assignment.value.contains_secret(),
                               assignment.where});
    }
    if (found) continue;
    if (!assignment.optional) throw ConfigEditError("property '" + assignment.where + "' is not in the file");
    changes.skipped.push_back(assignment.where);
  }
  return changes;
}

}  // namespace planrun
