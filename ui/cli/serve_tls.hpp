#pragma once
// The TLS `mailsim serve` gives its bridged STARTTLS: the certificate of --cert/--key, else a
// self-signed one made for the simulated SMTP server's name, or none with --no-tls.
#include <memory>
#include <optional>
#include <string>

#include "sim/text.hpp"
#include "ui/cli/options.hpp"
#include "ui/cli/tls_context.hpp"

namespace mailsim::cli {

// Checks the options before anything listens: false, with the reason on standard error.
bool check_tls_options(const Options& o, Lang lang);
// The context (null with --no-tls), after check_tls_options; `failed` tells a certificate or
// key that cannot serve, explained on standard error. `host` names a self-signed certificate.
std::unique_ptr<TlsContext> make_tls(const Options& o, const std::string& host, Lang lang,
                                     bool& failed);
// The line that says which TLS real clients get.
std::string describe_tls(const Options& o, const TlsContext* tls, Lang lang);

}  // namespace mailsim::cli
