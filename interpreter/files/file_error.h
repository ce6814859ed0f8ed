#pragma once

#include <cerrno>
#include <filesystem>
#include <string>
#include <system_error>

namespace planrun {

// Throws the failure of a file operation as std::system_error, worded for the operator:
// "cannot OPERATION 'PATH': REASON". The files/ helpers all fail this way; steps turn it into
// an EnvironmentError.
[[noreturn]] inline void throw_file_error(const std::string& operation, const std::filesystem::path& path,
                                          int error = errno) {
  throw std::system_error(error, std::generic_category(), "cannot " + operation + " '" + path.string() + "'");
}

}  // namespace planrun
