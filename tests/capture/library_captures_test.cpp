// Every library scenario, captured on every link by `mailsim run --pcap` and read by tshark as a
// student would: valid IP, TCP and UDP checksums, nothing malformed and no expert error; each
// payload SMTP, DNS, POP3 or IMAP by its port; and each TCP stream, followed as Wireshark's
// "Follow TCP stream" does, says what `mailsim run --transcript` showed for that connection.
// One mailsim run and one tshark run per scenario, to keep the test short.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "tests/command_output.hpp"

namespace {

using mailsim::test::command_output;

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, sep))
    out.push_back(part);
  return out;
}

// The TCP connections in a pcapng file: each SYN without ACK opens one (tshark numbers its
// streams in that order); a copy of the SYN on another link opens none.
std::size_t count_tcp_connections(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto le32 = [&](std::size_t at) {
    return std::uint32_t(std::uint8_t(file[at])) | std::uint32_t(std::uint8_t(file[at + 1])) << 8 |
           std::uint32_t(std::uint8_t(file[at + 2])) << 16 |
           std::uint32_t(std::uint8_t(file[at + 3])) << 24;
  };
  std::set<std::string> syns;
  for (std::size_t at = 0; at + 12 <= file.size();) {
    const std::uint32_t type = le32(at), length = le32(at + 4);
    if (length < 12) break;
    if (type == 6) {                    // enhanced packet block
      const std::size_t ip = at + 28;   // after type, length, interface, time, lengths
      const std::size_t tcp = ip + 20;  // IPv4 without options
      if (file[ip + 9] == 6 && (std::uint8_t(file[tcp + 13]) & 0x12) == 0x02)
        syns.insert(file.substr(ip + 12, 8) + file.substr(tcp, 4));  // addresses and ports
    }
    at += length;
  }
  return syns.size();
}

// Both sides in one form, line by line: the transcript spells a bare CR or LF as <CR> or <LF>
// and other control bytes as <0xNN>; Wireshark's ASCII view keeps CR and LF and shows every
// other control byte, tab too, and each byte above ASCII, as a dot.
std::string transcript_form(const std::string& line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line.compare(i, 3, "<0x") == 0 && i + 5 < line.size() && line[i + 5] == '>') {
      out += '.';
      i += 5;
    } else {
      const auto b = static_cast<unsigned char>(line[i]);
      out += b == '\t' || b >= 0x7f ? '.' : line[i];  // UTF-8 is a dot per byte there too
    }
  }
  return out + "\n";
}
std::string followed_form(const std::string& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes.compare(i, 2, "\r\n") == 0) {
      out += "\n";
      ++i;
    } else if (bytes[i] == '\r') {
      out += "<CR>";
    } else if (bytes[i] == '\n') {
      out += "<LF>";
    } else {
      out += bytes[i];
    }
  }
  if (!out.empty() && out.back() != '\n') out += "\n";  // a last line without its line end
  return out;
}

struct Dialogue {
  std::string client, server;
};

// `mailsim run --transcript --full-data` by the ends of its connections ("[alice-pc ->
// smtp.a.example:587]", names as addresses), each side's lines in transcript_form. The label
// does not tell two connections between the same ends apart.
std::map<std::string, Dialogue> transcript_dialogues(
    const std::string& out, const std::map<std::string, std::string>& address) {
  std::map<std::string, Dialogue> dialogues;
  for (const std::string& line : split(out, '\n')) {
    const std::size_t open = line.find("    [");
    if (open == std::string::npos) continue;
    const std::size_t close = line.find("] ", open);
    const std::string label = line.substr(open + 5, close - open - 5);
    const std::string who = line.substr(close + 2, 2);
    const std::string text = line.size() > close + 5 ? line.substr(close + 5) : "";
    const std::size_t arrow = label.find(" -> ");
    const std::size_t colon = label.rfind(':');
    auto addr = [&](const std::string& name) {
      auto it = address.find(name);
      return it == address.end() ? name : it->second;
    };
    const std::string key = addr(label.substr(0, arrow)) + " " +
                            addr(label.substr(arrow + 4, colon - arrow - 4)) + label.substr(colon);
    Dialogue& d = dialogues[key];
    (who == "C:" ? d.client : d.server) += transcript_form(text);
  }
  return dialogues;
}

