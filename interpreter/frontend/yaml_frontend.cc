#include "interpreter/frontend/yaml_frontend.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <thread>

#include "interpreter/frontend/yaml_source_text.h"
#include "interpreter/frontend/yaml_step_list_cuts.h"
#include "interpreter/frontend/yaml_tree_builder.h"
#include "interpreter/parallel/for_each_slice.h"

namespace planrun {

namespace {

// Below this a part costs more to start on a thread than it saves.
constexpr size_t kMinPartBytes = 64 * 1024;

// yaml-cpp's events for `text` go to `builder`. Throws what yaml-cpp throws, and SecondDocument.
void read_events(std::string text, YamlTreeBuilder& builder) {
  std::istringstream input(std::move(text));
  YAML::Parser parser(input);
  // The builder throws SecondDocument as soon as another document starts.
  if (parser.HandleNextDocument(builder)) parser.HandleNextDocument(builder);
}

// A plan is one document. yaml-cpp also starts a new document where a block collection ends
// early (`- a` then `b: 1`), and on a stray `,` it starts an endless run of empty documents
// without consuming anything, so the parse stops as the second starts and the message names
// its likely cause.
std::string second_document_message(const YamlSourceText& source, const YamlTreeBuilder::SecondDocument& documents) {
  std::string_view rest = source.rest(source.offset(documents.second));
  if (documents.second.pos == documents.first.pos && !rest.empty())
    return "unexpected '" + std::string(1, rest[0]) + "'";
  if (rest.starts_with("---") || rest.starts_with("%"))
    return "a plan file holds one YAML document, but a second one starts here";
  return "unexpected text after the end of the document (check the indentation)";
}

std::optional<ast::Node> parse_whole(const YamlSourceText& source, const std::string& text, Diagnostics& diagnostics) {
  YamlTreeBuilder builder(source);
  try {
    read_events(text, builder);
    return builder.finish(diagnostics);
  } catch (const YamlTreeBuilder::SecondDocument& documents) {
    diagnostics.error(source.location(documents.second), second_document_message(source, documents));
  } catch (const YAML::DeepRecursion& error) {
    // yaml-cpp's own text for this is "bad file".
    diagnostics.error(source.location(error.mark), "the document is nested too deeply");
  } catch (const YAML::Exception& error) {
    diagnostics.error(source.location(error.mark), error.msg);
  } catch (const std::exception& error) {
    diagnostics.error(source.location(YAML::Mark::null_mark()),
                      std::string("cannot read the YAML document: ") + error.what());
  }
  return std::nullopt;
}

// One part of a cut plan, parsed on its own: its tree, or nothing when it has any finding or
// error, which the whole file's parse then reports in context.
struct ParsedPart {
  std::optional<ast::Node> tree;
  size_t nodes = 0;
};

ParsedPart parse_part(const YamlSourceText& source, std::string_view part, YamlTreeBuilder::Origin origin,
                      bool ends_file) {
  YamlTreeBuilder builder(source, origin);
  // yaml-cpp takes a quoted string left open at the end of the text as closed there, so a cut
  // inside one would go unnoticed. A document end marker after a cut makes it an error: inside
  // quotes yaml-cpp rejects it, anywhere else it ends the document where the part ends. (Cuts
  // are at line starts; the last part ends with the file, and reads exactly what the file has.)
  std::string marked(part);
  if (!ends_file) marked += "...\n";
  try {
    read_events(std::move(marked), builder);
  } catch (...) {
    return {};
  }
  Diagnostics findings;
  auto tree = builder.finish(findings);
  if (!findings.all().empty()) return {};
  return {std::move(tree), builder.node_count()};
}

// The first part's `steps:` list continued by the items of the others, or nothing when a part
// failed or the parts do not have the shapes the cuts promised.
std::optional<ast::Node> join_parts(std::vector<ParsedPart>& parts) {
  size_t nodes = 0;
  for (const ParsedPart& part : parts) {
    if (!part.tree) return std::nullopt;
    nodes += part.nodes;
  }
  if (nodes > YamlTreeBuilder::kMaxNodes) return std::nullopt;  // the whole parse reports it
  ast::Node& document = *parts[0].tree;
  if (!document.is_mapping() || document.entries.empty()) return std::nullopt;
  auto& [key, steps] = document.entries.back();
  if (key.scalar != "steps" || !steps.is_sequence()) return std::nullopt;
  for (size_t i = 1; i < parts.size(); ++i) {
    ast::Node& items = *parts[i].tree;
    if (!items.is_sequence()) return std::nullopt;
    std::move(items.items.begin(), items.items.end(), std::back_inserter(steps.items));
  }
  return std::move(document);
}

// Parses the parts between `cuts` on all cores and joins them.
std::optional<ast::Node> parse_in_parts(const YamlSourceText& source, std::string_view text,
                                        const std::vector<size_t>& cuts) {
  struct Part {
    std::string_view text;
    YamlTreeBuilder::Origin origin;
  };
  std::vector<Part> parts{{text.substr(0, cuts[0]), {}}};
  int line = static_cast<int>(std::count(text.begin(), text.begin() + cuts[0], '\n'));
  for (size_t i = 0; i < cuts.size(); ++i) {
    size_t end = i + 1 < cuts.size() ? cuts[i + 1] : text.size();
    // Each later part is a run of items of the `steps:` list, one level inside the document.
    parts.push_back({text.substr(cuts[i], end - cuts[i]), {line, 1}});
    line += static_cast<int>(std::count(text.begin() + cuts[i], text.begin() + end, '\n'));
  }
  std::vector<ParsedPart> parsed(parts.size());
  for_each_slice(parts.size(), 1, [&](size_t i, size_t, size_t) {
    parsed[i] = parse_part(source, parts[i].text, parts[i].origin, i + 1 == parts.size());
  });
  return join_parts(parsed);
}

}  // namespace

std::optional<ast::Node> parse_yaml(const std::string& path, const std::string& text, Diagnostics& diagnostics,
                                    size_t parts) {
  YamlSourceText source(path, text);
  std::vector<size_t> cuts = step_list_cuts(text, parts);
  if (!cuts.empty())
    if (auto document = parse_in_parts(source, text, cuts)) return document;
  return parse_whole(source, text, diagnostics);
}

std::optional<ast::Node> parse_yaml(const std::string& path, const std::string& text, Diagnostics& diagnostics) {
  // Several parts a core: parts parse at uneven speeds and threads start late on a busy
  // machine, and small parts taken one after another even that out.
  size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return parse_yaml(path, text, diagnostics, std::min(4 * cores, text.size() / kMinPartBytes));
}

}  // namespace planrun
