#include "ui/cli/transcript.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "agents/journey/dialogue_records.hpp"
#include "agents/narration/retrieval_sentences.hpp"
#include "agents/retrieval/retrieval_records.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"
#include "agents/roles/typed_session.hpp"
#include "sim/net/trace_records.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/report/message_lines.hpp"

namespace mailsim::cli {

namespace k = agents::kinds;

namespace {

bool is(const sim::TraceRecord& r, const sim::TraceKind& kind) {
  return &r.kind() == &kind;
}
template <class... Kinds>
bool is(const sim::TraceRecord& r, const sim::TraceKind& kind, const Kinds&... more) {
  return is(r, kind) || is(r, more...);
}

// A line its endpoint sent (the other kinds of lines it received).
bool is_sent(const sim::TraceRecord& r) {
  return is(r, k::kSmtpClientSent, k::kSmtpServerSent, k::kRetrievalClientSent,
            k::kRetrievalServerSent, k::kTypedSent);
}
bool is_content(const sim::TraceRecord& r) {
  return is(r, k::kSmtpClientContent, k::kSmtpServerContent, k::kRetrievalClientContent,
            k::kRetrievalServerContent);
}

}  // namespace

bool Transcript::is_dialogue_line(const sim::TraceRecord& r) {
  return is_sent(r) || is_content(r) ||
         is(r, k::kSmtpClientReceived, k::kSmtpServerReceived, k::kRetrievalClientReceived,
            k::kRetrievalServerReceived, k::kTypedReceived);
}

std::string Transcript::visible(std::string_view line) {
  return report::visible_bytes(line);
}

std::string Transcript::row(const TranscriptLine& line) const {
  const Message& who = line.client_speaks ? msg::kTranscriptClient : msg::kTranscriptServer;
  std::string out =
      Text(msg::kTranscriptRow,
           {{"connection", line.connection}, {"who", Text(who).render(lang_)}, {"line", line.text}})
          .render(lang_);
  while (line.text.empty() && !out.empty() && out.back() == ' ')
    out.pop_back();  // an empty line
  return out;
}

std::vector<std::string> Transcript::take(const sim::TraceRecord& r) {
  std::vector<std::string> rows;
  for (const TranscriptLine& line : lines(r))
    rows.push_back(row(line));
  return rows;
}

std::vector<TranscriptLine> Transcript::lines(const sim::TraceRecord& r) {
  if (is(r, sim::net::kinds::kConnOpened)) {
    const sim::net::ConnInfo& info = static_cast<const sim::net::ConnRecord&>(r).info();
    const bool client = info.role == sim::net::ConnRole::client;
    ports_[info.conn] = client ? info.remote_port : info.local_port;
    return {};
  }
  const auto* record = dynamic_cast<const agents::DialogueRecord*>(&r);
  if (record == nullptr || record->parties.conn == 0) return {};
  const agents::DialogueParties& p = record->parties;
  const bool by_client = p.side == agents::DialogueSide::client;
  if (is(r, k::kSmtpClientConnecting, k::kRetrievalClientConnecting))
    ports_[p.conn] = static_cast<const agents::DialogueConnectingRecord&>(r).port;

  // The first record of a connection decides its side; later ones only find it.
  auto [it, fresh] = connections_.try_emplace(p.conn);
  Connection& c = it->second;
  if (fresh) {
    const auto port = ports_.find(p.conn);
    c.label = port == ports_.end() ? fmt::format("{} -> {}", p.client, p.server)
                                   : fmt::format("{} -> {}:{}", p.client, p.server, port->second);
    c.client_told = by_client;
  }
  if (c.client_told != by_client || !is_dialogue_line(r)) return {};

  if (is_content(r)) {
    // SMTP's DATA comes from the client; a POP3 or IMAP message from the server. POP3 ends
    // it with ".", as SMTP's DATA; an IMAP literal is followed by ")".
    const auto& content = static_cast<const agents::DialogueContentRecord&>(r);
    const bool smtp = p.protocol == agents::DialogueProtocol::smtp;
    if (shown_in_full(content)) {
      std::vector<TranscriptLine> out;
      for (std::string_view text = content.text; !text.empty();) {
        const std::size_t end = text.find("\r\n");
        out.push_back({p.conn, c.label, smtp, visible(text.substr(0, end)), true});
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 2);
      }
      return out;
    }
    const Message& summary = p.protocol == agents::DialogueProtocol::imap
                                 ? agents::narration::kLiteralSummary
                                 : msg::kTranscriptContent;
    Text words(summary, {{"lines", std::to_string(content.lines)},
                         {"bytes", std::to_string(content.bytes)}});
    std::string text = words.render(lang_);
    return {{p.conn, c.label, smtp, std::move(text), true, std::move(words)}};
  }
  const bool client_speaks = is_sent(r) == by_client;
  return {{p.conn, c.label, client_speaks,
           visible(static_cast<const agents::DialogueLineRecord&>(r).line), false}};
}

bool Transcript::shown_in_full(const agents::DialogueContentRecord& content) const {
  if (content.text.empty()) return false;  // told as a count of bytes: no lines to show
  if (full_data_) return true;
  // Each line ends in CRLF; a CR or LF elsewhere is a bare one, what smuggling is made of.
  std::size_t line_ends = 0;
  for (std::size_t at = content.text.find("\r\n"); at != std::string_view::npos;
       at = content.text.find("\r\n", at + 2))
    ++line_ends;
  const auto crs = std::count(content.text.begin(), content.text.end(), '\r');
  const auto lfs = std::count(content.text.begin(), content.text.end(), '\n');
  return static_cast<std::size_t>(crs) != line_ends || static_cast<std::size_t>(lfs) != line_ends;
}

}  // namespace mailsim::cli