// The lines in order, or sorted when several connections share the ends (their lines may
// interleave in the transcript).
std::string in_order(const std::string& lines, bool several) {
  if (!several) return lines;
  std::vector<std::string> sorted = split(lines, '\n');
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const std::string& l : sorted)
    out += l + "\n";
  return out;
}

// "" when the followed lines are the transcript's; else the first line that differs. A POP3
// server's message is summed up in the transcript even with --full-data (the server's record
// holds its size only): there, the followed lines need only hold the transcript's in order,
// the message's lines between them.
// `more_after`: the client quit without reading the server's last replies (it pipelined QUIT),
// which the capture shows and the client's transcript cannot.
std::string difference(const std::string& followed, const std::string& transcript,
                       bool more_after = false) {
  const bool summed_up = transcript.find("(the message itself: ") != std::string::npos;
  const auto f = split(followed, '\n'), t = split(transcript, '\n');
  std::size_t i = 0;
  for (const std::string& line : t) {
    if (line.rfind("(the message itself: ", 0) == 0) continue;
    while (summed_up && i < f.size() && f[i] != line)
      ++i;
    if (i >= f.size()) return "missing: " + line;
    if (f[i] != line) return "followed: " + f[i] + "\ntranscript: " + line;
    ++i;
  }
  if (!summed_up && !more_after && i < f.size()) return "not in the transcript: " + f[i];
  return "";
}

struct Followed {
  std::string key;
  std::string client, server;
};

// tshark's `-z follow,tcp,ascii,N` blocks: the nodes, then each chunk's length (indented when
// node 1, the server, sent it) and its bytes.
std::vector<Followed> followed_streams(const std::string& out) {
  std::vector<Followed> streams;
  for (std::size_t at = out.find("Follow: tcp,ascii"); at != std::string::npos;
       at = out.find("Follow: tcp,ascii", at)) {
    Followed f;
    auto line_at = [&](std::size_t& pos) {
      const std::size_t end = out.find('\n', pos);
      std::string l = out.substr(pos, end - pos);
      pos = end + 1;
      return l;
    };
    std::size_t pos = at;
    line_at(pos);  // Follow:
    line_at(pos);  // Filter:
    const std::string node0 = line_at(pos).substr(8), node1 = line_at(pos).substr(8);
    f.key = node0.substr(0, node0.rfind(':')) + " " + node1;
    for (;;) {
      const std::string head = line_at(pos);
      if (head.empty() || head[0] == '=') break;
      const bool server = head[0] == '\t';
      const std::size_t n = std::stoul(head.substr(server ? 1 : 0));
      (server ? f.server : f.client) += out.substr(pos, n);
      pos += n + 1;  // the chunk, then its line end
    }
    streams.push_back(f);
    at = pos;
  }
  return streams;
}

const char* expected_protocol(unsigned port) {
  switch (port) {
    case 25:
    case 587:
      return "smtp";
    case 110:
      return "pop";
    case 143:
      return "imap";
    case 53:
      return "dns";
    default:
      return nullptr;
  }
}

}  // namespace

