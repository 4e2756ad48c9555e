#pragma once
// Catalog entries of the command line (English and French).
#include <array>

#include "sim/text.hpp"

namespace mailsim::cli::msg {

inline constexpr Message kValid{"cli.valid", "{file}: no error found", "{file} : aucune erreur"};
inline constexpr Message kRunEnd{"cli.run_end", "End of the run at {time} ({events} events).",
                                 "Fin de la simulation à {time} ({events} événements)."};

inline constexpr std::array kAll{&kValid, &kRunEnd};

}  // namespace mailsim::cli::msg
