#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/steps/update_config/text_edit.h"

namespace planrun {

// Edits of Carbon's XML files beyond what update-config's XPath edits do: secure-vault aliases
// (an attribute that may have to be added or removed, and the prefix it needs) and whole
// elements carried from the old home. Like update-config, they splice the original bytes.

// How a file is parsed so that pugixml's offsets are offsets into its bytes (as xml_changes does).
constexpr unsigned kByteOffsetParse = pugi::parse_default & ~pugi::parse_eol;

// Parses `text` with kByteOffsetParse; ConfigEditError at line:column when it is not well-formed.
void parse_for_edits(pugi::xml_document& document, std::string_view text);

// The namespace Carbon's secure vault attributes are in, bound to the prefix `svns`.
inline constexpr const char* kSecureVaultNamespace = "http://org.wso2.securevault/configuration";

// The edits that make `element` say its value is the secure-vault alias `alias`: its
// svns:secretAlias set (or added), and the root element given xmlns:svns when it lacks it.
// `element` and the root must be of a document parsed from `text` with kByteOffsetParse.
std::vector<TextEdit> secret_alias_edits(std::string_view text, const pugi::xml_document& document,
                                         const pugi::xml_node& element, const std::string& alias);

// The edit that removes `element`'s svns:secretAlias attribute, if it has one: a value written
// in plain must not be shadowed by an alias Carbon would look up instead.
std::optional<TextEdit> secret_alias_removal(std::string_view text, const pugi::xml_node& element);

// The bytes of `element` in `text`, from its '<' to the end of its end tag (the element's end
// tag is the first one of its name after it: true of Carbon's datasources and key stores).
std::string_view element_bytes(std::string_view text, const pugi::xml_node& element);

// The edit that inserts `element` (bytes from another file) as the last child of `parent`, on
// its own line, before the parent's end tag.
TextEdit insertion_before_end_of(std::string_view text, const pugi::xml_node& parent, std::string_view element, std::string where);

}  // namespace planrun
