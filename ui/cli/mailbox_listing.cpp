#include "ui/cli/mailbox_listing.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <string_view>
#include <vector>

#include "agents/mua/mua_agent.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "sim/plural.hpp"
#include "sim/trace_format.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/report/kept_messages.hpp"
#include "ui/report/message_lines.hpp"

namespace mailsim::cli {

namespace {

namespace mb = proto::mailbox;

// A message's lines, header first, its body cut after kBodyLinesShown lines unless `full`.
void print_content(std::ostream& out, std::string_view content, Lang lang, bool full) {
  const report::ShownMessage shown = report::shown_message(content, full);
  for (const std::string& line : shown.lines)
    out << (line.empty() ? "" : "    ") << line << "\n";
  if (shown.cut > 0) out << "    " << counted(msg::kBodyCut, shown.cut, lang).render(lang) << "\n";
}

void print_message(std::ostream& out, const mb::StoredMessage& m, Lang lang, bool full) {
  const std::string flags = mb::format_flags(m.flags);
  Text heading(flags.empty() ? msg::kStoredMessage : msg::kStoredMessageFlags,
               {{"uid", std::to_string(m.uid)},
                {"time", sim::format_time(m.internal_date, lang)},
                {"bytes", std::to_string(m.size())},
                {"flags", flags}});
  out << "  " << heading.render(lang) << "\n";
  print_content(out, m.content, lang, full);
}

void print_client_copies(std::ostream& out, const scenarios::ClientView& c, Lang lang, bool full) {
  const auto& inbox = c.client->inbox();
  out << "\n"
      << counted(msg::kClientCopiesHeading, inbox.size(), lang,
                 {{"client", std::string(c.name)}, {"host", c.client->host_name()}})
             .render(lang)
      << "\n";
  for (const agents::KeptMail& m : inbox) {
    out << "  "
        << Text(msg::kClientCopy, {{"time", sim::format_time(m.fetched, lang)},
                                   {"bytes", std::to_string(m.content.size())}})
               .render(lang)
        << "\n";
    print_content(out, m.content, lang, full);
  }
}

}  // namespace

void print_mailboxes(std::ostream& out, const scenarios::WorldView& world, Lang lang, bool full) {
  const std::vector<scenarios::MailboxView> boxes = world.mailboxes();
  const std::vector<scenarios::ClientView> clients = report::clients_holding_only_copies(world);
  if (boxes.empty() && clients.empty()) {
    out << Text(msg::kMailboxesNone).render(lang) << "\n";
    return;
  }
  out << Text(msg::kMailboxesTitle).render(lang) << "\n";
  for (const scenarios::MailboxView& box : boxes) {
    out << "\n"
        << counted(
               msg::kMailboxHeading, box.messages.size(), lang,
               {{"user", box.user}, {"server", std::string(box.server)}, {"folder", box.folder}})
               .render(lang)
        << "\n";
    for (const mb::StoredMessage& m : box.messages)
      print_message(out, m, lang, full);
  }
  for (const scenarios::ClientView& c : clients)
    print_client_copies(out, c, lang, full);
}

namespace {
// A message's header fields (folded lines joined, as they came) and its body, into `j`.
void add_content(nlohmann::ordered_json& j, std::string_view content) {
  const std::size_t blank = content.find("\r\n\r\n");
  auto headers = nlohmann::ordered_json::array();
  const std::string_view head =
      blank == std::string_view::npos ? content : content.substr(0, blank + 2);
  for (std::string_view line : report::message_lines(head)) {
    const bool continued = !line.empty() && (line.front() == ' ' || line.front() == '\t');
    if (continued && !headers.empty()) {
      headers.back()["value"] =
          headers.back()["value"].get<std::string>() + "\r\n" + std::string(line);
      continue;
    }
    const std::size_t colon = line.find(':');
    std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
    value.remove_prefix(std::min(value.find_first_not_of(" \t"), value.size()));
    headers.push_back({{"name", std::string(line.substr(0, colon))}, {"value", value}});
  }
  j["headers"] = std::move(headers);
  j["body"] = blank == std::string_view::npos ? "" : std::string(content.substr(blank + 4));
}

void print_json(std::ostream& out, const nlohmann::ordered_json& j) {
  out << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}
}  // namespace

void print_mailboxes_json(std::ostream& out, const scenarios::WorldView& world) {
  for (const scenarios::MailboxView& box : world.mailboxes())
    for (const mb::StoredMessage& m : box.messages) {
      nlohmann::ordered_json j;
      j["kind"] = "mailbox.message";
      j["server"] = box.server;
      j["user"] = box.user;
      j["folder"] = box.folder;
      j["uid"] = m.uid;
      j["delivered"] = sim::format_time(m.internal_date);
      j["flags"] = mb::format_flags(m.flags);
      j["bytes"] = m.size();
      add_content(j, m.content);
      print_json(out, j);
    }
  for (const scenarios::ClientView& c : report::clients_holding_only_copies(world))
    for (const agents::KeptMail& m : c.client->inbox()) {
      nlohmann::ordered_json j;
      j["kind"] = "client.message";
      j["client"] = c.name;
      j["host"] = c.client->host_name();
      j["fetched"] = sim::format_time(m.fetched);
      j["bytes"] = m.content.size();
      add_content(j, m.content);
      print_json(out, j);
    }
}

}  // namespace mailsim::cli
