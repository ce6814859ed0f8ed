#pragma once

#include <stdexcept>
#include <string>

namespace planrun {

// A database could not be opened or refused what was asked of it: a user-facing message that
// names the DSN (never a password) and the server's own words. Steps turn it into a failure.
struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A server's words on one line, without libpq's trailing newline and indentation: for messages
// that quote a database.
inline std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  size_t first = text.find_first_not_of(' ');
  size_t last = text.find_last_not_of(' ');
  return first == std::string::npos ? "no reason given" : text.substr(first, last - first + 1);
}

}  // namespace planrun
