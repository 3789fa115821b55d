// SPDX-License-Identifier: GPL-3.0-or-later
//
// The finding → impairment rules behind analyze(): which findings point to a tight or weak muscle
// group, which are explained by something else (neural signs), and which call for caution rather
// than an exercise (intra-articular tests). Used by analysis.cpp; exposed for tests and the docs.
#pragma once

#include "core/analysis.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::core {

/// What the impairment rules conclude from one assessment.
struct ImpairmentFindings {
    std::vector<Impairment> impairments; ///< by muscle, kind, side (midline first)
    std::vector<ClinicalNote> notes;
    std::vector<FindingCaution> cautions;
};

/// Applies every impairment rule to the findings, judging ROM against `norms`.
ImpairmentFindings findImpairments(const Assessment& assessment, NormSet norms);

/// The impairment, caution and note rules, in a stable order.
std::span<const RuleInfo> impairmentRules() noexcept;

/// The hips operated on (a hip replacement or a recent hip fracture recorded as a precaution): the
/// visit's affected side, both when none or both are recorded; empty without such a precaution.
std::vector<Side> operatedSides(const Assessment& assessment);

/// `parts` joined by `separator` ("a, b, c").
std::string joined(const std::vector<std::string>& parts, std::string_view separator);

// Thresholds the rules use, named so tests and documentation refer to the same numbers.
constexpr int kSlrCutOffDegrees = 70;      ///< SLR below this = short hamstrings (strict cut-off)
constexpr int kPoplitealCutOffDegrees = 20; ///< 90/90 knee more than this short of full extension
constexpr int kMmtWeakBelowOrdinal = 12;   ///< StrengthGrade{4, 0}.ordinal(): below grade 4 is weak
constexpr int kPlankLowS = 30;             ///< prone plank hold well below norms
constexpr int kSideBridgeLowS = 25;        ///< side bridge hold well below norms
constexpr int kSideBridgeAsymmetryPercent = 10; ///< shorter side more than this % under the longer
constexpr int kSideBridgeAsymmetryMinS = 3;     ///< and at least this many seconds apart
constexpr int kAcrInternalRotationBelowDegrees = 15; ///< ACR hip-OA criteria (Altman 1991): IR < 15°
constexpr int kAcrFlexionMaxDegrees = 115;           ///< and flexion ≤ 115°

} // namespace hiprx::core
