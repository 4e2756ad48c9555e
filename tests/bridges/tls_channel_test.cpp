// The bridge's TLS, without sockets: an OpenSSL client on memory buffers talks to TlsChannel,
// and StarttlsHiding takes STARTTLS out of EHLO replies for --no-tls.
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "ui/cli/starttls_hiding.hpp"
#include "ui/cli/tls_channel.hpp"
#include "ui/cli/tls_context.hpp"

namespace {

using mailsim::cli::StarttlsHiding;
using mailsim::cli::TlsChannel;
using mailsim::cli::TlsContext;

// A TLS client on memory buffers, as a mail program would be on its socket.
class Client {
 public:
  Client() : ctx_(SSL_CTX_new(TLS_client_method())) {
    SSL_CTX_set_verify(ctx_, SSL_VERIFY_NONE, nullptr);
    ssl_ = SSL_new(ctx_);
    in_ = BIO_new(BIO_s_mem());
    out_ = BIO_new(BIO_s_mem());
    SSL_set_bio(ssl_, in_, out_);
    SSL_set_connect_state(ssl_);
  }
  ~Client() {
    SSL_free(ssl_);
    SSL_CTX_free(ctx_);
  }
  // Moves the handshake on; what it has to send.
  std::string step(const std::string& from_server) {
    if (!from_server.empty())
      BIO_write(in_, from_server.data(), static_cast<int>(from_server.size()));
    SSL_do_handshake(ssl_);
    return drain();
  }
  std::string send(const std::string& plain) {
    SSL_write(ssl_, plain.data(), static_cast<int>(plain.size()));
    return drain();
  }
  std::string read(const std::string& from_server) {
    BIO_write(in_, from_server.data(), static_cast<int>(from_server.size()));
    char buf[4096];
    const int n = SSL_read(ssl_, buf, sizeof buf);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "";
  }
  bool done() const { return SSL_is_init_finished(ssl_) == 1; }
  std::string peer_fingerprint() const {
    X509* cert = SSL_get0_peer_certificate(ssl_);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    X509_digest(cert, EVP_sha256(), md, &n);
    std::string hex;
    for (unsigned int i = 0; i < n; ++i) {
      char b[4];
      std::snprintf(b, sizeof b, "%02X", md[i]);
      hex += (i ? ":" : "") + std::string(b);
    }
    return hex;
  }

 private:
  std::string drain() {
    std::string bytes(static_cast<std::size_t>(BIO_ctrl_pending(out_)), '\0');
    if (!bytes.empty()) BIO_read(out_, bytes.data(), static_cast<int>(bytes.size()));
    return bytes;
  }
  SSL_CTX* ctx_;
  SSL* ssl_;
  BIO* in_;
  BIO* out_;
};

TEST(TlsChannel, HandshakeThenPlaintextBothWaysWithTheSelfSignedCertificate) {
  const auto context = TlsContext::self_signed("smtp.a.example");
  EXPECT_EQ(context->subject(), "smtp.a.example");
  EXPECT_EQ(context->fingerprint().size(), 32u * 3 - 1);
  TlsChannel server(*context);
  server.write("250 said before the handshake ended\r\n");  // kept until it ends
  Client client;
  std::string to_server = client.step("");
  std::string plain;
  for (int round = 0; round < 4 && !(client.done() && server.established()); ++round) {
    ASSERT_EQ(server.feed(to_server, plain), TlsChannel::Status::open);
    to_server = client.step(server.take_output());
  }
  ASSERT_TRUE(client.done());
  ASSERT_TRUE(server.established());
  EXPECT_EQ(client.peer_fingerprint(), context->fingerprint());
  EXPECT_EQ(server.feed(to_server + client.send("EHLO real-client\r\n"), plain),
            TlsChannel::Status::open);
  EXPECT_EQ(plain, "EHLO real-client\r\n");
  std::string answered = client.read(server.take_output());
  // TLS 1.3 sends its session tickets after the handshake: the client reads past them.
  for (int i = 0; i < 3 && answered.empty(); ++i)
    answered = client.read("");
  EXPECT_EQ(answered, "250 said before the handshake ended\r\n");
}

TEST(TlsChannel, BytesThatAreNotTlsFailTheHandshake) {
  const auto context = TlsContext::self_signed("smtp.a.example");
  TlsChannel server(*context);
  std::string plain;
  EXPECT_EQ(server.feed("EHLO this is not a ClientHello\r\n", plain), TlsChannel::Status::failed);
  EXPECT_TRUE(plain.empty());
  EXPECT_FALSE(server.established());
  EXPECT_EQ(ERR_peek_error(), 0u);  // nothing left in the thread's error queue
}

TEST(TlsContext, FilesThatCannotServeAreTold) {
  using Problem = TlsContext::Problem;
  std::optional<TlsContext::Failure> failure;
  const std::string dir = ::testing::TempDir();
  EXPECT_EQ(TlsContext::from_files(dir + "no-such.pem", dir + "no-such.key", failure), nullptr);
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->problem, Problem::unreadable_cert);
  const std::string junk = dir + "mailsim_junk_" + std::to_string(getpid()) + ".pem";
  std::ofstream(junk) << "not a certificate\n";
  failure.reset();
  EXPECT_EQ(TlsContext::from_files(junk, junk, failure), nullptr);
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->problem, Problem::not_a_cert);
  EXPECT_EQ(failure->file, junk);
}

std::vector<std::string> pass_all(const std::vector<std::string>& lines) {
  StarttlsHiding hiding;
  std::vector<std::string> out;
  for (const auto& l : lines)
    for (auto& p : hiding.pass(l))
      out.push_back(std::move(p));
  return out;
}

TEST(StarttlsHiding, TakesStarttlsOutOfTheEhloReplyAndKeepsItsLastLineLast) {
  EXPECT_EQ(pass_all({"220 smtp.a.example ESMTP MailSim", "250-smtp.a.example", "250-PIPELINING",
                      "250-STARTTLS", "250 8BITMIME"}),
            (std::vector<std::string>{"220 smtp.a.example ESMTP MailSim", "250-smtp.a.example",
                                      "250-PIPELINING", "250 8BITMIME"}));
  EXPECT_EQ(pass_all({"250-smtp.a.example", "250-SIZE 10240000", "250 starttls"}),
            (std::vector<std::string>{"250-smtp.a.example", "250 SIZE 10240000"}));
  // Other replies pass as they are, and a multi-line reply is held until its end only.
  StarttlsHiding hiding;
  EXPECT_TRUE(hiding.pass("250-first").empty());
  EXPECT_EQ(hiding.pass("250 STARTTLS"), (std::vector<std::string>{"250 first"}));
  EXPECT_EQ(hiding.pass("502 5.5.1 STARTTLS"), (std::vector<std::string>{"502 5.5.1 STARTTLS"}));
  EXPECT_EQ(hiding.pass("214-STARTTLS"), (std::vector<std::string>{"214-STARTTLS"}));
}

}  // namespace
