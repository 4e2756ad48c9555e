#pragma once
// Catalog entries of the window's "Capture…" (the run so far as a capture for Wireshark).
#include <array>

#include "sim/text.hpp"

namespace mailsim::gui::msg {

inline constexpr Message kCaptureMenu{"gui.capture_menu", "Capture for Wireshark…",
                                      "Capture réseau pour Wireshark…"};
inline constexpr Message kCaptureWrite{"gui.capture_write", "Write", "Écrire"};
inline constexpr Message kCaptureHint{
    "gui.capture_hint",
    "Every packet from the start to now, once per link it crossed (.pcapng names the links; "
    ".pcap keeps none).",
    "Chaque paquet du début à maintenant, une fois par lien traversé (.pcapng nomme les liens ; "
    ".pcap n'en garde aucun)."};
inline constexpr Message kCaptureWritten{
    "gui.capture_written",
    "The run from the start to {time} is in {path}: open it with Wireshark or tshark.",
    "La simulation du début à {time} est dans {path} : ouvrez-la avec Wireshark ou tshark."};
inline constexpr Message kCaptureLive{
    "gui.capture_live",
    "Real clients are connected to this run: their sessions cannot be played again, so the window "
    "cannot write it as a capture (a capture without them would not be this run).",
    "De vrais clients sont connectés à cette simulation : leurs sessions ne peuvent pas être "
    "rejouées, la fenêtre ne peut donc pas l'écrire en capture (une capture sans elles ne serait "
    "pas cette simulation)."};

inline constexpr std::array kCaptureAll{&kCaptureMenu, &kCaptureWrite, &kCaptureHint,
                                        &kCaptureWritten, &kCaptureLive};

}  // namespace mailsim::gui::msg
