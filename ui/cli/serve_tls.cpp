#include "ui/cli/serve_tls.hpp"

#include <iostream>

#include "ui/cli/serve_text.hpp"

namespace mailsim::cli {

bool check_tls_options(const Options& o, Lang lang) {
  if (o.key && !o.cert) {
    std::cerr << Text(msg::kServeKeyWithoutCert).render(lang) << "\n";
    return false;
  }
  if (o.no_tls && o.cert) {
    std::cerr << Text(msg::kServeCertWithNoTls).render(lang) << "\n";
    return false;
  }
  return true;
}

std::unique_ptr<TlsContext> make_tls(const Options& o, const std::string& host, Lang lang,
                                     bool& failed) {
  failed = false;
  if (o.no_tls) return nullptr;
  if (!o.cert) return TlsContext::self_signed(host);
  const std::string key = o.key.value_or(*o.cert);  // one PEM file may hold both
  std::optional<TlsContext::Failure> failure;
  auto tls = TlsContext::from_files(*o.cert, key, failure);
  if (tls) return tls;
  failed = true;
  using P = TlsContext::Problem;
  const Message& m = failure->problem == P::unreadable_cert  ? msg::kServeCertUnreadable
                     : failure->problem == P::not_a_cert     ? msg::kServeCertNotCertificate
                     : failure->problem == P::unreadable_key ? msg::kServeKeyUnreadable
                     : failure->problem == P::not_a_key      ? msg::kServeKeyNotKey
                                                             : msg::kServeKeyMismatch;
  std::cerr << Text(m, {{"file", failure->file}, {"cert", *o.cert}}).render(lang) << "\n";
  return nullptr;
}

std::string describe_tls(const Options& o, const TlsContext* tls, Lang lang) {
  if (tls == nullptr) return Text(msg::kServeTlsOff).render(lang);
  if (o.cert)
    return Text(msg::kServeTlsFiles,
                {{"file", *o.cert}, {"host", tls->subject()}, {"fingerprint", tls->fingerprint()}})
        .render(lang);
  return Text(msg::kServeTlsSelfSigned,
              {{"host", tls->subject()}, {"fingerprint", tls->fingerprint()}})
      .render(lang);
}

}  // namespace mailsim::cli
