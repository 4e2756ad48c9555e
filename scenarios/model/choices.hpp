#pragma once
// The words a scenario file uses for each choice and the value each word stands for. The loader
// reads a choice once through its table (a wrong word is reported at its place, with a "did you
// mean"), the writer writes the word back, and the builder hands the value on as it is: the
// model holds the engines' own enums, never the words.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/mta/spf_policy.hpp"
#include "agents/proto/smtp/data_reader.hpp"
#include "agents/retrieval/protocol.hpp"
#include "sim/net/network.hpp"

namespace mailsim::scenarios {

template <class E>
struct Choice {
  std::string_view word;
  E value;
};

// What a full mailbox answers: 452 4.2.2 (the sender's server retries) or 552 5.2.2 (it bounces).
enum class MailboxFull { temporary, permanent };
// Whose retry schedule the queue follows.
enum class RetryKind { postfix, exim };

inline constexpr Choice<agents::SpfPolicy> kSpfChoices[] = {
    {"off", agents::SpfPolicy::off},
    {"score", agents::SpfPolicy::score},
    {"reject", agents::SpfPolicy::reject_fail}};
inline constexpr Choice<proto::smtp::EndOfDataMode> kEndOfDataChoices[] = {
    {"normalize", proto::smtp::EndOfDataMode::normalize},
    {"reject", proto::smtp::EndOfDataMode::reject},
    {"lenient", proto::smtp::EndOfDataMode::lenient},
    {"keep", proto::smtp::EndOfDataMode::keep}};
inline constexpr Choice<MailboxFull> kMailboxFullChoices[] = {
    {"temporary", MailboxFull::temporary}, {"permanent", MailboxFull::permanent}};
inline constexpr Choice<RetryKind> kRetryChoices[] = {{"postfix", RetryKind::postfix},
                                                      {"exim", RetryKind::exim}};
inline constexpr Choice<agents::RetrievalProtocol> kFetchProtocolChoices[] = {
    {"imap", agents::RetrievalProtocol::imap}, {"pop3", agents::RetrievalProtocol::pop3}};
inline constexpr Choice<sim::net::FilterDirection> kFilterDirectionChoices[] = {
    {"incoming", sim::net::FilterDirection::incoming},
    {"outgoing", sim::net::FilterDirection::outgoing}};
inline constexpr Choice<sim::net::FilterAction> kFilterActionChoices[] = {
    {"drop", sim::net::FilterAction::drop}, {"reject", sim::net::FilterAction::reject}};
inline constexpr Choice<sim::net::FilterProtocol> kFilterProtocolChoices[] = {
    {"tcp", sim::net::FilterProtocol::tcp},
    {"udp", sim::net::FilterProtocol::udp},
    {"any", sim::net::FilterProtocol::any}};
inline constexpr Choice<sim::net::RoutingPolicy> kRoutingChoices[] = {
    {"shortest", sim::net::RoutingPolicy::shortest},
    {"least-busy", sim::net::RoutingPolicy::least_busy}};

// The words of a table, in its order (for the loader's messages).
template <class E, std::size_t N>
std::vector<std::string> choice_words(const Choice<E> (&table)[N]) {
  std::vector<std::string> out;
  for (const auto& c : table)
    out.emplace_back(c.word);
  return out;
}
template <class E, std::size_t N>
std::optional<E> choice_value(const Choice<E> (&table)[N], std::string_view word) {
  for (const auto& c : table)
    if (c.word == word) return c.value;
  return std::nullopt;
}
// The word of a value; every value has one (tests/scenarios/choices_test.cpp).
template <class E, std::size_t N>
std::string choice_word(const Choice<E> (&table)[N], E value) {
  for (const auto& c : table)
    if (c.value == value) return std::string(c.word);
  return {};
}

}  // namespace mailsim::scenarios
