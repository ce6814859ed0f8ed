#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "interpreter/cli/commands.h"
#include "interpreter/diagnostics/exit_code.h"
#include "interpreter/loader/plan_loader.h"
#include "interpreter/loader/plan_search_path.h"
#include "interpreter/loader/planrun_installation.h"

namespace planrun {

namespace {

namespace fs = std::filesystem;

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The family's template, FAMILY/new-pair.yaml.in, with {{from}}, {{to}} and {{pair}} filled in,
// and {{schema}}: the editors' JSON Schema of this planrun (the installed one when installed).
std::optional<std::string> filled_template(const std::string& family, const std::string& from, const std::string& to) {
  auto file = find_plan_file(family + "/new-pair.yaml.in", "");
  if (!file) return std::nullopt;
  std::ifstream in(*file);
  std::stringstream text;
  text << in.rdbuf();
  fs::path schema = fs::weakly_canonical(editor_schema_file());
  std::string filled = replaced(text.str(), "{{schema}}", schema.string());
  return replaced(replaced(replaced(filled, "{{from}}", from), "{{to}}", to), "{{pair}}", from + "-to-" + to);
}

}  // namespace

// `planrun new carbon 4.4.7-to-4.4.8`: writes carbon-4.4.7-to-4.4.8.yaml from the stdlib's
// template for the family and checks it, so an author starts from a plan that checks clean.
int run_new_command(const CommandOptions& options) {
  const std::string& family = options.new_names.at(0);
  const std::string& pair = options.new_names.at(1);
  std::smatch versions;
  if (!std::regex_match(pair, versions, std::regex("([0-9A-Za-z._]+)-to-([0-9A-Za-z._]+)"))) {
    std::fprintf(stderr, "planrun: '%s' is not a version pair: write FROM-to-TO, e.g. 4.4.7-to-4.4.8\n", pair.c_str());
    return kExitInvalid;
  }
  auto text = filled_template(family, versions[1], versions[2]);
  if (!text) {
    std::fprintf(stderr, "planrun: no template for '%s': %s/new-pair.yaml.in is not in %s\n", family.c_str(),
                 family.c_str(), describe_search_path("").c_str());
    return kExitInvalid;
  }
  std::string path = options.output_file.empty() ? family + "-" + pair + ".yaml" : options.output_file;
  if (fs::exists(path)) {
    std::fprintf(stderr, "planrun: %s exists already; remove it or give another file with -o\n", path.c_str());
    return kExitInvalid;
  }
  std::ofstream(path) << *text;
  SourceFiles sources;
  Diagnostics diagnostics;
  auto graph = load_plan(path, sources, diagnostics);
  print_diagnostics(diagnostics, sources);
  if (!graph) return kExitInvalid;
  std::fprintf(stderr, "wrote %s (%zu steps); set its params and check it with: planrun check %s\n", path.c_str(),
               graph->steps.size(), path.c_str());
  return kExitSuccess;
}

}  // namespace planrun