TEST(LibraryCaptures, TsharkReadsEveryScenarioAsCleanMailProtocolsAndTheTranscriptsDialogues) {
  if (command_output("command -v tshark").empty())
    GTEST_SKIP() << "tshark is not installed (make deps installs it)";
  const std::string dir = ::testing::TempDir() + "mailsim_library_captures/";
  std::filesystem::create_directories(dir);
  for (const auto& scenario : mailsim::scenarios::builtin_scenarios()) {
    const std::string name(scenario.name);
    SCOPED_TRACE(name);
    const auto loaded = mailsim::scenarios::load_scenario_text(scenario.text, name);
    ASSERT_TRUE(loaded.scenario);
    std::map<std::string, std::string> address;
    for (const auto& h : loaded.scenario->network.hosts)
      address[h.name] = h.address.to_string();
    for (const auto& r : loaded.scenario->network.routers)
      if (r.address) address[r.name] = r.address->to_string();

    const std::string pcap = dir + name + ".pcapng";
    const std::string transcript =
        command_output(std::string(MAILSIM_BIN) + " run " + name +
                       " --lang en --transcript --full-data --pcap " + pcap);
    const std::size_t connections = count_tcp_connections(pcap);
    std::string cmd = "tshark -n -r " + pcap +
                      " -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE"
                      " -o udp.check_checksum:TRUE -T fields -E separator=/t"
                      " -e frame.number -e frame.protocols -e tcp.len -e tcp.analysis.flags"
                      " -e tcp.srcport -e tcp.dstport -e udp.srcport -e udp.dstport"
                      " -e _ws.expert.severity -e _ws.malformed -e tcp.stream -e smtp.req.command";
    for (std::size_t i = 0; i < connections; ++i)
      cmd += " -z follow,tcp,ascii," + std::to_string(i);
    const std::string out = command_output(cmd + " 2>/dev/null");
    const std::size_t taps = out.find("\n=====");
    const std::string fields = out.substr(0, taps == std::string::npos ? out.size() : taps + 1);

    std::size_t frames = 0;
    std::map<std::string, std::size_t> dissected;
    std::set<std::string> after_starttls;  // streams whose client sent STARTTLS
    for (const std::string& row : split(fields, '\n')) {
      if (row.empty()) continue;  // before the taps' output
      const auto f = split(row + "\t", '\t');
      ASSERT_GE(f.size(), 12u) << row;
      ++frames;
      // On every link, a packet's copy on its second link is a retransmission to TCP analysis,
      // whose reassembly may then stumble (docs/bridges.md); the first copy must be clean.
      const bool copy = !f[3].empty();
      EXPECT_TRUE(copy || f[9].empty()) << "malformed: frame " << f[0];
      for (const std::string& severity : split(f[8], ','))
        EXPECT_TRUE(copy || std::stoul(severity) < 0x00800000u) << "expert error: frame " << f[0];
      const bool tcp = !f[2].empty(), payload = tcp ? f[2] != "0" : true;
      if (!payload || !f[3].empty()) continue;  // no data, or a copy TCP analysis flagged
      const unsigned src = std::stoul(tcp ? f[4] : f[6]), dst = std::stoul(tcp ? f[5] : f[7]);
      const char* protocol =
          expected_protocol(dst) ? expected_protocol(dst) : expected_protocol(src);
      ASSERT_NE(protocol, nullptr) << "a port mail does not use: " << row;
      if (f[11].find("STAR") != std::string::npos)  // tshark keeps a command's 4 first letters
        after_starttls.insert(f[10]);
      // MailSim's TLS is simulated: after STARTTLS the session goes on in clear, where
      // Wireshark expects TLS records and reads some segments as TLS (docs/bridges.md).
      if (f[1].ends_with(":tls") && after_starttls.count(f[10]) != 0) {
        ++dissected["smtp after STARTTLS, read as TLS"];
        continue;
      }
      EXPECT_NE(f[1].find(std::string(":") + protocol), std::string::npos)
          << "frame " << f[0] << " is not " << protocol << ": " << f[1];
      ++dissected[protocol];
    }
    EXPECT_GT(frames, 0u);
    if (transcript.find("] C: ") != std::string::npos) {
      EXPECT_GT(dissected["smtp"], 0u);
    }
    if (transcript.find(":110] ") != std::string::npos) {
      EXPECT_GT(dissected["pop"], 0u);
    }
    if (transcript.find(":143] ") != std::string::npos) {
      EXPECT_GT(dissected["imap"], 0u);
    }

    // The connections that spoke, against the streams between the same ends.
    std::map<std::string, Dialogue> streams;
    std::map<std::string, std::size_t> count;
    for (const Followed& f : followed_streams(out.substr(fields.size()))) {
      if (f.client.empty() && f.server.empty()) continue;
      streams[f.key].client += followed_form(f.client);
      streams[f.key].server += followed_form(f.server);
      ++count[f.key];
    }
    const auto dialogues = transcript_dialogues(transcript, address);
    EXPECT_EQ(dialogues.size(), streams.size());
    for (const auto& [key, d] : dialogues) {
      ASSERT_EQ(streams.count(key), 1u) << "no TCP stream for " << key;
      const bool several = count[key] > 1;
      EXPECT_EQ(difference(in_order(streams[key].client, several), in_order(d.client, several)), "")
          << key;
      const bool quit = d.client.ends_with("QUIT\n");
      EXPECT_EQ(
          difference(in_order(streams[key].server, several), in_order(d.server, several), quit), "")
          << key;
    }
  }
}
