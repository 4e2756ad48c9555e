#include "agents/narration/reply_codes.hpp"

#include <cctype>

namespace mailsim::agents {
namespace {

struct CodeText {
  int code;
  Message text;
};

// RFC 5321 4.2.2 and 4.2.3 (reply codes by function), in words a student understands.
constexpr CodeText kCodes[] = {
    {211, {"reply.211", "system status", "état du système"}},
    {214, {"reply.214", "help message", "message d'aide"}},
    {220, {"reply.220", "the server is ready", "le serveur est prêt"}},
    {221, {"reply.221", "the server closes the connection", "le serveur ferme la connexion"}},
    {235, {"reply.235", "authentication succeeded", "authentification réussie"}},
    {250, {"reply.250", "OK: the request was accepted", "OK : la demande est acceptée"}},
    {251,
     {"reply.251", "user not local; the server will forward the mail",
      "destinataire non local ; le serveur fera suivre le courrier"}},
    {252,
     {"reply.252", "cannot verify the user, but will accept the mail and try",
      "impossible de vérifier l'utilisateur, mais le courrier est accepté"}},
    {334,
     {"reply.334", "the server waits for the next authentication step",
      "le serveur attend l'étape suivante de l'authentification"}},
    {354,
     {"reply.354", "go ahead: send the message, end it with a line holding only a dot",
      "allez-y : envoyez le message, terminez par une ligne ne contenant qu'un point"}},
    {421,
     {"reply.421", "the service is not available; the server closes the connection, try later",
      "service indisponible ; le serveur ferme la connexion, réessayez plus tard"}},
    {450,
     {"reply.450", "mailbox unavailable for now; try again later",
      "boîte aux lettres indisponible pour l'instant ; réessayez plus tard"}},
    {451,
     {"reply.451", "local error in processing; try again later",
      "erreur locale de traitement ; réessayez plus tard"}},
    {452,
     {"reply.452", "insufficient storage or too many recipients for now; try again later",
      "stockage insuffisant ou trop de destinataires pour l'instant ; réessayez plus tard"}},
    {454,
     {"reply.454", "temporary authentication or TLS failure; try again later",
      "échec temporaire d'authentification ou de TLS ; réessayez plus tard"}},
    {455,
     {"reply.455", "the server cannot accommodate the parameters now",
      "le serveur ne peut pas accepter ces paramètres pour l'instant"}},
    {500,
     {"reply.500", "syntax error: command unrecognised or line too long",
      "erreur de syntaxe : commande inconnue ou ligne trop longue"}},
    {501,
     {"reply.501", "syntax error in the parameters or arguments",
      "erreur de syntaxe dans les paramètres ou arguments"}},
    {502, {"reply.502", "command not implemented", "commande non implémentée"}},
    {503, {"reply.503", "bad sequence of commands", "commandes dans le mauvais ordre"}},
    {504,
     {"reply.504", "command parameter not implemented", "paramètre de commande non implémenté"}},
    {530, {"reply.530", "authentication required", "authentification requise"}},
    {534,
     {"reply.534", "authentication mechanism too weak",
      "mécanisme d'authentification trop faible"}},
    {535,
     {"reply.535", "authentication failed: wrong user name or password",
      "échec de l'authentification : identifiant ou mot de passe incorrect"}},
    {550,
     {"reply.550", "refused: mailbox unavailable or action not allowed",
      "refusé : boîte aux lettres indisponible ou action interdite"}},
    {551, {"reply.551", "user not local", "utilisateur non local"}},
    {552,
     {"reply.552", "refused: exceeded storage allocation (message too big)",
      "refusé : espace de stockage dépassé (message trop gros)"}},
    {553,
     {"reply.553", "refused: mailbox name not allowed",
      "refusé : nom de boîte aux lettres invalide"}},
    {554,
     {"reply.554", "transaction failed or no service", "transaction échouée ou pas de service"}},
    {555,
     {"reply.555", "MAIL FROM or RCPT TO parameters not recognised",
      "paramètres de MAIL FROM ou RCPT TO non reconnus"}},
};

// RFC 3463 subjects and details worth explaining.
struct EnhancedText {
  std::string_view detail;  // "1.1" (subject.detail)
  Message text;
};
constexpr EnhancedText kEnhanced[] = {
    {"0.0", {"enh.0.0", "no further detail", "sans autre précision"}},
    {"1.0", {"enh.1.0", "problem with an address", "problème d'adresse"}},
    {"1.1", {"enh.1.1", "the mailbox does not exist", "la boîte aux lettres n'existe pas"}},
    {"1.2",
     {"enh.1.2", "the destination domain does not exist or does not accept mail",
      "le domaine de destination n'existe pas ou n'accepte pas de courrier"}},
    {"1.3", {"enh.1.3", "the address is badly written", "l'adresse est mal écrite"}},
    {"1.8",
     {"enh.1.8", "the sender's domain is not valid",
      "le domaine de l'expéditeur n'est pas valide"}},
    {"2.0", {"enh.2.0", "problem with the mailbox", "problème de boîte aux lettres"}},
    {"2.2", {"enh.2.2", "the mailbox is full", "la boîte aux lettres est pleine"}},
    {"3.4",
     {"enh.3.4", "the message is too big for the server",
      "le message est trop gros pour le serveur"}},
    {"4.1", {"enh.4.1", "no answer from the host", "pas de réponse de l'hôte"}},
    {"4.4", {"enh.4.4", "unable to route the message", "impossible d'acheminer le message"}},
    {"4.6",
     {"enh.4.6", "routing loop: the message came back to a server it already passed",
      "boucle : le message revient vers un serveur déjà traversé"}},
    {"4.7", {"enh.4.7", "delivery time expired", "délai de remise dépassé"}},
    {"5.0", {"enh.5.0", "protocol error", "erreur de protocole"}},
    {"5.1", {"enh.5.1", "invalid command", "commande invalide"}},
    {"5.2", {"enh.5.2", "syntax error", "erreur de syntaxe"}},
    {"5.3", {"enh.5.3", "too many recipients", "trop de destinataires"}},
    {"7.0", {"enh.7.0", "security or policy reason", "raison de sécurité ou de politique"}},
    {"7.1",
     {"enh.7.1", "not authorised: refused by the server's policy (relaying, spam, greylisting)",
      "non autorisé : refusé par la politique du serveur (relais, spam, liste grise)"}},
    {"7.8", {"enh.7.8", "the credentials are wrong", "les identifiants sont faux"}},
    {"7.9",
     {"enh.7.9", "the authentication mechanism is too weak",
      "le mécanisme d'authentification est trop faible"}},
};

constexpr Message kClass2{"reply.class2", "success", "succès"};
constexpr Message kClass3{"reply.class3", "intermediate: the server waits for more",
                          "intermédiaire : le serveur attend la suite"};
constexpr Message kClass4{
    "reply.class4",
    "temporary failure: the server is not refusing, it asks the client to come back later",
    "échec temporaire : le serveur ne refuse pas, il demande de revenir plus tard"};
constexpr Message kClass5{"reply.class5", "permanent failure: retrying will not help",
                          "échec définitif : réessayer ne servira à rien"};
constexpr Message kSentence{"reply.sentence", "{class} ({code}: {meaning}{detail})",
                            "{class} ({code} : {meaning}{detail})"};

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
      break;
  }
  std::string meaning;
  for (const auto& c : kCodes)
    if (c.code == reply.code) meaning = std::string(c.text.text(lang));
  std::string code = std::to_string(reply.code);
  std::string detail;
  if (!reply.enhanced.empty()) {
    code += " " + reply.enhanced;
    const std::string_view subject_detail = std::string_view(reply.enhanced).substr(2);
    for (const auto& e : kEnhanced)
      if (e.detail == subject_detail)
        detail = std::string(lang == Lang::fr ? " ; " : "; ") + std::string(e.text.text(lang));
  }
  if (meaning.empty()) meaning = std::string(cls->text(lang));
  return Text(kSentence, {{"class", std::string(cls->text(lang))},
                          {"code", code},
                          {"meaning", meaning},
                          {"detail", detail}})
      .render(lang);
}

}  // namespace mailsim::agents
