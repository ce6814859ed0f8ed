#include "interpreter/frontend/yaml_frontend.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>

#include "interpreter/frontend/yaml_source_text.h"
#include "interpreter/frontend/yaml_tree_builder.h"

namespace planrun {

namespace {

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

}  // namespace

std::optional<ast::Node> parse_yaml(const std::string& path, const std::string& text, Diagnostics& diagnostics) {
  YamlSourceText source(path, text);
  YamlTreeBuilder builder(source);
  try {
    std::istringstream input(text);
    YAML::Parser parser(input);
    // The builder throws SecondDocument as soon as another document starts.
    if (parser.HandleNextDocument(builder)) parser.HandleNextDocument(builder);
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

}  // namespace planrun
