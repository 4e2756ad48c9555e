#pragma once
// What an MTA does with a sender's SPF result (RFC 7208): nothing, a spam score, or a refusal.

namespace mailsim::agents {

enum class SpfPolicy { off, score, reject_fail };

}  // namespace mailsim::agents
