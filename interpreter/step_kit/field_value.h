#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "interpreter/values/dsn.h"
#include "interpreter/values/value.h"

namespace planrun {

// Converts a resolved field value to the C++ type a step reads it as. The compiler has checked
// the value against the schema; a value of the wrong shape here fails the step naming the
// field (`name` may be a dotted path such as "http.url").
void read_value(const Value& value, const std::string& name, Value& out);
void read_value(const Value& value, const std::string& name, std::string& out);
void read_value(const Value& value, const std::string& name, std::filesystem::path& out);
void read_value(const Value& value, const std::string& name, int64_t& out);
void read_value(const Value& value, const std::string& name, bool& out);
// A duration as plans write it: "5m", "1h30m", or an int of seconds.
void read_value(const Value& value, const std::string& name, std::chrono::milliseconds& out);
void read_value(const Value& value, const std::string& name, std::vector<std::string>& out);
void read_value(const Value& value, const std::string& name, std::vector<int64_t>& out);
void read_value(const Value& value, const std::string& name, std::map<std::string, std::string>& out);
// A database field. The compiler checked it; one that still does not parse is named by its field
// alone, since its text may come from a secret.
void read_value(const Value& value, const std::string& name, Dsn& out);

// The value converted to T.
template <class T>
T value_as(const Value& value, const std::string& name) {
  T out{};
  read_value(value, name, out);
  return out;
}

}  // namespace planrun
