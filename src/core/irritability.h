// SPDX-License-Identifier: GPL-3.0-or-later
//
// How irritable the presentation is: the clinician's recorded judgement when there is one,
// otherwise a level derived from the pain scores (SINSS, Kelley 2013, JOSPT; see db/SOURCES.md).
#pragma once

#include "core/analysis.h"

#include <set>
#include <span>
#include <string>
#include <vector>

namespace hiprx::core {

struct IrritabilityJudgement {
    Irritability level = Irritability::Low;
    std::vector<std::string> basis; ///< why, in checkable words ("nprs_worst_24h 8 ≥ 7")
};

/// The recorded irritability wins; otherwise worst NPRS ≥ 7 high, 4–6 moderate, ≤ 3 low, raised one
/// level by constant or night pain.
IrritabilityJudgement judgeIrritability(const Pain& pain, const std::set<RedFlag>& redFlags);

/// The irritability rules, in a stable order.
std::span<const RuleInfo> irritabilityRules() noexcept;

} // namespace hiprx::core
