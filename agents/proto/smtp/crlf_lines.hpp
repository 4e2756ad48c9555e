#pragma once
// The lines of SMTP bytes as the dialogue shows them: split at each CRLF, without it (a bare
// LF that a relay passes stays inside its line, as it went on the wire).
#include <string_view>

namespace mailsim::proto::smtp {

template <class F>
void for_each_crlf_line(std::string_view bytes, F&& f) {
  while (!bytes.empty()) {
    const std::size_t end = bytes.find("\r\n");
    f(bytes.substr(0, end));
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 2);
  }
}

}  // namespace mailsim::proto::smtp
