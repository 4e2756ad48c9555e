#include "agents/proto/imf/visible.hpp"

#include "sim/inert.hpp"

namespace mailsim::proto::imf {

std::string visible(std::string_view bytes, std::size_t max_length) {
  return spell_controls(bytes, Keep::nothing, max_length);
}

}  // namespace mailsim::proto::imf
