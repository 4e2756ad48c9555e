#include "ui/cli/tls_context.hpp"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <fstream>

namespace mailsim::cli {

namespace {

template <typename T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Freer<X509, X509_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Freer<X509_EXTENSION, X509_EXTENSION_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Freer<BIGNUM, BN_free>>;

SSL_CTX* new_server_context() {
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  if (ctx == nullptr) throw std::runtime_error("SSL_CTX_new failed");
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  return ctx;
}

bool readable(const std::string& path) {
  return std::ifstream(path).good();
}

}  // namespace

TlsContext::TlsContext(ssl_ctx_st* ctx) : ctx_(ctx) {}

TlsContext::~TlsContext() {
  SSL_CTX_free(ctx_);
}

std::unique_ptr<TlsContext> TlsContext::self_signed(const std::string& host) {
  // P-256: made in a millisecond, and every TLS 1.2 and 1.3 client takes it.
  KeyPtr key(EVP_EC_gen("P-256"));
  CertPtr cert(X509_new());
  if (!key || !cert) throw std::runtime_error("cannot make a TLS key");
  X509_set_version(cert.get(), 2);  // X.509 v3, for the subjectAltName
  BnPtr serial(BN_new());
  BN_rand(serial.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
  BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()));
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -24L * 3600);  // a clock a little behind
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  const auto text = [](const std::string& s) {
    return reinterpret_cast<const unsigned char*>(s.c_str());
  };
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, text("MailSim"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, text(host), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509V3_CTX v3;
  X509V3_set_ctx_nodb(&v3);
  X509V3_set_ctx(&v3, cert.get(), cert.get(), nullptr, nullptr, 0);
  const std::string names = "DNS:" + host + ",DNS:localhost,IP:127.0.0.1";
  ExtPtr alt(X509V3_EXT_conf_nid(nullptr, &v3, NID_subject_alt_name, names.c_str()));
  if (alt) X509_add_ext(cert.get(), alt.get(), -1);
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
    throw std::runtime_error("cannot sign the TLS certificate");

  std::unique_ptr<TlsContext> made(new TlsContext(new_server_context()));
  SSL_CTX_use_certificate(made->ctx_, cert.get());
  SSL_CTX_use_PrivateKey(made->ctx_, key.get());
  made->describe_certificate();
  return made;
}

std::unique_ptr<TlsContext> TlsContext::from_files(const std::string& cert, const std::string& key,
                                                   std::optional<Failure>& failure) {
  std::unique_ptr<TlsContext> made(new TlsContext(new_server_context()));
  auto fail = [&](Problem problem, const std::string& file) {
    ERR_clear_error();  // OpenSSL's own words stay out: the catalog explains in both languages
    failure = Failure{problem, file};
    return nullptr;
  };
  if (!readable(cert)) return fail(Problem::unreadable_cert, cert);
  if (SSL_CTX_use_certificate_chain_file(made->ctx_, cert.c_str()) != 1)
    return fail(Problem::not_a_cert, cert);
  if (!readable(key)) return fail(Problem::unreadable_key, key);
  if (SSL_CTX_use_PrivateKey_file(made->ctx_, key.c_str(), SSL_FILETYPE_PEM) != 1) {
    // OpenSSL refuses a key that does not match the certificate already loaded in the same
    // call: tell that apart from a file that holds no key at all.
    const unsigned long reason = ERR_GET_REASON(ERR_peek_last_error());
    if (reason == X509_R_KEY_VALUES_MISMATCH || reason == X509_R_KEY_TYPE_MISMATCH)
      return fail(Problem::key_mismatch, key);
    return fail(Problem::not_a_key, key);
  }
  if (SSL_CTX_check_private_key(made->ctx_) != 1) return fail(Problem::key_mismatch, key);
  made->describe_certificate();
  return made;
}

void TlsContext::describe_certificate() {
  X509* cert = SSL_CTX_get0_certificate(ctx_);
  if (cert == nullptr) return;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  X509_digest(cert, EVP_sha256(), digest, &length);
  for (unsigned int i = 0; i < length; ++i) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%02X", digest[i]);
    fingerprint_ += (i == 0 ? "" : ":") + std::string(hex);
  }
  char name[256] = "";
  X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, name, sizeof name);
  subject_ = name;
}

}  // namespace mailsim::cli
