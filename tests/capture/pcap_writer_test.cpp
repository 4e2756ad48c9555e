#include "sim/capture/pcap_writer.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "sim/net/network.hpp"
#include "sim/simulator.hpp"
#include "tests/command_output.hpp"

using namespace mailsim::sim;
using namespace mailsim::sim::net;
using namespace mailsim::sim::capture;
using namespace std::chrono_literals;

namespace {

using mailsim::test::command_output;

bool have_tshark() {
  return command_output("command -v tshark").find("tshark") != std::string::npos;
}

// A client on a sends `request` to b:25, which answers with `reply` and closes.
struct Exchange {
  Simulator sim{3};
  Network net{sim};
  NodeId a, b;
  std::string received_by_client;
  Exchange() {
    a = net.add_host("a", Ipv4Address::parse("192.0.2.10"));
    b = net.add_host("b", Ipv4Address::parse("198.51.100.25"));
    NodeId r = net.add_router("r1");
    LinkParams slow;
    slow.bandwidth_bps = 10'000'000;
    net.add_link("a-r1", a, r, slow);
    net.add_link("r1-b", r, b, slow);
  }
  void run(const std::string& request, const std::string& reply) {
    net.host(b).listen(25, [reply](StreamSocket s) {
      auto got = std::make_shared<std::size_t>(0);
      s.on_data([s, got, reply](std::span<const std::byte> bytes) mutable {
        *got += bytes.size();
        (void)got;
      });
      s.on_end([s, reply]() mutable {
        s.send(reply);
        s.close();
      });
    });
    StreamSocket c = net.host(a).connect(
        Ipv4Address::parse("198.51.100.25"), 25,
        [request](StreamSocket s) mutable {
          s.send(request);
          s.close();
        },
        [](ConnError) {});
    c.on_data([this](std::span<const std::byte> bytes) {
      received_by_client.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    });
    sim.run_until(1min);
  }
};

}  // namespace

TEST(SerializePacket, ChecksumsVerify) {
  Packet p;
  p.ip.src = Ipv4Address::parse("192.0.2.10");
  p.ip.dst = Ipv4Address::parse("198.51.100.25");
  p.ip.protocol = Protocol::tcp;
  p.ip.ttl = 64;
  p.ip.id = 7;
  p.tcp.src_port = 40000;
  p.tcp.dst_port = 25;
  p.tcp.seq = 1000;
  p.tcp.flags = tcp_flags::syn;
  p.tcp.window = 65535;
  p.tcp.mss_option = 1460;
  std::vector<std::byte> bytes = serialize_packet(p);
  ASSERT_EQ(bytes.size(), 44u);  // 20 IP + 24 TCP with the MSS option
  // Summing a header with its checksum in place gives 0xffff.
  auto verify = [](const std::byte* d, std::size_t n, std::uint32_t sum) {
    for (std::size_t i = 0; i + 1 < n; i += 2)
      sum += (std::to_integer<std::uint32_t>(d[i]) << 8) | std::to_integer<std::uint32_t>(d[i + 1]);
    while (sum >> 16)
      sum = (sum & 0xffff) + (sum >> 16);
    return sum;
  };
  EXPECT_EQ(verify(bytes.data(), 20, 0), 0xffffu);
  const std::uint32_t pseudo = 0xc000 + 0x020a + 0xc633 + 0x6419 + 6 + 24;
  EXPECT_EQ(verify(bytes.data() + 20, 24, pseudo), 0xffffu);
}

