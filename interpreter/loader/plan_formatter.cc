#include "interpreter/loader/plan_formatter.h"

#include <stdexcept>

#include "interpreter/ast/same_document.h"
#include "interpreter/frontend/comment_map.h"
#include "interpreter/frontend/plan_text_writer.h"
#include "interpreter/frontend/source_comments.h"
#include "interpreter/frontend/yaml_text_writer.h"

namespace planrun {

namespace {

std::vector<SourceComment> comments_of(PlanSyntax syntax, const std::string& text, const ast::Node& document) {
  return syntax == PlanSyntax::Plan ? plan_text_comments(text) : yaml_text_comments(text, document);
}

std::optional<std::string> write_text(PlanSyntax to, const ast::Node& document, const CommentMap& comments) {
  if (to == PlanSyntax::Plan) return write_plan_text(document, comments);
  return write_yaml_text(document, comments);
}

void check_round_trip(const std::string& path, PlanSyntax to, const std::string& written, const ast::Node& document,
                      size_t comments) {
  Diagnostics diagnostics;
  auto reread = parse_plan_document(to, path, written, diagnostics);
  std::string problem;
  if (!reread || diagnostics.has_errors())
    problem = "its output does not parse" +
              (diagnostics.all().empty() ? std::string() : ": " + diagnostics.all().front().message);
  else if (!ast::same_document(document, *reread))
    problem = "its output says something else than the plan";
  else if (comments_of(to, written, *reread).size() != comments)
    problem = "its output lost or added a comment";
  if (!problem.empty()) throw std::logic_error("fmt of " + path + ": " + problem);
}

}  // namespace

std::optional<std::string> format_plan_file(const std::string& path, PlanSyntax to, SourceFiles& sources,
                                            Diagnostics& diagnostics) {
  auto document = read_plan_document(path, sources, diagnostics);
  if (!document || diagnostics.has_errors()) return std::nullopt;
  std::vector<SourceComment> comments = comments_of(*syntax_of(path), sources.text(path), *document);
  CommentMap comment_map(*document, comments);
  auto written = write_text(to, *document, comment_map);
  if (!written) {
    diagnostics.error(document->location, "cannot write this plan as .plan: the document is " +
                                              ast::describe_kind(*document) + ", and a .plan file holds a map");
    return std::nullopt;
  }
  check_round_trip(path, to, *written, *document, comments.size());
  return written;
}

}  // namespace planrun
