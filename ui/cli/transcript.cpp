#include "ui/cli/transcript.hpp"

#include <fmt/format.h>

#include "agents/narration/retrieval_sentences.hpp"
#include "agents/retrieval/retrieval_records.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"
#include "agents/roles/typed_session.hpp"
#include "sim/net/trace_records.hpp"
#include "ui/cli/cli_text.hpp"

namespace mailsim::cli {

namespace k = agents::kinds;

namespace {

bool is(const sim::TraceRecord& r, const sim::TraceKind& kind) {
  return &r.kind() == &kind;
}

}  // namespace

bool Transcript::is_dialogue_line(const sim::TraceRecord& r) {
  for (const sim::TraceKind* kind :
       {&k::kSmtpClientSent, &k::kSmtpClientReceived, &k::kSmtpClientContent, &k::kSmtpServerSent,
        &k::kSmtpServerReceived, &k::kSmtpServerContent, &k::kRetrievalClientSent,
        &k::kRetrievalClientReceived, &k::kRetrievalClientContent, &k::kRetrievalServerSent,
        &k::kRetrievalServerReceived, &k::kRetrievalServerContent, &k::kTypedSent,
        &k::kTypedReceived})
    if (is(r, *kind)) return true;
  return false;
}

std::string Transcript::visible(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\r')
      out += "<CR>";  // the notation of the 354 reply itself
    else if (byte == '\n')
      out += "<LF>";
    else if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
      out += fmt::format("<0x{:02X}>", byte);  // an escape byte would drive the terminal
    else
      out += c;
  }
  return out;
}

std::string Transcript::label(const std::string& client, const std::string& server,
                              std::uint64_t conn) const {
  const auto port = ports_.find(conn);
  if (port == ports_.end()) return client + " -> " + server;
  return fmt::format("{} -> {}:{}", client, server, port->second);
}

// The first record of a connection decides its side; later ones only find it.
Transcript::Connection& Transcript::learn(std::uint64_t conn, const std::string& client,
                                          const std::string& server, bool client_side) {
  auto [it, fresh] = connections_.try_emplace(conn);
  if (fresh) it->second = Connection{label(client, server, conn), client_side};
  return it->second;
}

std::string Transcript::row(const Connection& c, bool client_speaks,
                            const std::string& text) const {
  const Message& who = client_speaks ? msg::kTranscriptClient : msg::kTranscriptServer;
  std::string out =
      Text(msg::kTranscriptRow,
           {{"connection", c.label}, {"who", Text(who).render(lang_)}, {"line", text}})
          .render(lang_);
  while (text.empty() && !out.empty() && out.back() == ' ')
    out.pop_back();  // an empty line
  return out;
}

std::optional<std::string> Transcript::take(const sim::TraceRecord& r) {
  if (const auto* conn = dynamic_cast<const sim::net::ConnRecord*>(&r)) {
    if (!is(r, sim::net::kinds::kConnOpened)) return std::nullopt;
    const sim::net::ConnInfo& info = conn->info();
    const bool client = info.role == sim::net::ConnRole::client;
    ports_[info.conn] = client ? info.remote_port : info.local_port;
    if (client) {
      // Keyed as TypedSession names its session, which opens in this same instant.
      client_opens_[fmt::format("{} -> {}:{}", info.host, info.remote.to_string(),
                                info.remote_port)] =
          ClientOpen{info.conn, std::string(info.host), info.remote, info.remote_port};
    }
    return std::nullopt;
  }

  if (const auto* smtp = dynamic_cast<const agents::SmtpRecord*>(&r)) {
    const agents::SmtpParties& p = smtp->parties;
    if (p.conn == 0) return std::nullopt;
    const bool by_client = p.side == agents::SmtpSide::client;
    if (by_client && is(r, k::kSmtpClientConnecting)) ports_[p.conn] = smtp->port;
    Connection& c = learn(p.conn, p.client, p.server, by_client);
    if (c.client_told != by_client || !is_dialogue_line(r)) return std::nullopt;
    if (is(r, k::kSmtpClientContent) || is(r, k::kSmtpServerContent)) {
      return row(c, true,
                 Text(msg::kTranscriptContent, {{"lines", std::to_string(smtp->lines)},
                                                {"bytes", std::to_string(smtp->bytes)}})
                     .render(lang_));
    }
    const bool client_speaks = is(r, k::kSmtpClientSent) || is(r, k::kSmtpServerReceived);
    return row(c, client_speaks, visible(smtp->line));
  }

  if (const auto* pop = dynamic_cast<const agents::RetrievalRecord*>(&r)) {
    if (pop->conn == 0) return std::nullopt;
    const bool by_client = r.kind().name.starts_with("retrieval.client.");
    if (is(r, k::kRetrievalClientConnecting)) ports_[pop->conn] = pop->port;
    Connection& c = learn(pop->conn, pop->client, pop->server, by_client);
    if (c.client_told != by_client || !is_dialogue_line(r)) return std::nullopt;
    if (is(r, k::kRetrievalClientContent) || is(r, k::kRetrievalServerContent)) {
      // POP3 ends the message with ".", as SMTP's DATA; an IMAP literal is followed by ")".
      const Message& summary = pop->protocol == agents::RetrievalProtocol::pop3
                                   ? msg::kTranscriptContent
                                   : agents::narration::kLiteralSummary;
      return row(c, false,
                 Text(summary, {{"lines", std::to_string(pop->lines)},
                                {"bytes", std::to_string(pop->bytes)}})
                     .render(lang_));
    }
    const bool client_speaks = is(r, k::kRetrievalClientSent) || is(r, k::kRetrievalServerReceived);
    return row(c, client_speaks, visible(pop->line));
  }

  if (const auto* typed = dynamic_cast<const agents::TypedSessionRecord*>(&r)) {
    if (is(r, k::kTypedOpened)) {
      const auto open = client_opens_.find(typed->session);
      if (open == client_opens_.end()) return std::nullopt;
      const ClientOpen& o = open->second;
      learn(o.conn, o.host, host_name_(o.remote), true);
      typed_[typed->session] = o.conn;
      return std::nullopt;
    }
    const auto conn = typed_.find(typed->session);
    if (conn == typed_.end() || !is_dialogue_line(r)) return std::nullopt;
    return row(connections_.at(conn->second), is(r, k::kTypedSent), visible(typed->line));
  }
  return std::nullopt;
}

}  // namespace mailsim::cli