TEST(PcapWriter, TsharkReadsTheExchangeWithValidChecksumsAndTheSameBytes) {
  if (!have_tshark()) GTEST_SKIP() << "tshark is not installed (make deps installs it)";
  const std::string path = ::testing::TempDir() + "mailsim_capture_test.pcap";
  std::string request;
  for (int i = 0; i < 300; ++i)
    request += "line " + std::to_string(i) + " of a mail body\r\n";
  const std::string reply = "250 2.0.0 Ok: queued as 4B3F21A0C2\r\n";
  std::uint64_t written = 0;
  {
    Exchange x;
    PcapWriter writer(x.net, path, {CapturePoint::Kind::host, "a"}, 1764403200LL * 1000000);
    ASSERT_TRUE(writer.ok());
    x.run(request, reply);
    written = writer.packets_written();
    EXPECT_EQ(x.received_by_client, reply);
  }
  EXPECT_GT(written, 10u);
  const std::string quiet = " 2>/dev/null";
  // Every packet decodes, and no checksum is bad.
  std::string fields =
      command_output("tshark -r " + path +
                     " -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -T fields"
                     " -e ip.checksum.status -e tcp.checksum.status" +
                     quiet);
  std::size_t lines = 0;
  for (std::size_t pos = 0; (pos = fields.find('\n', pos)) != std::string::npos; ++pos)
    ++lines;
  EXPECT_EQ(lines, written);
  EXPECT_EQ(fields.find("0"), std::string::npos) << fields.substr(0, 200);  // 0: bad checksum
  EXPECT_EQ(command_output("tshark -r " + path + " -Y _ws.malformed" + quiet), "");
  EXPECT_EQ(command_output("tshark -r " + path +
                           " -Y tcp.analysis.flags -T fields -e frame.number" + quiet),
            "");
  // Wireshark's "Follow TCP stream" rebuilds both directions byte for byte.
  std::string follow = command_output("tshark -r " + path + " -q -z follow,tcp,raw,0" + quiet);
  auto hex = [](const std::string& s) {
    static const char* d = "0123456789abcdef";
    std::string h;
    for (unsigned char c : s) {
      h += d[c >> 4];
      h += d[c & 15];
    }
    return h;
  };
  std::string joined;
  for (std::size_t pos = 0, next; pos < follow.size(); pos = next + 1) {
    next = follow.find('\n', pos);
    if (next == std::string::npos) next = follow.size();
    std::string line = follow.substr(pos, next - pos);
    while (!line.empty() && (line[0] == '\t'))
      line.erase(0, 1);
    if (!line.empty() && line.find_first_not_of("0123456789abcdef") == std::string::npos)
      joined += line;
  }
  EXPECT_EQ(joined, hex(request) + hex(reply));
  if (!std::getenv("MAILSIM_KEEP_CAPTURE")) std::filesystem::remove(path);
}

// Everywhere, in pcapng: each packet once per link it crosses, on an interface named after the
// link, with the timestamps of the simulated clock from the epoch.
TEST(PcapWriter, EverywhereWritesEachPacketOncePerLinkOnNamedInterfaces) {
  if (!have_tshark()) GTEST_SKIP() << "tshark is not installed (make deps installs it)";
  const std::string path = ::testing::TempDir() + "mailsim_capture_test.pcapng";
  std::uint64_t written = 0;
  {
    Exchange x;
    PcapWriter writer(x.net, path, CapturePoint{}, 1764403200LL * 1000000);
    ASSERT_TRUE(writer.ok());
    x.run("HELO a\r\n", "250 b\r\n");
    written = writer.packets_written();
  }
  const std::string fields = command_output("tshark -r " + path +
                                            " -T fields -e frame.interface_name -e ip.src -e ip.id"
                                            " -e frame.time_epoch 2>/dev/null");
  std::map<std::string, std::set<std::string>> ids_by_link;
  std::size_t lines = 0;
  std::istringstream in(fields);
  for (std::string line; std::getline(in, line); ++lines) {
    std::istringstream cols(line);
    std::string link, src, id, epoch;
    cols >> link >> src >> id >> epoch;
    ids_by_link[link].insert(src + "/" + id);
    EXPECT_EQ(epoch.substr(0, 7), "1764403") << line;  // 2025-11-29, the epoch given
  }
  EXPECT_EQ(lines, written);
  ASSERT_EQ(ids_by_link.size(), 2u) << fields;
  // Both links saw the same packets: a to b crosses a-r1 then r1-b, and back.
  EXPECT_EQ(ids_by_link["a-r1"], ids_by_link["r1-b"]);
  EXPECT_EQ(ids_by_link["a-r1"].size() * 2, written);
  EXPECT_EQ(command_output("tshark -r " + path + " -Y _ws.malformed 2>/dev/null"), "");
  std::filesystem::remove(path);
}
