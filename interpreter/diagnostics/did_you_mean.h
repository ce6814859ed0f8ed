#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace planrun {

// The closest candidate to a misspelt name, or empty when none is close enough to suggest.
std::string closest_match(std::string_view name, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or empty: the tail every unknown-name message shares.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace planrun
