#include "interpreter/loader/plan_includes.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "interpreter/compiler/node_reader.h"
#include "interpreter/loader/plan_loader.h"
#include "interpreter/loader/plan_search_path.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kFragmentKeys{"planrun", "name", "description", "params", "steps", "include"};

// A mapping's value under `key`, created (of `kind`) when absent or null.
ast::Node& entry(ast::Node& mapping, const std::string& key, ast::Node::Kind kind) {
  for (auto& [name, value] : mapping.entries)
    if (name.scalar == key) {
      if (value.is_null()) value.kind = kind;
      return value;
    }
  ast::Node name;
  name.kind = ast::Node::Kind::Scalar;
  name.scalar = key;
  name.location = mapping.location;
  ast::Node value;
  value.kind = kind;
  value.location = mapping.location;
  mapping.entries.emplace_back(std::move(name), std::move(value));
  return mapping.entries.back().second;
}

class IncludeExpander {
 public:
  IncludeExpander(SourceFiles& sources, Diagnostics& diagnostics)
      : sources_(sources), diagnostics_(diagnostics), reader_(diagnostics) {}

  void expand(ast::Node& document, const std::string& path) {
    const ast::Node* include = document.find("include");
    if (!include || !document.is_mapping()) return;
    std::vector<const ast::Node*> names;
    if (include->is_scalar()) names.push_back(include);
    else if (reader_.expect_sequence(*include, "'include' (fragment files)"))
      for (const ast::Node& item : include->items) names.push_back(&item);
    stack_.push_back(fs::weakly_canonical(path).string());
    shown_.push_back(path);
    ast::Node params, steps;
    params.kind = ast::Node::Kind::Mapping;
    steps.kind = ast::Node::Kind::Sequence;
    for (const ast::Node* name : names) include_one(*name, path, params, steps);
    stack_.pop_back();
    shown_.pop_back();
    merge(document, std::move(params), std::move(steps));
  }

  // Where each fragment was included, once expanding is done.
  std::map<std::string, SourceLocation> take_inclusions() { return std::move(where_); }

 private:
  void include_one(const ast::Node& name, const std::string& path, ast::Node& params, ast::Node& steps) {
    auto text = reader_.string(name, "a fragment file name");
    if (!text) return;
    auto file = find_plan_file(*text, path);
    if (!file) {
      diagnostics_.error(name.location, "cannot find fragment '" + *text + "' in " + describe_search_path(path));
      return;
    }
    std::string canonical = fs::weakly_canonical(*file).string();
    if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
      std::string chain;
      for (const std::string& shown : shown_) chain += shown + " -> ";
      diagnostics_.error(name.location, "fragment '" + *text + "' includes itself: " + chain + file->string());
      return;
    }
    if (!included_.insert(canonical).second) return;  // once, like a header with #pragma once
    where_.emplace(file->string(), name.location);
    auto fragment = read_plan_document(file->string(), sources_, diagnostics_);
    if (!fragment || !reader_.expect_mapping(*fragment, "a fragment")) return;
    reader_.reject_unknown_keys(*fragment, kFragmentKeys, "fragment field");
    if (!fragment->find("planrun"))
      diagnostics_.error(fragment->location, "missing 'planrun: 1' (the plan format version)");
    expand(*fragment, file->string());
    if (const ast::Node* more = fragment->find("params"); more && more->is_mapping())
      for (const auto& param : more->entries) params.entries.push_back(param);
    if (const ast::Node* more = fragment->find("steps"); more && more->is_sequence())
      steps.items.insert(steps.items.end(), more->items.begin(), more->items.end());
  }

  // Included params the plan does not declare itself, then its own; included steps, then its own.
  static void merge(ast::Node& document, ast::Node params, ast::Node steps) {
    ast::Node& own_params = entry(document, "params", ast::Node::Kind::Mapping);
    if (own_params.is_mapping()) {
      std::vector<std::pair<ast::Node, ast::Node>> merged;
      for (auto& param : params.entries) {
        bool declared = own_params.find(param.first.scalar) != nullptr;
        bool seen = std::any_of(merged.begin(), merged.end(),
                                [&](const auto& kept) { return kept.first.scalar == param.first.scalar; });
        if (!declared && !seen) merged.push_back(std::move(param));
      }
      std::move(own_params.entries.begin(), own_params.entries.end(), std::back_inserter(merged));
      own_params.entries = std::move(merged);
    }
    ast::Node& own_steps = entry(document, "steps", ast::Node::Kind::Sequence);
    if (own_steps.is_sequence()) {
      std::move(own_steps.items.begin(), own_steps.items.end(), std::back_inserter(steps.items));
      own_steps.items = std::move(steps.items);
    }
    std::erase_if(document.entries, [](const auto& kept) { return kept.first.scalar == "include"; });
  }

  SourceFiles& sources_;
  Diagnostics& diagnostics_;
  NodeReader reader_;
  std::vector<std::string> stack_;  // canonical paths of the files being expanded, outermost first
  std::vector<std::string> shown_;  // the same, as named
  std::set<std::string> included_;  // canonical paths of the fragments taken in already
  std::map<std::string, SourceLocation> where_;  // fragment file as read -> where it was included
};

}  // namespace

std::map<std::string, SourceLocation> expand_includes(ast::Node& document, SourceFiles& sources,
                                                      Diagnostics& diagnostics) {
  IncludeExpander expander(sources, diagnostics);
  expander.expand(document, document.location.file);
  return expander.take_inclusions();
}

}  // namespace planrun
