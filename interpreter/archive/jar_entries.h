#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace planrun {

// The names of the entries of a zip archive (a Java jar), in archive order, read with libarchive
// from its central directory. Throws EnvironmentError naming the file when it cannot be read as
// a zip: a damaged jar is the operator's to look at, not a jar without the class.
std::vector<std::string> jar_entry_names(const std::filesystem::path& jar);

// "org/h2/Driver.class" for "org.h2.Driver": the entry a jar holding the class has.
std::string class_file_entry(const std::string& class_name);

}  // namespace planrun
