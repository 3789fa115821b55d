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
    /// Signs of a hip fracture after a fall: groin or outer-hip pain, pain on log roll or axial load
    /// (scour), hip flexors graded 2 or less (cannot lift the leg).
    std::vector<std::string> fractureSigns;
    /// The fracture signs that are not on a hip already operated on (a hip replacement or a recent hip
    /// fracture recorded as a precaution: the visit's affected side, both when none is recorded). Pain
    /// at an operated hip is the operation's; only a newly ticked injury makes it a new fracture.
    std::vector<std::string> fractureSignsUnoperated;
    /// Loss of hip internal rotation: below the limit for the test position, or clearly less than the
    /// other side.
    std::vector<std::string> rotationLoss;
    /// Pain marked at the hip, groin, thigh or knee (where a slipped epiphysis is felt).
    std::vector<std::string> hipToKneePain;
    /// Signs that the hip joint itself is painful or stiff (where an infected joint shows): groin pain,
    /// log roll or scour positive, lost internal rotation.
    std::vector<std::string> hipJointSigns;
    /// The hip joint hurts: groin pain, or log roll or scour positive (stiffness alone, as in an old
    /// arthritic hip, is not enough to suspect an infected joint).
    bool hipJointPain = false;
    /// Some pain was recorded (a pain area, or a pain score above 0): a suspected aneurysm is then
    /// symptomatic.
    bool inPain = false;
    /// The worst pain score recorded (now or in the last 24 h), 0 when none.
    int worstPain = 0;
    /// Pain marked at the low back.
    bool backPain = false;
    /// Pain where an aneurysm is felt: the low back, the groin or sacroiliac region (flank), or a pain
    /// score with no place marked.
    bool aneurysmPain = false;
    /// Internal rotation was measured on at least one side.
    bool rotationMeasured = false;
    /// The internal-rotation loss is on one side only, or clearly more on one side (the obligatory
    /// external rotation of a slipped epiphysis), not a symmetric low range.
    bool rotationLossOneSided = false;
    /// Loss of hip abduction: below its limit, or clearly less than the other side (with lost
    /// rotation, the picture of Perthes disease in a young child).
    std::vector<std::string> abductionLoss;
    /// Internal rotation under kSevereRotationBelow on a measured side.
    bool severeRotationLoss = false;
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
/// Below this age a child's hip with lost movement and a limp is Perthes disease's age (about 4–10)
/// rather than a slipped epiphysis's (about 8–16): urgent X-rays, not the emergency department.
constexpr int kSlippedEpiphysisFromAge = 8;
/// Internal rotation below this (degrees, any test position) is a severe loss.
constexpr int kSevereRotationBelow = 10;
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
