#include "interpreter/steps/config_review/xml_review.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "interpreter/diagnostics/source_location.h"

namespace planrun {
namespace {

using Kind = SettingDifference::Kind;
using Nodes = std::vector<pugi::xml_node>;

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Blanks around dropped, runs of blanks inside as one space: re-indenting is no difference.
std::string collapsed(std::string_view text) {
  std::string out;
  bool blank_before = false;
  for (char c : text) {
    if (blank(c)) {
      blank_before = !out.empty();
      continue;
    }
    if (blank_before) out += ' ';
    blank_before = false;
    out += c;
  }
  return out;
}

// An element's own text (CDATA included), not its children's.
std::string text_of(const pugi::xml_node& element) {
  std::string text;
  for (pugi::xml_node child : element.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
  return collapsed(text);
}

bool has_child_elements(const pugi::xml_node& element) {
  for (pugi::xml_node child : element.children())
    if (child.type() == pugi::node_element) return true;
  return false;
}

bool has_secret_alias(const pugi::xml_node& element) {
  for (pugi::xml_attribute attribute : element.attributes()) {
    std::string_view name = attribute.name();
    if (name == "secretAlias" || name.ends_with(":secretAlias")) return true;
  }
  return false;
}

// `<Password>`, `<Property name="ConnectionPassword">`, `<password svns:secretAlias="...">`.
bool secret_text(const pugi::xml_node& element) {
  return names_a_password(element.name()) || names_a_password(element.attribute("name").value()) || has_secret_alias(element);
}

// An attribute that names a password, or any but `name` of an element named as one
// (`<parameter name="password" value="...">`).
bool secret_attribute(const pugi::xml_node& element, const pugi::xml_attribute& attribute) {
  if (names_a_password(attribute.name())) return true;
  return std::strcmp(attribute.name(), "name") != 0 && names_a_password(element.attribute("name").value());
}

// What names each of the same-named siblings of one parent, on each side.
struct Labels {
  std::vector<std::string> fresh, old;
  std::string key_attribute;  // the attribute that tells them apart, if one does
};

using ValueOf = std::function<std::optional<std::string>(const pugi::xml_node&)>;

// `value_of` each node, when every node has one and no two are equal.
std::optional<std::vector<std::string>> distinct_values(const Nodes& nodes, const ValueOf& value_of) {
  std::vector<std::string> values;
  std::set<std::string> seen;
  for (const pugi::xml_node& node : nodes) {
    std::optional<std::string> value = value_of(node);
    if (!value || !seen.insert(*value).second) return std::nullopt;
    values.push_back(*value);
  }
  return values;
}

std::optional<Labels> labels_by(const std::string& opening, const Nodes& fresh, const Nodes& old, const ValueOf& value_of) {
  std::optional<std::vector<std::string>> fresh_values = distinct_values(fresh, value_of), old_values = distinct_values(old, value_of);
  if (!fresh_values || !old_values) return std::nullopt;
  Labels labels;
  for (const std::string& value : *fresh_values) labels.fresh.push_back(opening + value + "]");
  for (const std::string& value : *old_values) labels.old.push_back(opening + value + "]");
  return labels;
}

// `found`'s names, with name, id and key first when it has them; never one that names a password
// (nor, below, one whose value is a secret on any sibling).
std::vector<std::string> key_candidates(std::vector<std::string> found) {
  std::vector<std::string> candidates;
  for (const char* preferred : {"name", "id", "key"})
    if (std::find(found.begin(), found.end(), preferred) != found.end()) candidates.push_back(preferred);
  for (const std::string& name : found)
    if (std::find(candidates.begin(), candidates.end(), name) == candidates.end() && !names_a_password(name))
      candidates.push_back(name);
  return candidates;
}

std::vector<std::string> attribute_names(const pugi::xml_node& element) {
  std::vector<std::string> names;
  for (pugi::xml_attribute attribute : element.attributes()) names.push_back(attribute.name());
  return names;
}

std::vector<std::string> child_names(const pugi::xml_node& element) {
  std::vector<std::string> names;
  for (pugi::xml_node child : element.children())
    if (child.type() == pugi::node_element) names.push_back(child.name());
  return names;
}

// The text of the one child element called `name`, when it holds no elements itself and no secret.
std::optional<std::string> leaf_child_text(const pugi::xml_node& element, const std::string& name) {
  pugi::xml_node found;
  for (pugi::xml_node child : element.children(name.c_str())) {
    if (found) return std::nullopt;
    found = child;
  }
  if (!found || has_child_elements(found) || secret_text(found)) return std::nullopt;  // a label is always shown
  return text_of(found);
}

Labels labels_of(const std::string& name, const Nodes& fresh, const Nodes& old) {
  if (fresh.size() <= 1 && old.size() <= 1)
    return {std::vector<std::string>(fresh.size(), name), std::vector<std::string>(old.size(), name), ""};
  const pugi::xml_node& first = fresh.empty() ? old.front() : fresh.front();
  for (const std::string& attribute : key_candidates(attribute_names(first))) {
    ValueOf value_of = [&](const pugi::xml_node& node) -> std::optional<std::string> {
      pugi::xml_attribute found = node.attribute(attribute.c_str());
      if (!found || secret_attribute(node, found)) return std::nullopt;  // a label is always shown
      return std::string(found.value());
    };
    if (std::optional<Labels> labels = labels_by(name + "[@" + attribute + "=", fresh, old, value_of)) {
      labels->key_attribute = attribute;
      return *labels;
    }
  }
  for (const std::string& child : key_candidates(child_names(first))) {
    ValueOf value_of = [&](const pugi::xml_node& node) { return leaf_child_text(node, child); };
    if (std::optional<Labels> labels = labels_by(name + "[" + child + "=", fresh, old, value_of)) return *labels;
  }
  Labels labels;
  for (size_t i = 0; i < fresh.size(); ++i) labels.fresh.push_back(name + "[" + std::to_string(i + 1) + "]");
  for (size_t i = 0; i < old.size(); ++i) labels.old.push_back(name + "[" + std::to_string(i + 1) + "]");
  return labels;
}

// An element only one side has, as shown: its text and attributes (but the one in its label),
// when it holds no elements.
std::optional<std::string> whole_element_shown(const pugi::xml_node& element, const std::string& key_attribute) {
  if (has_child_elements(element)) return std::nullopt;
  std::string text = text_of(element);
  std::string shown = text.empty() ? "" : shown_value(text, secret_text(element));
  for (pugi::xml_attribute attribute : element.attributes()) {
    if (attribute.name() == key_attribute) continue;
    shown += (shown.empty() ? "@" : " @") + std::string(attribute.name()) + "=" +
             shown_value(attribute.value(), secret_attribute(element, attribute));
  }
  return shown.empty() ? std::nullopt : std::optional<std::string>(shown);
}

class XmlComparison {
 public:
  std::vector<SettingDifference> differences;

  // The child elements of `fresh` and `old`, matched by name and label.
  void compare_children(const pugi::xml_node& fresh, const pugi::xml_node& old, const std::string& path) {
    std::vector<std::string> names;
    std::map<std::string, std::pair<Nodes, Nodes>> by_name;
    for (const pugi::xml_node* parent : {&fresh, &old}) {
      for (pugi::xml_node child : parent->children()) {
        if (child.type() != pugi::node_element) continue;
        auto [entry, added] = by_name.try_emplace(child.name());
        if (added) names.push_back(child.name());
        (parent == &fresh ? entry->second.first : entry->second.second).push_back(child);
      }
    }
    for (const std::string& name : names) compare_siblings(by_name[name].first, by_name[name].second, path, name);
  }

 private:
  void compare_siblings(const Nodes& fresh, const Nodes& old, const std::string& path, const std::string& name) {
    Labels labels = labels_of(name, fresh, old);
    std::map<std::string, size_t> old_at;
    for (size_t i = 0; i < old.size(); ++i) old_at[labels.old[i]] = i;
    std::vector<bool> matched(old.size(), false);
    for (size_t i = 0; i < fresh.size(); ++i) {
      std::string where = path + "/" + labels.fresh[i];
      auto found = old_at.find(labels.fresh[i]);
      if (found == old_at.end()) {
        differences.push_back({Kind::OnlyInNew, where, whole_element_shown(fresh[i], labels.key_attribute), std::nullopt});
        continue;
      }
      matched[found->second] = true;
      compare_elements(fresh[i], old[found->second], where);
    }
    for (size_t i = 0; i < old.size(); ++i)
      if (!matched[i])
        differences.push_back({Kind::OnlyInOld, path + "/" + labels.old[i], std::nullopt, whole_element_shown(old[i], labels.key_attribute)});
  }

  void compare_elements(const pugi::xml_node& fresh, const pugi::xml_node& old, const std::string& path) {
    std::string fresh_text = text_of(fresh), old_text = text_of(old);
    if (fresh_text != old_text) {
      bool secret = secret_text(fresh) || secret_text(old);
      differences.push_back({Kind::Changed, path, shown_value(fresh_text, secret), shown_value(old_text, secret)});
    }
    compare_attributes(fresh, old, path);
    compare_children(fresh, old, path);
  }

  void compare_attributes(const pugi::xml_node& fresh, const pugi::xml_node& old, const std::string& path) {
    for (pugi::xml_attribute attribute : fresh.attributes()) {
      pugi::xml_attribute other = old.attribute(attribute.name());
      bool secret = secret_attribute(fresh, attribute) || (other && secret_attribute(old, other));
      std::string where = path + "/@" + attribute.name();
      if (!other) differences.push_back({Kind::OnlyInNew, where, shown_value(attribute.value(), secret), std::nullopt});
      else if (std::strcmp(attribute.value(), other.value()) != 0)
        differences.push_back({Kind::Changed, where, shown_value(attribute.value(), secret), shown_value(other.value(), secret)});
    }
    for (pugi::xml_attribute attribute : old.attributes())
      if (!fresh.attribute(attribute.name()))
        differences.push_back({Kind::OnlyInOld, path + "/@" + attribute.name(), std::nullopt,
                               shown_value(attribute.value(), secret_attribute(old, attribute))});
  }
};

}  // namespace

std::string parse_xml_settings(pugi::xml_document& document, std::string_view text) {
  pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size(), pugi::parse_default);
  if (parsed) return "";
  return line_column(text, static_cast<size_t>(parsed.offset)) + ": " + parsed.description();
}

std::vector<SettingDifference> xml_differences(const pugi::xml_document& new_document, const pugi::xml_document& old_document) {
  XmlComparison comparison;
  comparison.compare_children(new_document, old_document, "");
  return comparison.differences;
}

}  // namespace planrun
