#pragma once
// The real TLS a bridged STARTTLS speaks (`mailsim serve`): OpenSSL's server context with a
// certificate, either made at start for the simulated server's name (self-signed, in memory,
// nothing written to disk) or read from the PEM files a person gives (--cert, --key).
#include <memory>
#include <optional>
#include <string>

struct ssl_ctx_st;  // OpenSSL's SSL_CTX, kept out of the headers that include this one

namespace mailsim::cli {

class TlsContext {
 public:
  // Why the files cannot be used, for the catalog (serve_text.hpp) to explain.
  enum class Problem { unreadable_cert, not_a_cert, unreadable_key, not_a_key, key_mismatch };
  struct Failure {
    Problem problem;
    std::string file;
  };

  // A fresh key and a certificate for `host` (also valid for localhost and 127.0.0.1), signed
  // by itself; a new random serial each time, so that a mail program that kept an exception
  // for an earlier one does not mistake it for a forgery of the same certificate.
  static std::unique_ptr<TlsContext> self_signed(const std::string& host);
  // The certificate (chain) and private key in PEM files; the failure when they cannot serve.
  static std::unique_ptr<TlsContext> from_files(const std::string& cert, const std::string& key,
                                                std::optional<Failure>& failure);

  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  ssl_ctx_st* native() const { return ctx_; }
  // The certificate's SHA-256 fingerprint, "AB:CD:...", which a mail program shows before a
  // person accepts the certificate.
  const std::string& fingerprint() const { return fingerprint_; }
  const std::string& subject() const { return subject_; }  // the certificate's common name

 private:
  explicit TlsContext(ssl_ctx_st* ctx);
  void describe_certificate();
  ssl_ctx_st* ctx_;
  std::string fingerprint_;
  std::string subject_;
};

}  // namespace mailsim::cli
