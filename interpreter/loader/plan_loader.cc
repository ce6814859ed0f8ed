#include "interpreter/loader/plan_loader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "interpreter/compiler/plan_compiler.h"
#include "interpreter/files/file_descriptor.h"
#include "interpreter/frontend/plan_frontend.h"
#include "interpreter/frontend/yaml_frontend.h"
#include "interpreter/loader/used_plans.h"

namespace planrun {

// The whole file, or the reason it cannot be read ("No such file or directory", "Is a
// directory", "Permission denied"), which the diagnostic names.
static std::optional<std::string> read_file(const std::string& path, std::string& reason) {
  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!file.valid()) return reason = std::strerror(errno), std::nullopt;
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    ssize_t got = ::read(file.get(), buffer, sizeof buffer);
    if (got == 0) return text;
    if (got > 0) text.append(buffer, static_cast<size_t>(got));
    else if (errno != EINTR) return reason = std::strerror(errno), std::nullopt;
  }
}

static bool has_suffix(const std::string& path, const std::string& suffix) {
  return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<PlanSyntax> syntax_of(const std::string& path) {
  if (has_suffix(path, ".yaml") || has_suffix(path, ".yml")) return PlanSyntax::Yaml;
  if (has_suffix(path, ".plan")) return PlanSyntax::Plan;
  return std::nullopt;
}

std::optional<ast::Node> parse_plan_document(PlanSyntax syntax, const std::string& path, const std::string& text,
                                             Diagnostics& diagnostics) {
  if (syntax == PlanSyntax::Plan) return parse_plan_text(path, text, diagnostics);
  return parse_yaml(path, text, diagnostics);
}

std::optional<ast::Node> read_plan_document(const std::string& path, SourceFiles& sources, Diagnostics& diagnostics) {
  std::string reason;
  auto text = read_file(path, reason);
  if (!text) {
    diagnostics.error({path, 0, 0}, "cannot read the plan file: " + reason);
    return std::nullopt;
  }
  const std::string& kept = sources.add(path, std::move(*text));
  if (auto syntax = syntax_of(path)) return parse_plan_document(*syntax, path, kept, diagnostics);
  diagnostics.error({path, 0, 0}, "unknown plan format: plan files end in .yaml, .yml or .plan");
  return std::nullopt;
}

namespace {

// The front ends, for the documents parameter values come in.
class FrontEndDocumentReader final : public DocumentReader {
 public:
  std::optional<ast::Node> read_file(const std::string& path, SourceFiles& sources,
                                     Diagnostics& diagnostics) const override {
    return read_plan_document(path, sources, diagnostics);
  }
  std::optional<ast::Node> parse_text(const std::string& name, const std::string& text,
                                      Diagnostics& diagnostics) const override {
    return parse_yaml(name, text, diagnostics);
  }
};

}  // namespace

const DocumentReader& plan_document_reader() {
  static const FrontEndDocumentReader reader;
  return reader;
}

std::optional<ParamValues> resolve_params(const ActionGraph& graph, const ParamInputs& inputs, SourceFiles& sources,
                                          Diagnostics& diagnostics) {
  return resolve_params(graph, inputs, plan_document_reader(), sources, diagnostics);
}

std::optional<ActionGraph> load_plan(const std::string& path, SourceFiles& sources, Diagnostics& diagnostics,
                                     std::optional<ast::Node>* keep_document) {
  return UsedPlans(sources).compile(path, diagnostics, keep_document);
}

}  // namespace planrun
