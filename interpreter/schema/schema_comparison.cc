#include "interpreter/schema/schema_comparison.h"

#include <functional>
#include <optional>
#include <set>
#include <utility>

namespace planrun {
namespace {

using Kind = SchemaDifference::Kind;
using Differences = std::vector<SchemaDifference>;

// An index, key or foreign key as the matcher sees it: its name, what identifies it without
// the name, how a report shows it, and the aspects a "changed" names one by one.
struct Comparable {
  std::string name;
  std::string content;
  std::string description;
  std::vector<std::pair<std::string, std::string>> aspects;
};

void add(Differences& out, Kind kind, std::string object, std::string reference, std::string actual) {
  out.push_back({kind, std::move(object), std::move(reference), std::move(actual), false});
}

void compare_aspects(const std::string& object, const Comparable& reference, const Comparable& actual, Differences& out) {
  for (size_t i = 0; i < reference.aspects.size() && i < actual.aspects.size(); ++i)
    if (reference.aspects[i].second != actual.aspects[i].second)
      add(out, Kind::Changed, object + " " + reference.aspects[i].first, reference.aspects[i].second,
          actual.aspects[i].second);
}

// Matches by name (unless names are ignored or absent), then what is left by content; reports
// renames, changed aspects, and what stays unmatched on either side.
void compare_objects(const std::string& prefix, const std::vector<Comparable>& reference,
                     const std::vector<Comparable>& actual, bool ignore_names, Differences& out) {
  auto label = [&](const Comparable& item) {
    return prefix + " " + (ignore_names || item.name.empty() ? item.content : item.name);
  };
  std::vector<bool> reference_used(reference.size()), actual_used(actual.size());
  if (!ignore_names)
    for (size_t r = 0; r < reference.size(); ++r)
      for (size_t a = 0; a < actual.size() && !reference[r].name.empty(); ++a)
        if (!actual_used[a] && actual[a].name == reference[r].name) {
          reference_used[r] = actual_used[a] = true;
          compare_aspects(label(reference[r]), reference[r], actual[a], out);
          break;
        }
  for (size_t r = 0; r < reference.size(); ++r)
    for (size_t a = 0; a < actual.size() && !reference_used[r]; ++a)
      if (!actual_used[a] && actual[a].content == reference[r].content) {
        reference_used[r] = actual_used[a] = true;
        if (!ignore_names && reference[r].name != actual[a].name)
          add(out, Kind::Changed, label(reference[r]) + " name", reference[r].name.empty() ? "(no name)" : reference[r].name,
              actual[a].name.empty() ? "(no name)" : actual[a].name);
        compare_aspects(label(reference[r]), reference[r], actual[a], out);
      }
  for (size_t r = 0; r < reference.size(); ++r)
    if (!reference_used[r]) add(out, Kind::Missing, label(reference[r]), reference[r].description, "absent");
  for (size_t a = 0; a < actual.size(); ++a)
    if (!actual_used[a]) add(out, Kind::Extra, label(actual[a]), "absent", actual[a].description);
}

Comparable comparable_key(const SchemaKey& key) {
  std::string columns = column_list(key.columns);
  return {key.name, columns, columns, {{"columns", columns}}};
}

Comparable comparable_index(const SchemaIndex& index) {
  std::string columns = column_list(index.columns);
  std::string content = columns + (index.unique ? " unique" : "");
  std::string method = index.method.empty() ? "(none)" : index.method;
  return {index.name,
          content,
          content + (index.method.empty() ? "" : " " + index.method),
          {{"columns", columns}, {"unique", index.unique ? "unique" : "not unique"}, {"method", method}}};
}

Comparable comparable_foreign_key(const SchemaForeignKey& key) {
  std::string references = key.referenced_table + " " + column_list(key.referenced_columns);
  std::string content = column_list(key.columns) + " -> " + references;
  return {key.name,
          content,
          content + " ON DELETE " + key.on_delete + " ON UPDATE " + key.on_update,
          {{"columns", column_list(key.columns)},
           {"references", references},
           {"on delete", key.on_delete},
           {"on update", key.on_update}}};
}

template <class Item>
std::vector<Comparable> comparables(const std::vector<Item>& items, Comparable (*make)(const Item&)) {
  std::vector<Comparable> result;
  for (const Item& item : items) result.push_back(make(item));
  return result;
}

std::string nullability(const SchemaColumn& column) { return column.nullable ? "NULL" : "NOT NULL"; }
std::string default_words(const SchemaColumn& column) { return column.default_text.value_or("(no default)"); }

std::string column_words(const SchemaColumn& column) {
  return column.type + " " + nullability(column) + (column.default_text ? " DEFAULT " + *column.default_text : "");
}

void compare_columns(const std::string& table, const SchemaTable& reference, const SchemaTable& actual, Differences& out) {
  auto find = [](const SchemaTable& in, const std::string& name) -> const SchemaColumn* {
    for (const SchemaColumn& column : in.columns)
      if (column.name == name) return &column;
    return nullptr;
  };
  for (const SchemaColumn& wanted : reference.columns) {
    std::string object = table + " column " + wanted.name;
    const SchemaColumn* found = find(actual, wanted.name);
    if (!found) {
      add(out, Kind::Missing, object, column_words(wanted), "absent");
      continue;
    }
    if (wanted.type != found->type) add(out, Kind::Changed, object + " type", wanted.type, found->type);
    if (wanted.nullable != found->nullable) add(out, Kind::Changed, object + " null", nullability(wanted), nullability(*found));
    if (wanted.default_text != found->default_text)
      add(out, Kind::Changed, object + " default", default_words(wanted), default_words(*found));
  }
  for (const SchemaColumn& column : actual.columns)
    if (!find(reference, column.name)) add(out, Kind::Extra, table + " column " + column.name, "absent", column_words(column));
}

std::vector<Comparable> primary_key(const SchemaTable& table) {
  if (!table.primary_key) return {};
  Comparable key = comparable_key(*table.primary_key);
  key.content = "";  // a table has one: it matches the other side's whatever its columns
  return {key};
}

void compare_primary_keys(const std::string& table, const SchemaTable& reference, const SchemaTable& actual,
                          bool ignore_names, Differences& out) {
  std::vector<Comparable> wanted = primary_key(reference), found = primary_key(actual);
  if (wanted.empty() || found.empty()) {
    if (!wanted.empty()) add(out, Kind::Missing, table + " primary key", wanted.front().description, "absent");
    if (!found.empty()) add(out, Kind::Extra, table + " primary key", "absent", found.front().description);
    return;
  }
  if (!ignore_names && wanted.front().name != found.front().name)
    add(out, Kind::Changed, table + " primary key name", wanted.front().name.empty() ? "(no name)" : wanted.front().name,
        found.front().name.empty() ? "(no name)" : found.front().name);
  compare_aspects(table + " primary key", wanted.front(), found.front(), out);
}

void compare_tables(const SchemaTable& reference, const SchemaTable& actual, const SchemaComparisonOptions& options,
                    Differences& out) {
  std::string table = "table " + reference.name;
  compare_columns(table, reference, actual, out);
  compare_primary_keys(table, reference, actual, options.ignore_constraint_names, out);
  compare_objects(table + " unique constraint", comparables(reference.unique_constraints, comparable_key),
                  comparables(actual.unique_constraints, comparable_key), options.ignore_constraint_names, out);
  compare_objects(table + " index", comparables(reference.indexes, comparable_index),
                  comparables(actual.indexes, comparable_index), options.ignore_index_names, out);
  compare_objects(table + " foreign key", comparables(reference.foreign_keys, comparable_foreign_key),
                  comparables(actual.foreign_keys, comparable_foreign_key), options.ignore_constraint_names, out);
}

std::string table_words(const SchemaTable& table) {
  return "table of " + std::to_string(table.columns.size()) + (table.columns.size() == 1 ? " column" : " columns");
}

void compare_sequences(const DatabaseSchema& reference, const DatabaseSchema& actual, Differences& out) {
  auto find = [](const DatabaseSchema& in, const std::string& name) -> const SchemaSequence* {
    for (const SchemaSequence& sequence : in.sequences)
      if (sequence.name == name) return &sequence;
    return nullptr;
  };
  for (const SchemaSequence& wanted : reference.sequences) {
    const SchemaSequence* found = find(actual, wanted.name);
    if (!found) {
      add(out, Kind::Missing, "sequence " + wanted.name, "present", "absent");
      continue;
    }
    for (const auto& [property, value] : wanted.properties) {
      auto other = found->properties.find(property);
      std::string actual_value = other == found->properties.end() ? "(unknown)" : other->second;
      if (actual_value != value) add(out, Kind::Changed, "sequence " + wanted.name + " " + property, value, actual_value);
    }
  }
  for (const SchemaSequence& sequence : actual.sequences)
    if (!find(reference, sequence.name)) add(out, Kind::Extra, "sequence " + sequence.name, "absent", "present");
}

}  // namespace

std::string kind_word(SchemaDifference::Kind kind) {
  switch (kind) {
    case Kind::Missing: return "missing";
    case Kind::Extra: return "extra";
    case Kind::Changed: break;
  }
  return "changed";
}

std::string SchemaDifference::label() const { return kind_word(kind) + ": " + object; }

std::vector<SchemaDifference> compare_schemas(const DatabaseSchema& reference, const DatabaseSchema& actual,
                                              const SchemaComparisonOptions& options) {
  Differences out;
  std::set<std::string> names;
  for (const SchemaTable& table : reference.tables) names.insert(table.name);
  for (const SchemaTable& table : actual.tables) names.insert(table.name);
  for (const std::string& name : names) {
    const SchemaTable* wanted = reference.find_table(name);
    const SchemaTable* found = actual.find_table(name);
    if (!found) add(out, Kind::Missing, "table " + name, table_words(*wanted), "absent");
    else if (!wanted) add(out, Kind::Extra, "table " + name, "absent", table_words(*found));
    else compare_tables(*wanted, *found, options, out);
  }
  compare_sequences(reference, actual, out);
  return out;
}

}  // namespace planrun
