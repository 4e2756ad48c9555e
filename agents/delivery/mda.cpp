#include "agents/delivery/mda.hpp"

#include <fmt/format.h>

#include "agents/delivery/delivery_records.hpp"
#include "agents/journey/records.hpp"
#include "agents/proto/envelope_address.hpp"
#include "agents/proto/imf/received.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {

namespace mailbox = proto::mailbox;
namespace imf = proto::imf;

std::string DeliveryReply::line() const {
  return enhanced.empty() ? fmt::format("{} {}", code, text)
                          : fmt::format("{} {} {}", code, enhanced, text);
}

namespace {

// The message as it is stored: Return-Path on top (any older one removed), every other byte
// as queued. A header that does not parse still gets its Return-Path, written as text. The
// stored text is `head` then `body`, which views the request's content: the store copies the
// body once, into its own chunks, and a 100 MB message is not held twice more.
struct Prepared {
  std::string head;
  std::string_view body;
  std::optional<imf::Header> header;

  std::uint64_t size() const { return head.size() + body.size(); }
};

Prepared prepare(const DeliveryRequest& request) {
  Prepared out;
  try {
    imf::MessageView message = imf::parse_message_view(request.content);
    imf::set_return_path(message.header, request.sender);
    out.head.reserve(message.header.wire_size() + 2);
    message.header.append_to(out.head);
    out.head.append("\r\n");
    out.body = message.body;
    out.header = std::move(message.header);
  } catch (const imf::ParseError&) {
    out.head = "Return-Path: " + imf::return_path_value(request.sender) + "\r\n";
    out.body = request.content;
  }
  return out;
}

// "bob@b.example" for "Bob@B.EXAMPLE": the account's name and the domain in lower case, so
// that one mailbox has one name in the records whatever the sender typed; the MDA's first
// domain for an address without one ("postmaster").
std::string mailbox_address(const std::string& user, std::string_view recipient,
                            const std::vector<std::string>& domains) {
  const std::string domain = proto::domain_of(recipient);
  return user + "@" + (domain.empty() ? to_lower(domains.front()) : domain);
}

DeliveryReply reply(int code, std::string enhanced, std::string text) {
  DeliveryReply r;
  r.code = code;
  r.enhanced = std::move(enhanced);
  r.text = std::move(text);
  return r;
}

}  // namespace

Mda::Mda(sim::Simulator& sim, mailbox::MailStore& store, MdaConfig config)
    : sim_(sim), store_(store), config_(std::move(config)) {}

void Mda::add_user(std::string user, std::optional<std::uint64_t> quota) {
  std::string key = to_lower(user);
  users_[key] = User{std::move(user), quota.value_or(config_.default_quota)};
}

void Mda::set_quota(const std::string& user, std::uint64_t quota) {
  auto it = users_.find(to_lower(user));
  if (it != users_.end()) it->second.quota = quota;
}

const Mda::User* Mda::local_user(std::string_view recipient) const {
  // An address without a domain is local (RFC 5321 4.5.1's <postmaster>), when the MDA has a
  // domain to name its mailbox with.
  const auto [local, domain] = proto::split_address(recipient);
  bool local_domain = domain.empty() && !config_.domains.empty();
  for (const auto& d : config_.domains)
    local_domain = local_domain || iequals(d, domain);
  if (!local_domain) return nullptr;
  auto it = users_.find(to_lower(local));
  if (it == users_.end() || store_.folders(it->second.name).empty()) return nullptr;
  return &it->second;
}

bool Mda::knows(std::string_view recipient) const {
  return local_user(recipient) != nullptr;
}

std::uint64_t Mda::used_bytes(const std::string& user) const {
  std::uint64_t used = 0;
  for (const auto& folder : store_.folders(user))
    for (const auto& m : store_.messages(user, folder))
      used += m.size();
  return used;
}

DeliveryReply Mda::refuse(const DeliveryRequest& request, const sim::TraceKind& kind,
                          DeliveryReply refusal, std::string reason, std::uint64_t size,
                          std::uint64_t used, std::uint64_t quota) {
  auto& trace = sim_.trace();
  if (trace.active()) {
    DeliveryRecord r(kind);
    r.agent = config_.agent;
    r.queue_id = request.queue_id;
    r.recipient = request.recipient;
    r.reason = std::move(reason);
    r.reply = refusal.line();
    r.size = size;
    r.used = used;
    r.quota = quota;
    trace.publish(r);
  }
  return refusal;
}

