#include "interpreter/step_kit/command_text.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "interpreter/step_kit/step_field.h"

namespace planrun {
namespace {

std::string shell_quoted(const std::string& argument) {
  bool plain = !argument.empty() && std::all_of(argument.begin(), argument.end(), [](char c) {
    return isalnum(static_cast<unsigned char>(c)) || strchr("_./:=@%+,-", c) != nullptr;
  });
  if (plain) return argument;
  std::string quoted = "'";
  for (char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

std::string command_line(const Value& command, const SecretMasker& masker) {
  if (command.is_string()) return masker.mask(command.as_string());
  std::string line;
  for (const std::string& argument : value_as<std::vector<std::string>>(command, "command"))
    line += (line.empty() ? "" : " ") + shell_quoted(masker.mask(argument));
  return masker.mask(line);
}

std::string listed_codes(const std::vector<int64_t>& codes) {
  std::string text = codes.size() == 1 ? "" : "one of ";
  for (size_t i = 0; i < codes.size(); ++i) text += (i ? ", " : "") + std::to_string(codes[i]);
  return text;
}

}  // namespace planrun
