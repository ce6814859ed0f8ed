#include "interpreter/steps/carbon_keystores/security_settings.h"

#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/carbon_connect/carbon_xml_edits.h"
#include "interpreter/steps/update_config/config_changes.h"
#include "interpreter/steps/update_config/unified_diff.h"

namespace planrun {
namespace {

std::string setting_xpath(const CarbonKeyStore& store, const std::string& setting) {
  return "/Server/Security/" + store.element + "/" + setting;
}

// The old entries the new file lacks, added whole before </Security>.
std::string with_carried_entries(const std::string& text, const std::string& old_text, const CarbonSecurity& old,
                                 std::vector<std::string>& notes) {
  pugi::xml_document document, old_document;
  parse_for_edits(document, text);
  parse_for_edits(old_document, old_text);
  pugi::xml_node security = document.child("Server").child("Security");
  if (!security) throw ConfigEditError("no <Server><Security> to set the key stores in");
  std::vector<TextEdit> insertions;
  for (const CarbonKeyStore& store : old.key_stores) {
    if (security.child(store.element.c_str())) continue;
    pugi::xml_node element = old_document.child("Server").child("Security").child(store.element.c_str());
    insertions.push_back(insertion_before_end_of(text, security, element_bytes(old_text, element), store.element));
    notes.push_back("adds <" + store.element + "> as the old home has it (" + store.position + ")");
  }
  return apply_edits(text, std::move(insertions));
}

struct PasswordSetting {
  std::string name;  // "Password", "KeyPassword"
  std::string old_text;
  std::optional<std::string> old_alias;
};

std::vector<TextEdit> password_edits(const std::string& text, const pugi::xml_document& document, const CarbonKeyStore& store,
                                     const PasswordSetting& setting, const std::map<std::string, Value>& passwords) {
  std::string where = setting_xpath(store, setting.name);
  pugi::xml_node element = document.select_node(where.c_str()).node();
  if (!element) return {};
  auto given = passwords.find(store.element + "." + setting.name);
  if (setting.old_text.empty() && !setting.old_alias && given == passwords.end()) return {};  // the old entry has none
  bool keeps_alias = setting.old_alias && given == passwords.end();
  Value value = given != passwords.end() ? given->second : Value(setting.old_text);
  std::vector<TextEdit> edits = xml_changes(text, {{where, value.mark_secret(), false}}, {}).edits;
  if (keeps_alias) {
    std::vector<TextEdit> alias = secret_alias_edits(text, document, element, *setting.old_alias);
    edits.insert(edits.end(), alias.begin(), alias.end());
  } else if (std::optional<TextEdit> removal = secret_alias_removal(text, element)) {
    edits.push_back(*removal);
  }
  return edits;
}

std::vector<TextEdit> store_edits(const std::string& text, const pugi::xml_document& document, const CarbonKeyStore& store,
                                  const std::map<std::string, Value>& passwords, std::vector<std::string>& notes) {
  std::vector<ConfigAssignment> plain{{setting_xpath(store, "Location"), Value(store.location), false}};
  if (!store.type.empty()) plain.push_back({setting_xpath(store, "Type"), Value(store.type), true});
  if (!store.key_alias.empty()) plain.push_back({setting_xpath(store, "KeyAlias"), Value(store.key_alias), true});
  ConfigChanges changes = xml_changes(text, plain, {});
  for (const std::string& skipped : changes.skipped) notes.push_back("the new carbon.xml has no " + skipped + "; left as it is");
  std::vector<TextEdit> edits = changes.edits;
  for (const PasswordSetting& setting : {PasswordSetting{"Password", store.password, store.password_alias},
                                         PasswordSetting{"KeyPassword", store.key_password, store.key_password_alias}}) {
    std::vector<TextEdit> more = password_edits(text, document, store, setting, passwords);
    edits.insert(edits.end(), more.begin(), more.end());
  }
  return edits;
}

}  // namespace

SecuritySettingsChange carry_security_settings(const std::filesystem::path& new_file, const std::string& new_text,
                                               const std::string& old_text, const CarbonSecurity& old,
                                               const std::map<std::string, Value>& passwords) {
  SecuritySettingsChange change{new_text, "", {}, {}};
  try {
    std::string base = with_carried_entries(new_text, old_text, old, change.notes);
    pugi::xml_document document;
    parse_for_edits(document, base);
    std::vector<TextEdit> edits;
    for (const CarbonKeyStore& store : old.key_stores) {
      std::vector<TextEdit> more = store_edits(base, document, store, passwords, change.notes);
      edits.insert(edits.end(), more.begin(), more.end());
    }
    change.after = apply_edits(base, edits);
    RedactedTexts shown = redacted_texts(base, std::move(edits));
    change.diff = unified_diff({base, change.after, shown.before, shown.after}, new_file.string());
  } catch (const ConfigEditError& error) {
    throw StepFailure(StepFailure::Kind::Failed, new_file.string() + ": " + error.what());
  }
  return change;
}

}  // namespace planrun
