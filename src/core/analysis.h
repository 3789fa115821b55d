// SPDX-License-Identifier: GPL-3.0-or-later
//
// analyze(): from the findings of one assessment to tight and weak muscle groups (each with the
// evidence and the rule behind it), an irritability judgement and the referral level. Pure and
// deterministic: the same assessment always gives the same analysis.
#pragma once

#include "core/assessment.h"
#include "core/norms.h"

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hiprx::core {

/// One tight or weak muscle group on one side (or midline, for `core` and `erector_spinae`).
struct Impairment {
    MuscleGroup muscle = MuscleGroup::Core;
    ImpairmentKind kind = ImpairmentKind::Tight;
    std::optional<Side> side;           ///< nothing = midline
    std::vector<std::string> evidence;  ///< e.g. "hip_extension left 0° (norm ≥ 10°)"
    std::vector<std::string> rules;     ///< ids of every rule that produced it, first is primary
    std::string rationale;              ///< the primary rule's one-line rationale
    /// For weakness found by manual muscle testing: the weakest grade behind it. The planner matches
    /// the difficulty of strengthening exercises to it.
    std::optional<StrengthGrade> grade;

    friend bool operator==(const Impairment&, const Impairment&) = default;
};

/// A red-flag warning, from one flag or from a combination of flags.
struct RedFlagWarning {
    std::string id;                 ///< the flag id, or a combination id such as "trauma_with_osteoporosis"
    std::vector<RedFlag> flags;     ///< the flags behind it
    Urgency level = Urgency::Routine;
    std::string clinicianText;      ///< for the therapist: what it may mean and what to do
    std::string patientText;        ///< plain language for the home program
    std::string rule;               ///< rule id

    friend bool operator==(const RedFlagWarning&, const RedFlagWarning&) = default;
};

struct Referral {
    Urgency level = Urgency::None;  ///< the highest level of any warning
    std::vector<RedFlagWarning> warnings; ///< highest level first
    /// The red-flag screen was done (a flag ticked, or "screened: none" recorded). False with no
    /// warnings means nobody has asked, which is not the same as a negative screen.
    bool screened = false;

    friend bool operator==(const Referral&, const Referral&) = default;
};

/// A note the analysis wants the clinician to read that is not an impairment (e.g. "SLR limit
/// explained by neural signs: hamstring stretching not suggested").
struct ClinicalNote {
    std::string rule;
    std::string text;
    friend bool operator==(const ClinicalNote&, const ClinicalNote&) = default;
};

/// Movement demands to avoid because of a finding rather than a recorded precaution (e.g. a
/// positive FADIR: avoid deep flexion with adduction and internal rotation).
struct FindingCaution {
    std::string rule;
    std::string reason;                  ///< e.g. "fadir left positive"
    std::set<MovementDemand> avoid;
    friend bool operator==(const FindingCaution&, const FindingCaution&) = default;
};

struct Analysis {
    std::vector<Impairment> impairments;   ///< stable order: by muscle, kind, side
    Referral referral;
    Irritability irritability = Irritability::Low;
    std::vector<std::string> irritabilityBasis; ///< why this level, e.g. "nprs_worst_24h 8 ≥ 7"
    std::set<Precaution> precautions;      ///< recorded precautions, plus acute_high_irritability when judged high
    std::vector<FindingCaution> cautions;
    std::vector<ClinicalNote> notes;
    std::optional<int> ageYears;
    NormSet normSet = kDefaultNormSet; ///< the reference set the ROM was read against
    /// Muscles with pain marked over them, by side (the back of the thigh: hamstrings; the groin:
    /// adductors): their strengthening starts gentle (levels 1–2: isometric and short-lever work), as
    /// after a strain.
    std::vector<std::pair<MuscleGroup, Side>> painfulMuscles;

    friend bool operator==(const Analysis&, const Analysis&) = default;
};

/// Fall risk: at least this many falls in the past year, or single-leg stance under this many
/// seconds on either side (Hurvitz 2000: stance under 5 s doubles the risk of an injurious fall).
constexpr int kFallRiskFalls = 1;
constexpr int kFallRiskStanceBelowS = 5;

struct AnalyzeOptions {
    /// The clinic's set; a set recorded with the visit wins, so a stored visit is always re-read
    /// against the set it was examined with.
    NormSet norms = kDefaultNormSet;
    /// Used for age when the visit has no date.
    Date today{};
};

/// Analyses one assessment. Assumes it passed validate().
Analysis analyze(const Assessment& assessment, const AnalyzeOptions& options = {});

/// One row of the rule table, for display ("why did HipRx say this?") and for documentation.
struct RuleInfo {
    std::string_view id;
    std::string_view condition;  ///< in clinical words, e.g. "hip extension below norm or Thomas positive"
    std::string_view conclusion; ///< e.g. "tight hip flexors, same side"
    std::string_view rationale;  ///< one line a clinician can check
    std::string_view source;     ///< citation
};

/// Every impairment, irritability, caution and red-flag rule, in a stable order.
std::span<const RuleInfo> ruleTable() noexcept;
/// The row for an id, or nothing.
const RuleInfo* findRule(std::string_view id) noexcept;

} // namespace hiprx::core
