#pragma once
// The time the POP3 and IMAP engines are told in tests that are not about time (each input
// carries the time: docs/protocols.md, "One engine shape").
#include "sim/time.hpp"

namespace mailsim::test {

inline constexpr sim::SimTime kT0{0};

}  // namespace mailsim::test
