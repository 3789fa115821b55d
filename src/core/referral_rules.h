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
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::core {

/// What the referral rules read besides the flags: age, precautions, and findings from the
/// examination that make a flag more or less worrying. Each finding is one line of evidence in
/// clinical words ("log roll left positive").
struct ReferralFindings {
    std::optional<int> ageYears;          ///< at the visit date
    std::set<Precaution> precautions;
    /// Signs of a hip fracture after a fall: groin pain, pain on log roll or axial load (scour), hip
    /// flexors graded 2 or less (cannot lift the leg).
    std::vector<std::string> fractureSigns;
    /// Loss of hip internal rotation: below the limit for the test position, or clearly less than the
    /// other side.
    std::vector<std::string> rotationLoss;
    /// Pain marked at the hip, groin, thigh or knee (where a slipped epiphysis is felt).
    std::vector<std::string> hipToKneePain;
    /// Falls in the past year and whether single-leg stance was under 5 s on either side.
    int fallsPastYear = 0;
    bool poorStance = false;
    /// The pain began before the falls (core::Balance::painBeforeFalls).
    bool painBeforeFalls = false;
};

/// Age at which a fall with hip signs counts as a suspected hip fracture (NICE hip fracture pathway).
constexpr int kHipFractureAge = 65;
/// Below this age, hip or knee pain with lost internal rotation is a suspected slipped epiphysis.
constexpr int kChildAgeBelow = 18;
/// The one age boundary of the red-flag rules: "over 50" (strictly older than 50).
constexpr int kOlderThan = 50;

/// Warnings for every recorded flag and every combination that applies, highest level first.
Referral assessReferral(const std::set<RedFlag>& flags, const ReferralFindings& findings);

/// The same from flags, age and precautions alone (no examination findings).
Referral assessReferral(const std::set<RedFlag>& flags, std::optional<int> ageYears,
                        const std::set<Precaution>& precautions);

/// The level a flag has on its own (vocabulary default urgencies).
Urgency defaultUrgency(RedFlag flag) noexcept;

/// A referral warning's id in words for the clinician: a red flag's label ("history of cancer"), or
/// the name of a combination ("possible spinal malignancy"). Unknown ids come back as they are.
std::string referralWarningName(std::string_view warningId);

/// The red-flag and combination rules, in a stable order.
std::span<const RuleInfo> referralRules() noexcept;

} // namespace hiprx::core
