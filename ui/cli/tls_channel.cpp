#include "ui/cli/tls_channel.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <stdexcept>
#include <utility>

namespace mailsim::cli {

TlsChannel::TlsChannel(const TlsContext& context) : ssl_(SSL_new(context.native())) {
  if (ssl_ == nullptr) throw std::runtime_error("SSL_new failed");
  in_ = BIO_new(BIO_s_mem());
  out_ = BIO_new(BIO_s_mem());
  SSL_set_bio(ssl_, in_, out_);
  SSL_set_accept_state(ssl_);
}

TlsChannel::~TlsChannel() {
  SSL_free(ssl_);
}

TlsChannel::Status TlsChannel::handshake() {
  ERR_clear_error();
  const int r = SSL_do_handshake(ssl_);
  if (r == 1) {
    established_ = true;
    write(std::exchange(waiting_, {}));
    return Status::open;
  }
  const int error = SSL_get_error(ssl_, r);
  if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) return Status::open;
  ERR_clear_error();  // the queue is per thread: leave it clean for the next connection
  return Status::failed;
}

TlsChannel::Status TlsChannel::feed(std::string_view ciphertext, std::string& plain) {
  if (!ciphertext.empty() &&
      BIO_write(in_, ciphertext.data(), static_cast<int>(ciphertext.size())) <= 0)
    return Status::failed;
  if (!established_) {
    const Status s = handshake();
    if (s != Status::open || !established_) return s;
  }
  char buffer[16384];
  for (;;) {
    ERR_clear_error();
    const int n = SSL_read(ssl_, buffer, sizeof buffer);
    if (n > 0) {
      plain.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    const int error = SSL_get_error(ssl_, n);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) return Status::open;
    ERR_clear_error();
    return error == SSL_ERROR_ZERO_RETURN ? Status::closed : Status::failed;
  }
}

void TlsChannel::write(std::string_view plain) {
  if (!established_) {
    waiting_ += plain;
    return;
  }
  // Memory buffers take everything: one call writes it all.
  if (!plain.empty()) SSL_write(ssl_, plain.data(), static_cast<int>(plain.size()));
}

void TlsChannel::close() {
  if (established_ && !closed_) SSL_shutdown(ssl_);
  closed_ = true;
  ERR_clear_error();
}

std::string TlsChannel::take_output() {
  std::string bytes(static_cast<std::size_t>(BIO_ctrl_pending(out_)), '\0');
  if (!bytes.empty()) BIO_read(out_, bytes.data(), static_cast<int>(bytes.size()));
  return bytes;
}

}  // namespace mailsim::cli
