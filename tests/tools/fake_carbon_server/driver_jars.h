#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace planrun::fake_carbon {

// "org/postgresql/Driver.class": where a class lives inside a jar.
std::string class_file_of(const std::string& class_name);

// The jar of `lib` (repository/components/lib, where Carbon takes JDBC drivers from) that
// holds `class_name`'s class file, read from the jars' zip entries; nullopt when none does.
std::optional<std::filesystem::path> jar_holding_class(const std::filesystem::path& lib, const std::string& class_name);

// Writes a jar (a zip with a manifest) holding a stub class file for each class, for fixtures
// (`fake-carbon-server --make-jar OUT CLASS...`): the same bytes on every run. Throws
// std::runtime_error naming the file when it cannot.
void write_jar(const std::filesystem::path& out, const std::vector<std::string>& class_names);

}  // namespace planrun::fake_carbon
