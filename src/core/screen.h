// SPDX-License-Identifier: GPL-3.0-or-later
//
// The one safety screen every program passes through, however it was made: suggested by plan(),
// stepped on by the progression, started from a clinic protocol, copied from an earlier visit or
// built by hand. It applies the recorded precautions, the cautions the findings raised and the
// referral (an emergency withholds every exercise), and says what it forbids in words a clinician
// reads ("Squat left out: hip replacement, posterior approach forbids hip flexion past 90°").
// Pure and deterministic.
#pragma once

#include "core/analysis.h"
#include "core/exercise.h"
#include "core/program.h"

#include <optional>
#include <string>
#include <vector>

namespace hiprx::core {

/// One item of a program the screen forbids, with every precaution or caution behind it.
struct ScreenFinding {
    std::size_t index = 0;            ///< into Program::items
    std::string exerciseId;
    std::string name;
    std::vector<Exclusion> exclusions; ///< one per cause and demand
    std::string text;                  ///< leftOutText(name, exclusions)

    friend bool operator==(const ScreenFinding&, const ScreenFinding&) = default;
};

struct ScreenResult {
    /// An emergency referral: no exercise may be given at all.
    bool withheld = false;
    /// Items a precaution or a finding caution forbids, in program order.
    std::vector<ScreenFinding> forbidden;
    /// Items whose exercise is not in the library, so their demands are unknown and they cannot be
    /// screened (the clinician must check them by hand).
    std::vector<std::size_t> unknown;
    /// Everything above in words, one sentence each, withholding first.
    std::vector<std::string> messages;

    /// True when the item may be given (not forbidden and not withheld; an unknown exercise is
    /// allowed but reported).
    bool allowed(std::size_t index) const;
    /// Nothing forbidden, nothing withheld, nothing unknown.
    bool clear() const { return !withheld && forbidden.empty() && unknown.empty(); }

    friend bool operator==(const ScreenResult&, const ScreenResult&) = default;
};

/// Why one exercise may not be given with this analysis's precautions and finding cautions; empty
/// when it may. The single predicate behind plan(), the progression and screenProgram().
std::vector<Exclusion> screenExercise(const Exercise& exercise, const Analysis& analysis);

/// Screens every item of `program` against the analysis. Exercises are looked up by id in `library`.
ScreenResult screenProgram(const Program& program, const Analysis& analysis, const ExerciseLibrary& library);

/// `program` with every item the screen forbids taken out and listed in `excluded` (its reason in
/// words), every screen message added to `warnings`, and everything taken out when the referral is
/// an emergency (withheld).
Program applyScreen(Program program, const ScreenResult& screen);

/// One cause in words: "hip replacement, posterior approach forbids hip flexion past 90° and hip
/// internal rotation", or for a finding caution "the finding fadir left positive rules out hip
/// flexion past 90°". Exclusions of several causes are joined with "; ".
std::string exclusionText(const std::vector<Exclusion>& exclusions);
/// "Squat left out: hip replacement, posterior approach forbids hip flexion past 90°".
std::string leftOutText(const std::string& name, const std::vector<Exclusion>& exclusions);

/// The basis line that records a clinician's decision to give an item the screen forbids:
/// "added by the therapist despite: …" (`added`) or "kept by the therapist despite: …".
std::string overrideBasis(bool added, const std::vector<Exclusion>& exclusions);
/// True when the forbidden item of `finding` carries the clinician's decision for exactly these
/// exclusions (a new precaution since the decision makes it forbidden again).
bool overridden(const Program& program, const ScreenFinding& finding);
/// The forbidden items of `screen` that no clinician decision covers, in program order.
std::vector<ScreenFinding> unconfirmedForbidden(const Program& program, const ScreenResult& screen);

/// The emergency message of plan() and the progression: "Emergency referral (flags): no exercises
/// are suggested. …". Empty when the referral is not an emergency.
std::string emergencyWarning(const Analysis& analysis);

/// The difficulty of an exercise, 1–5: its `level`, or when the level is not set (0) an estimate from
/// its place in the library's progression chains (no easier version = 1, one easier step below it
/// = 2, …, at most 5).
int effectiveLevel(const Exercise& exercise, const ExerciseLibrary& library);

/// The hardest level HipRx suggests for this patient: 4 from age 65 (kOlderAdultAge) or with highly
/// irritable pain (the top level is loaded, one-legged or unstable work that an older or
/// sensitised patient should reach only with the therapist's say-so), otherwise 5.
int maxLevelFor(const Analysis& analysis);
/// Why an exercise of `level` is above maxLevelFor(analysis), in words; nothing when it is not.
std::optional<std::string> levelCapReason(int level, const Analysis& analysis);

} // namespace hiprx::core