DeliveryReply Mda::deliver(const DeliveryRequest& request) {
  const User* user = local_user(request.recipient);
  if (user == nullptr) {
    return refuse(
        request, kinds::kDeliveryUnknownUser,
        reply(550, "5.1.1",
              fmt::format("<{}>: Recipient address rejected: User unknown", request.recipient)),
        "no such local user", request.content.size(), 0, 0);
  }

  Prepared prepared = prepare(request);
  const std::uint64_t size = prepared.size();
  if (user->quota != 0) {
    const std::uint64_t used = used_bytes(user->name);
    if (used + size > user->quota) {
      const std::string text = fmt::format("<{}>: Mailbox full", request.recipient);
      return refuse(
          request, kinds::kDeliveryOverQuota,
          config_.over_quota_permanent ? reply(552, "5.2.2", text) : reply(452, "4.2.2", text),
          config_.over_quota_permanent ? "over quota, permanent" : "over quota, temporary", size,
          used, user->quota);
    }
  }

  const FilingDecision decision =
      decide_folder(config_.filing, prepared.header ? &*prepared.header : nullptr);
  const std::string mailbox_name =
      mailbox_address(user->name, request.recipient, config_.domains) + "/" + decision.folder;
  auto& trace = sim_.trace();
  auto decision_record = [&](const sim::TraceKind& kind, std::string reason) {
    if (!trace.active()) return;
    DeliveryRecord r(kind);
    r.agent = config_.agent;
    r.queue_id = request.queue_id;
    r.recipient = request.recipient;
    r.mailbox = mailbox_name;
    r.reason = std::move(reason);
    r.size = size;
    trace.publish(r);
  };
  if (!store_.folder_ids(user->name, decision.folder)) {
    if (!store_.create_folder(user->name, decision.folder)) {
      // The store would not create it (a name it refuses): deliver to INBOX rather than lose.
      return deliver_into(request, *user, prepared.head, prepared.body, "INBOX",
                          decision.reason + "; folder could not be created");
    }
    decision_record(kinds::kDeliveryFolderCreated, decision.reason);
  }
  return deliver_into(request, *user, prepared.head, prepared.body, decision.folder,
                      decision.reason);
}

DeliveryReply Mda::deliver_into(const DeliveryRequest& request, const User& user,
                                std::string_view head, std::string_view body,
                                const std::string& folder, std::string reason) {
  const std::string mailbox_name =
      mailbox_address(user.name, request.recipient, config_.domains) + "/" + folder;
  const std::uint64_t size = head.size() + body.size();
  const auto uid = store_.append_parts(user.name, folder, {head, body}, sim_.now(),
                                       mailbox::Flags(mailbox::Flag::recent));
  if (!uid) {  // the folder vanished between the check and the append: a local error
    return reply(451, "4.3.0", fmt::format("<{}>: cannot write to {}", request.recipient, folder));
  }
  ++delivered_;
  DeliveryReply done =
      reply(250, "2.0.0", fmt::format("<{}> Delivered to {}", request.recipient, folder));
  done.mailbox = mailbox_name;
  done.uid = *uid;
  auto& trace = sim_.trace();
  if (trace.active()) {
    DeliveryRecord filed(kinds::kDeliveryFiled);
    filed.agent = config_.agent;
    filed.queue_id = request.queue_id;
    filed.recipient = request.recipient;
    filed.mailbox = mailbox_name;
    filed.reason = std::move(reason);
    filed.size = size;
    trace.publish(filed);
    // mail.delivered is the queue manager's to write: it settles the queue entry.
  }
  return done;
}

std::vector<MailboxView> Mda::mailboxes() const {
  std::vector<MailboxView> out;
  const std::string domain = config_.domains.empty() ? std::string() : config_.domains.front();
  for (const auto& [key, user] : users_) {
    MailboxView view;
    view.user = user.name;
    view.address = domain.empty() ? user.name : user.name + "@" + domain;
    view.quota = user.quota;
    for (const auto& folder : store_.folders(user.name)) {
      FolderView f;
      f.name = folder;
      for (const auto& m : store_.messages(user.name, folder)) {
        ++f.messages;
        if (!m.flags.has(mailbox::Flag::seen)) ++f.unseen;
        f.bytes += m.size();
      }
      view.used += f.bytes;
      view.folders.push_back(std::move(f));
    }
    out.push_back(std::move(view));
  }
  return out;
}

}  // namespace mailsim::agents
