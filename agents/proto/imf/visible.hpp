#pragma once
// Shows bytes from a message inside an error text: control characters escaped (\r, \n, \t,
// \xNN) and long input cut with "...", so that the offending bytes can be read.
#include <cstddef>
#include <string>
#include <string_view>

namespace mailsim::proto::imf {

std::string visible(std::string_view bytes, std::size_t max_length = 60);

}  // namespace mailsim::proto::imf
