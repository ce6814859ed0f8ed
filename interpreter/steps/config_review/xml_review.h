#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/steps/config_review/setting_difference.h"

namespace planrun {

// Parses `text` into `document` (comments and blank text left out): "" when it is well formed,
// else "LINE:COLUMN: what is wrong" (pugixml's words: "Start-end tags mismatch").
std::string parse_xml_settings(pugi::xml_document& document, std::string_view text);

// The settings of two XML documents that differ. A setting is an element's text (blanks around
// it dropped, runs of blanks inside it as one space) or one of its attributes, named by a path of
// element names: `/Server/Ports/Offset`, `/Server/Ports/@enabled`. Where an element's siblings
// of the same name repeat (on either side), each is named by what tells them apart: an
// attribute (`Property[@name=dataSource]`; `name`, `id`, `key` first, then any), else a child's
// text (`datasource[name=WSO2_CARBON_DB]`), else its position (`module[2]`). An element one side
// lacks is one difference, with its text and attributes when it has no child elements.
// Comments and formatting are no difference. Secrets show as ***: the text of an element whose
// name or `name` attribute names a password or that has a secure-vault alias
// (`svns:secretAlias`), and attributes that name a password.
std::vector<SettingDifference> xml_differences(const pugi::xml_document& new_document, const pugi::xml_document& old_document);

}  // namespace planrun
