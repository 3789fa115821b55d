// SPDX-License-Identifier: GPL-3.0-or-later
//
// Red flags → referral. Each flag has a default tier and two texts (for the clinician and, in plain
// words, for the patient); some combinations raise the tier. The result is a display of what the
// clinician recorded with a prompt to act, never a diagnosis.
#pragma once

#include "core/analysis.h"

#include <optional>
#include <set>
#include <span>

namespace hiprx::core {

/// Warnings for every recorded flag and every combination that applies, highest level first.
/// `ageYears` (from the birth date) and `precautions` (osteoporosis) take part in combinations.
Referral assessReferral(const std::set<RedFlag>& flags, std::optional<int> ageYears,
                        const std::set<Precaution>& precautions);

/// The level a flag has on its own (vocabulary default urgencies).
Urgency defaultUrgency(RedFlag flag) noexcept;

/// The red-flag and combination rules, in a stable order.
std::span<const RuleInfo> referralRules() noexcept;

} // namespace hiprx::core
