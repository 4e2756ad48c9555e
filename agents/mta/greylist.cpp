#include "agents/mta/greylist.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "agents/proto/envelope_address.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {
namespace {

std::vector<std::string> split_dots(const std::string& ip) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= ip.size(); ++i) {
    if (i == ip.size() || ip[i] == '.') {
      parts.push_back(ip.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Perl's /\bNUMBER\b/: the number stands alone, not inside a longer word.
bool contains_word(const std::string& text, const std::string& word) {
  if (word.empty()) return false;
  for (std::size_t pos = text.find(word); pos != std::string::npos;
       pos = text.find(word, pos + 1)) {
    const bool left = pos == 0 || !is_word_char(text[pos - 1]);
    const std::size_t end = pos + word.size();
    const bool right = end == text.size() || !is_word_char(text[end]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace

std::string Greylist::sender_key(const std::string& sender) {
  const auto [local, domain] = proto::split_address(sender);
  std::string user(local);
  if (auto plus = user.find('+'); plus != std::string::npos) user.erase(plus);
  // Runs of digits standing alone (VERP counters) become '#'.
  std::string out;
  for (std::size_t i = 0; i < user.size();) {
    if (std::isdigit(static_cast<unsigned char>(user[i])) &&
        (i == 0 || !is_word_char(user[i - 1]))) {
      std::size_t j = i;
      while (j < user.size() && std::isdigit(static_cast<unsigned char>(user[j])))
        ++j;
      if (j == user.size() || !is_word_char(user[j])) {
        out += '#';
        i = j;
        continue;
      }
    }
    out += user[i++];
  }
  return domain.empty() ? out : out + "@" + std::string(domain);
}

std::string Greylist::client_key(const GreylistRequest& r) const {
  if (!settings_.lookup_by_subnet || r.client_name == "unknown") return r.client_address;
  const auto ip = split_dots(r.client_address);
  if (ip.size() != 4) return r.client_address;
  if (contains_word(r.client_name, ip[2]) && contains_word(r.client_name, ip[3]))
    return r.client_address;  // looks like a dial-up pool: keep the host
  return ip[0] + "." + ip[1] + "." + ip[2] + ".0";
}

bool Greylist::client_whitelisted(const std::string& client) const {
  if (settings_.auto_whitelist_clients <= 0) return false;
  auto it = clients_.find(client);
  return it != clients_.end() && it->second.count >= settings_.auto_whitelist_clients;
}

GreylistVerdict Greylist::check(const GreylistRequest& r, SimTime now) {
  GreylistVerdict v;
  const std::string client = client_key(r);
  v.key = to_lower(client + "/" + sender_key(r.sender) + "/" + r.recipient);

  if (client_whitelisted(client)) {
    auto& rec = clients_[client];
    if (now - rec.last > settings_.max_age) {
      clients_.erase(client);  // forgotten: greylisted again below
    } else {
      rec.last = now;
      v.reason = "client whitelisted (auto)";
      return v;
    }
  }

  SimTime first = now;
  bool last_was_successful = false;
  if (auto it = triplets_.find(v.key); it != triplets_.end()) {
    const Sighting s = it->second;
    if (now - s.last <= settings_.max_age) {
      first = s.first;
      last_was_successful = s.last - s.first >= settings_.delay;
      // Only one sighting, and the retry came after the window: start again.
      if (s.first == s.last && now - s.first > settings_.retry_window) first = now;
    }
  }
  triplets_[v.key] = Sighting{first, now};

  const SimTime waited = now - first;
  if (waited < settings_.delay) {
    v.defer = true;
    v.remaining = settings_.delay - waited;
    v.reason = waited.count() == 0 ? "new triplet" : "retried too early";
    std::string text = settings_.text;
    const std::string domain(proto::split_address(r.recipient).domain);
    for (std::size_t p = text.find("%r"); p != std::string::npos;
         p = text.find("%r", p + domain.size()))
      text.replace(p, 2, domain);
    v.reply_text = text;
    return v;
  }

  v.reason = last_was_successful ? "triplet already passed" : "delay passed";
  if (!last_was_successful)
    v.prepend_header =
        fmt::format("X-Greylist: delayed {} seconds by postgrey-compatible policy",
                    std::chrono::duration_cast<std::chrono::seconds>(waited).count());
  if (settings_.auto_whitelist_clients > 0) {
    auto& rec = clients_[client];
    if (rec.count == 0 || now >= rec.last + std::chrono::hours(1)) {
      ++rec.count;
      rec.last = now;
    }
  }
  return v;
}

}  // namespace mailsim::agents
