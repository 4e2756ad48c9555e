#pragma once
// `mailsim serve --no-tls`: the simulated server may offer STARTTLS, but the bridge will not
// speak TLS, so a real client must not be told it can. The server's SMTP replies pass through
// here: the STARTTLS line of an EHLO reply is taken out (RFC 3207 section 4: a keyword line of
// the 250 reply), and the reply still ends with "250 ".
#include <string>
#include <vector>

namespace mailsim::cli {

class StarttlsHiding {
 public:
  // One reply line from the simulated server (without CRLF); the lines to pass on now (a
  // multi-line 250 reply is held until its last line).
  std::vector<std::string> pass(std::string line);

 private:
  std::vector<std::string> held_;
};

}  // namespace mailsim::cli
