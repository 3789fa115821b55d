// SPDX-License-Identifier: GPL-3.0-or-later
//
// The next program from the last one issued: for each exercise, the library's easier and harder
// versions and the dose moved one step: a little more once the current dose is easy (the ACSM
// progression models, Ratamess 2009 and Garber 2011, MSSE), a step back when the patient is worse.
// The therapist chooses; nothing is changed without them. Pure.
#pragma once

#include "core/exercise.h"
#include "core/program.h"
#include "core/progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::core {

enum class ProgressionStep { Regress, Hold, Progress, Refer };

/// "regress", "hold", "progress", "refer".
std::string_view progressionStepId(ProgressionStep step) noexcept;

/// What to do next overall: refer when the latest visit has a red flag that is new since the
/// previous visit (a new red flag is a question for a doctor, never a reason to make the exercises
/// easier), regress when it raised a pain or function alert, progress when nothing got worse and at
/// least one measure improved beyond its measurement error since the previous visit, otherwise hold.
ProgressionStep suggestStep(const History& history);

/// The dose one step harder: strengthening and mobility add 2 reps up to 15, then a set up to 3
/// (reps back to 10); stretches add a repetition up to 4, then 15 s of hold up to 60 s (ACSM
/// flexibility: 2–4 reps, about 60 s per muscle; 30–60 s holds for older adults).
Dose progressDose(const Dose& dose, ExerciseKind kind);
/// The dose one step easier: one set fewer (at least 1), 2 reps fewer (at least 5) or a third off
/// the hold (at least 10 s).
Dose regressDose(const Dose& dose, ExerciseKind kind);

/// An exercise the progression did not suggest, and why in words (no ids).
struct LeftOut {
    std::string exerciseId;
    std::string name;
    /// "Squat left out: hip replacement, posterior approach forbids hip flexion past 90°"
    std::string reason;
    std::vector<Exclusion> exclusions; ///< the screen's exclusions behind it (empty for a level cap)

    friend bool operator==(const LeftOut&, const LeftOut&) = default;
};

/// One exercise of the last program with what could come next.
struct ItemSuggestion {
    ProgramItem current;             ///< as issued
    std::vector<std::string> easier; ///< library ids of regressions (that still exist)
    std::vector<std::string> harder; ///< library ids of progressions
    Dose progressed;                 ///< progressDose(current)
    Dose regressed;                  ///< regressDose(current)
    ProgramItem suggested;           ///< the item for the chosen step (meaningless when dropped)
    /// The exercise is now forbidden and nothing allowed of its kind and target replaces it, or the
    /// program is withheld: it is not in the next program.
    bool dropped = false;
    std::string reason;              ///< one line in words: what was changed and why
    std::vector<LeftOut> leftOut;    ///< versions (or the item itself) the screen left out
};

struct NextProgram {
    ProgressionStep step = ProgressionStep::Hold;
    std::vector<ItemSuggestion> items;
    /// Why this step (stepReasons); empty when the step was chosen by hand.
    std::vector<std::string> reasons;
    /// The follow-up visit's referral; an emergency withholds every exercise.
    Urgency referralLevel = Urgency::None;
    bool withheld = false;
    /// Messages for the clinician: emergency or urgent referral, exercises that could not be
    /// screened, precautions carried forward from an earlier visit.
    std::vector<std::string> warnings;

    /// Everything left out, once per exercise, in the order met.
    std::vector<LeftOut> excluded() const;
    /// The suggested items (dropped ones left out) as a program, with the screen's exclusions,
    /// the warnings, the referral level and `withheld`.
    Program program() const;
    /// The same program, each item's basis extended with one line saying what was changed from the
    /// last program and why, so the builder shows the therapist where each suggestion came from.
    Program programWithBasis() const;
};

/// Why suggestStep(history) chose its step, one line each, for the therapist: the alerts that make
/// it refer or regress, the measures that got worse or improved beyond their measurement error since
/// the previous visit, or that nothing changed beyond it. No patient identity in the lines.
std::vector<std::string> stepReasons(const History& history);

/// For each item of `last`, screened against the follow-up visit's analysis (its precautions,
/// finding cautions and referral: core/screen.h):
///  * progress swaps in the first harder version the screen allows: the item's `harder` links in
///    order, then (when those are forbidden) the links of those links no more than one level up,
///    then any library exercise of the same kind sharing a target one level up; without one the
///    exercise stays and its dose rises one step. Regress does the same towards easier versions and
///    a lower dose. Hold and refer keep the item. A level the patient's age or irritability rules
///    out (maxLevelFor) is skipped like a forbidden one.
///  * Every version skipped is recorded with the reason in words (LeftOut).
///  * An item the follow-up's precautions now forbid is replaced by an allowed exercise of the same
///    kind and target (in the step's direction, else at its level, else easier) or dropped, with the
///    reason.
///  * An emergency referral withholds the whole program.
/// A swapped-in exercise keeps the side, gets a fresh snapshot of its instructions and its dose for
/// this patient (doseFor). Exercises no longer in the library are kept, dosed, and reported as not
/// screened.
NextProgram suggestNextProgram(const Program& last, const Analysis& followUp, const ExerciseLibrary& library,
                               ProgressionStep step);

/// A program issued at a visit.
struct IssuedAtVisit {
    std::int64_t visitId = 0;
    Program program;
};

/// Everything the next program at a visit is computed from, as the store reads it.
struct FollowUp {
    std::vector<DatedAssessment> visits; ///< every visit of the patient, any order
    std::vector<IssuedAtVisit> issued;   ///< every program issued, oldest visit first, versions in order
    std::int64_t visitId = 0;            ///< the follow-up visit
    AnalyzeOptions options;              ///< norms and today, as for analyze()
};

/// The next program at a visit, as the app's Next program… and `hiprx-cli next` both show it: the
/// last program issued at or before the visit, stepped by the history up to that visit
/// (suggestStep; refer when the visit's referral is an emergency) and screened with the visit's
/// analysis. A precaution recorded at the previous visit but not at this one is carried forward and
/// still applied, with a warning naming it (a follow-up starts from the previous visit's precautions;
/// a visit recorded without one may mean it was forgotten, and forgetting a hip precaution is the
/// costly mistake). Nothing when the visit is not among `visits` or no program was issued at or
/// before it.
std::optional<NextProgram> nextProgramAtVisit(const FollowUp& followUp, const ExerciseLibrary& library);

} // namespace hiprx::core
