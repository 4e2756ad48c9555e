#pragma once
// The catalog's plural rule: words that depend on a count are two catalog entries, chosen as
// English and French choose them ("1 attempt", "2 attempts"; "0 tentative", "1 tentative",
// "2 tentatives").
#include <string>
#include <utility>
#include <vector>

#include "sim/text.hpp"

namespace mailsim {

// `one` for a single thing (in French also for zero), `other` for the rest; {count} in either
// is the number.
struct PluralMessage {
  Message one;
  Message other;

  const Message& for_count(unsigned long long count, Lang lang) const {
    return (lang == Lang::fr ? count <= 1 : count == 1) ? one : other;
  }
};

// The entry of `plural` for `count`, with {count} among its arguments.
inline Text counted(const PluralMessage& plural, unsigned long long count, Lang lang,
                    std::vector<Text::Arg> args = {}) {
  args.emplace_back("count", std::to_string(count));
  return Text(plural.for_count(count, lang), std::move(args));
}

}  // namespace mailsim
