# The fuzz targets and the libraries each links: fuzz/CMakeLists.txt builds them with libFuzzer,
# tests/fuzz/CMakeLists.txt replays the inputs they found in the normal test build.
set(MAILSIM_FUZZ_TARGETS
    "scenario_fuzz:mailsim_scenarios"
    "smtp_server_fuzz:mailsim_smtp"
    "smtp_client_fuzz:mailsim_smtp"
    "imf_fuzz:mailsim_imf"
    "dsn_fuzz:mailsim_imf"
    "dns_decode_fuzz:mailsim_dns"
    "zone_text_fuzz:mailsim_dns"
    "pop3_server_fuzz:mailsim_pop3,mailsim_mailbox"
    "imap_server_fuzz:mailsim_imap,mailsim_mailbox"
    "units_fuzz:mailsim_scenarios")

# mailsim_fuzz_target(ENTRY NAME LIBS) splits one entry of the list.
macro(mailsim_fuzz_target entry name libs)
  string(REPLACE ":" ";" _parts "${entry}")
  list(GET _parts 0 ${name})
  list(GET _parts 1 _libs)
  string(REPLACE "," ";" ${libs} "${_libs}")
endmacro()
