// SPDX-License-Identifier: GPL-3.0-or-later
//
// Ids said in words for whatever a clinician reads (the app's panels, the command line's text
// output): ids belong in JSON and the rule table, never on screen.
#pragma once

#include "core/exercise.h"

#include <string>

namespace hiprx::core {

/// Analysis text with the vocabulary ids it quotes said in words: "faber left positive" →
/// "FABER (Patrick) left positive", "hip_flexion" → "hip flexion", "tha_posterior" → its label; rule
/// ids ("(R-IRRIT-NPRS)") left out. Whole words only.
std::string idsInWords(std::string text);
/// The same, and exercise ids of `library` said by their names ("harder: couch_stretch" →
/// "harder: Couch stretch").
std::string idsInWords(std::string text, const ExerciseLibrary& library);

} // namespace hiprx::core
