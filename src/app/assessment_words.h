// SPDX-License-Identifier: GPL-3.0-or-later
//
// The newer findings of a visit said in words, the same way wherever the app shows them (the body
// chart's summary, the reasoning panel, the history): pain areas, balance and the red-flag screen.
#pragma once

#include "core/assessment.h"
#include "core/exercise.h"
#include "core/progress.h"
#include "core/progression.h"
#include "core/words.h"

#include <optional>
#include <string>
#include <vector>

namespace hiprx::app {

/// "outer hip, right" / "low back, middle".
std::string painAreaText(const core::PainArea& area);
// The lists of areas and the balance line are core::painAreasText and core::balanceText
// (core/progress.h), shared with the progress report and the command line.
/// "red flags screened: none", "red flags: history of cancer, …" or "red flags not screened".
std::string redFlagScreenText(const core::Assessment& assessment);

/// Analysis text with ids said in words (core/words.h), as on every screen and in the CLI.
using core::idsInWords;

/// The program's next step in words: "progress (make the exercises harder)".
std::string progressionStepText(core::ProgressionStep step);

/// The form's id of a pain area ("lateral_hip.right") and back; nothing for an unknown id.
std::string painAreaId(const core::PainArea& area);
std::optional<core::PainArea> painAreaFromId(const std::string& id);

} // namespace hiprx::app
