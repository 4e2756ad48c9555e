#pragma once
// One connection's TLS, server side, after a bridged STARTTLS: the ciphertext read from the
// socket goes in, the plaintext comes out for the simulated session, and what the session
// answers goes back out encrypted. Memory buffers, no socket: the bridge's poll() loop does
// all reading and writing, so a slow or broken handshake never blocks it.
#include <string>
#include <string_view>

#include "ui/cli/tls_context.hpp"

struct ssl_st;
struct bio_st;

namespace mailsim::cli {

class TlsChannel {
 public:
  enum class Status {
    open,    // handshake under way or done
    closed,  // the client ended TLS (close_notify)
    failed,  // not TLS, or a handshake the client gave up (an untrusted certificate...)
  };

  explicit TlsChannel(const TlsContext& context);
  ~TlsChannel();
  TlsChannel(const TlsChannel&) = delete;
  TlsChannel& operator=(const TlsChannel&) = delete;

  // Bytes from the socket; the plaintext they carried is appended to `plain`.
  Status feed(std::string_view ciphertext, std::string& plain);
  // Plaintext for the client; kept until the handshake is done.
  void write(std::string_view plain);
  // Ends TLS with a close_notify, when the handshake was done; once.
  void close();
  // The bytes to send on the socket now (handshake messages, records, alerts).
  std::string take_output();
  bool established() const { return established_; }

 private:
  Status handshake();
  ssl_st* ssl_;
  bio_st* in_;   // owned by ssl_
  bio_st* out_;  // owned by ssl_
  bool established_ = false;
  bool closed_ = false;
  std::string waiting_;  // plaintext written before the handshake ended
};

}  // namespace mailsim::cli
