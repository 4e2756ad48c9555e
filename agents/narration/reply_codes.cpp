#include "agents/narration/reply_codes.hpp"

#include <cctype>

namespace mailsim::agents {
namespace {

struct CodeText {
  int code;
  Message text;
};

// RFC 5321 4.2.2 and 4.2.3 (reply codes by function), in words a student understands. Each
// text follows "451 means" / "451 signifie", so it holds no colon, semicolon or parenthesis:
// the explanation is one clause inside the narration's own parentheses.
constexpr CodeText kCodes[] = {
    {211, {"reply.211", "a system status", "un état du système"}},
    {214, {"reply.214", "a help message", "un message d'aide"}},
    {220, {"reply.220", "the server is ready", "que le serveur est prêt"}},
    {221, {"reply.221", "the server closes the connection", "que le serveur ferme la connexion"}},
    {235, {"reply.235", "authentication succeeded", "que l'authentification a réussi"}},
    {250, {"reply.250", "the request is accepted", "que la demande est acceptée"}},
    {251,
     {"reply.251", "the user is not local and the server will forward the mail",
      "que le destinataire n'est pas local et que le serveur fera suivre le courrier"}},
    {252,
     {"reply.252", "the server cannot verify the user but will accept the mail and try",
      "que le serveur ne peut pas vérifier l'utilisateur mais accepte le courrier"}},
    {334,
     {"reply.334", "the server waits for the next authentication step",
      "que le serveur attend l'étape suivante de l'authentification"}},
    {354,
     {"reply.354", "the server waits for the message, ended by a line holding only a dot",
      "que le serveur attend le message, terminé par une ligne ne contenant qu'un point"}},
    {421,
     {"reply.421", "the service is not available and the server closes the connection",
      "que le service est indisponible et que le serveur ferme la connexion"}},
    {450,
     {"reply.450", "the mailbox is unavailable for now",
      "que la boîte aux lettres est indisponible pour l'instant"}},
    {451, {"reply.451", "a local error in processing", "une erreur locale de traitement"}},
    {452,
     {"reply.452", "insufficient storage or too many recipients for now",
      "un stockage insuffisant ou trop de destinataires pour l'instant"}},
    {454,
     {"reply.454", "a temporary authentication or TLS failure",
      "un échec temporaire d'authentification ou de TLS"}},
    {455,
     {"reply.455", "the server cannot accept these parameters now",
      "que le serveur ne peut pas accepter ces paramètres pour l'instant"}},
    {500,
     {"reply.500", "a syntax error, an unrecognised command or a line too long",
      "une erreur de syntaxe, une commande inconnue ou une ligne trop longue"}},
    {501,
     {"reply.501", "a syntax error in the parameters or arguments",
      "une erreur de syntaxe dans les paramètres ou arguments"}},
    {502, {"reply.502", "a command not implemented", "une commande non implémentée"}},
    {503, {"reply.503", "a bad sequence of commands", "des commandes dans le mauvais ordre"}},
    {504,
     {"reply.504", "a command parameter not implemented",
      "un paramètre de commande non implémenté"}},
    {530, {"reply.530", "authentication is required", "que l'authentification est requise"}},
    {534,
     {"reply.534", "the authentication mechanism is too weak",
      "que le mécanisme d'authentification est trop faible"}},
    {535,
     {"reply.535", "authentication failed, wrong user name or password",
      "que l'authentification a échoué, identifiant ou mot de passe incorrect"}},
    {550,
     {"reply.550", "the mailbox is unavailable or the action not allowed",
      "que la boîte aux lettres est indisponible ou l'action interdite"}},
    {551, {"reply.551", "the user is not local", "que l'utilisateur n'est pas local"}},
    {552,
     {"reply.552", "the storage allocation is exceeded, the message is too big",
      "que l'espace de stockage est dépassé, le message est trop gros"}},
    {553,
     {"reply.553", "the mailbox name is not allowed",
      "que le nom de boîte aux lettres est invalide"}},
    {554,
     {"reply.554", "the transaction failed or there is no service",
      "que la transaction a échoué ou qu'il n'y a pas de service"}},
    {555,
     {"reply.555", "the MAIL FROM or RCPT TO parameters are not recognised",
      "que les paramètres de MAIL FROM ou RCPT TO ne sont pas reconnus"}},
    {556,
     {"reply.556", "the domain does not accept mail",  // RFC 7505
      "que le domaine n'accepte pas de courrier"}},
};

// Permanent refusals that a change by the client does lift: "retrying will not help" would be
// wrong, logging in (or the right password, or STARTTLS) does. `words`: the start of the
// reply's text when the code alone does not say it, as Postfix's 504 5.5.4 "Encryption
// required for requested authentication mechanism" (smtpd_tls_auth_only) for RFC 4954's 538.
struct ClassText {
  int code;
  std::string_view words;
  const Message* text;
};
constexpr Message kUntilLogin{"reply.class5.530", "refused until the client logs in",
                              "refusé tant que le client ne s'est pas identifié"};
constexpr Message kUntilPassword{
    "reply.class5.535", "refused, the right user name and password will let the client in",
    "refusé, le bon identifiant et le bon mot de passe laisseront entrer le client"};
constexpr Message kUntilStarttls{
    "reply.class5.538", "refused until the client encrypts the connection with STARTTLS",
    "refusé tant que le client n'a pas chiffré la connexion avec STARTTLS"};
constexpr ClassText kClassFor[] = {
    {530, {}, &kUntilLogin},
    {535, {}, &kUntilPassword},
    {538, {}, &kUntilStarttls},
    {504, "Encryption required", &kUntilStarttls},
};

// RFC 3463 subjects and details worth explaining (x.0.0 says nothing more: left out).
struct EnhancedText {
  std::string_view detail;  // "1.1" (subject.detail)
  Message text;
  char only_class = 0;  // '4' or '5' when the meaning differs with the class; 0: either
};
constexpr EnhancedText kEnhanced[] = {
    {"1.0", {"enh.1.0", "a problem with an address", "un problème d'adresse"}},
    {"1.1", {"enh.1.1", "the mailbox does not exist", "que la boîte aux lettres n'existe pas"}},
    {"1.2",
     {"enh.1.2", "the destination domain does not exist or does not accept mail",
      "que le domaine de destination n'existe pas ou n'accepte pas de courrier"}},
    {"1.3", {"enh.1.3", "the address is badly written", "que l'adresse est mal écrite"}},
    {"1.8",
     {"enh.1.8", "the sender's domain is not valid",
      "que le domaine de l'expéditeur n'est pas valide"}},
    {"1.10",
     {"enh.1.10", "the recipient's domain has a null MX record",  // RFC 7505
      "que le domaine du destinataire a un enregistrement MX nul"}},
    {"2.0", {"enh.2.0", "a problem with the mailbox", "un problème de boîte aux lettres"}},
    {"2.2", {"enh.2.2", "the mailbox is full", "que la boîte aux lettres est pleine"}},
    {"3.4",
     {"enh.3.4", "the message is too big for the server",
      "que le message est trop gros pour le serveur"}},
    {"4.1", {"enh.4.1", "the host did not answer", "que l'hôte n'a pas répondu"}},
    {"4.3", {"enh.4.3", "the DNS lookup failed", "que la recherche DNS a échoué"}},
    {"4.4",
     {"enh.4.4", "the message cannot be routed", "que le message ne peut pas être acheminé"}},
    {"4.6",
     {"enh.4.6", "a routing loop, the message came back to a server it already passed",
      "une boucle, le message revient vers un serveur déjà traversé"}},
    {"4.7", {"enh.4.7", "the delivery time expired", "que le délai de remise est dépassé"}},
    {"5.0", {"enh.5.0", "a protocol error", "une erreur de protocole"}},
    {"5.1", {"enh.5.1", "an invalid command", "une commande invalide"}},
    {"5.2", {"enh.5.2", "a syntax error", "une erreur de syntaxe"}},
    {"5.3", {"enh.5.3", "too many recipients", "trop de destinataires"}},
    {"7.0", {"enh.7.0", "a security or policy reason", "une raison de sécurité ou de politique"}},
    // Greylisting is a 4xx (RFC 6647): only the temporary refusal may be it.
    {"7.1",
     {"enh.7.1.temporary",
      "the server's policy refuses it for now, such as greylisting or a sending limit",
      "que la politique du serveur le refuse pour l'instant, par exemple la liste grise ou une "
      "limite d'envoi"},
     '4'},
    {"7.1",
     {"enh.7.1",
      "the server's policy refuses it, such as relaying rules, a blocklist or spam checks",
      "que la politique du serveur le refuse, par exemple ses règles de relais, une liste de "
      "blocage ou l'antispam"},
     '5'},
    {"7.8", {"enh.7.8", "the credentials are wrong", "que les identifiants sont faux"}},
    {"7.9",
     {"enh.7.9", "the authentication mechanism is too weak",
      "que le mécanisme d'authentification est trop faible"}},
};

constexpr Message kClass2{"reply.class2", "success", "succès"};
constexpr Message kClass3{"reply.class3", "intermediate reply, the server waits for more",
                          "réponse intermédiaire, le serveur attend la suite"};
constexpr Message kClass4{"reply.class4", "temporary failure, the client should try again later",
                          "échec temporaire, le client doit réessayer plus tard"};
constexpr Message kClass5{"reply.class5", "permanent failure, retrying will not help",
                          "échec définitif, réessayer ne servira à rien"};
constexpr Message kMeans{"reply.means", "{code} means {meaning}", "{code} signifie {meaning}"};
constexpr Message kAnd{"reply.and", "{first}, and {second}", "{first}, et {second}"};
constexpr Message kSentence{"reply.sentence", "{class}: {meanings}", "{class} : {meanings}"};

}  // namespace

std::optional<ReplyCode> parse_reply_code(std::string_view line) {
  if (line.size() < 3) return std::nullopt;
  for (int i = 0; i < 3; ++i)
    if (!std::isdigit(static_cast<unsigned char>(line[i]))) return std::nullopt;
  if (line[0] < '2' || line[0] > '5') return std::nullopt;
  if (line.size() > 3 && line[3] != ' ' && line[3] != '-') return std::nullopt;
  ReplyCode r;
  r.code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
  // Enhanced code: class.subject.detail right after the separator, same class digit.
  if (line.size() > 4) {
    std::string_view rest = line.substr(4);
    std::size_t end = rest.find(' ');
    std::string_view token = rest.substr(0, end);
    int dots = 0;
    bool ok = !token.empty() && token[0] == line[0];
    for (char c : token) {
      if (c == '.')
        ++dots;
      else if (!std::isdigit(static_cast<unsigned char>(c)))
        ok = false;
    }
    if (ok && dots == 2 && token.size() <= 9) r.enhanced = std::string(token);
    const std::size_t words =
        r.enhanced.empty() ? 0 : (end == std::string_view::npos ? rest.size() : end + 1);
    r.text = std::string(rest.substr(words));
  }
  return r;
}

std::string explain_reply(const ReplyCode& reply, Lang lang) {
  const Message* cls = nullptr;
  switch (reply.code / 100) {
    case 2:
      cls = &kClass2;
      break;
    case 3:
      cls = &kClass3;
      break;
    case 4:
      cls = &kClass4;
      break;
    default:
      cls = &kClass5;
      for (const auto& c : kClassFor)
        if (c.code == reply.code && reply.text.starts_with(c.words)) cls = c.text;
      break;
  }
  // "452 means ...", then "4.2.2 means ...": each code the table knows adds a clause.
  std::string meanings;
  const auto add = [&](std::string code, std::string_view meaning) {
    std::string clause =
        Text(kMeans, {{"code", std::move(code)}, {"meaning", std::string(meaning)}}).render(lang);
    meanings = meanings.empty()
                   ? std::move(clause)
                   : Text(kAnd, {{"first", meanings}, {"second", std::move(clause)}}).render(lang);
  };
  for (const auto& c : kCodes)
    if (c.code == reply.code) add(std::to_string(reply.code), c.text.text(lang));
  if (!reply.enhanced.empty()) {
    const std::string_view subject_detail = std::string_view(reply.enhanced).substr(2);
    for (const auto& e : kEnhanced)
      if (e.detail == subject_detail && (e.only_class == 0 || e.only_class == reply.enhanced[0]))
        add(reply.enhanced, e.text.text(lang));
  }
  if (meanings.empty()) return std::string(cls->text(lang));
  return Text(kSentence, {{"class", std::string(cls->text(lang))}, {"meanings", meanings}})
      .render(lang);
}

}  // namespace mailsim::agents
