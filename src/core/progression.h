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

#include <string>
#include <vector>

namespace hiprx::core {

enum class ProgressionStep { Regress, Hold, Progress };

/// "regress", "hold", "progress".
std::string_view progressionStepId(ProgressionStep step) noexcept;

/// What to do next overall: regress when the latest visit raised a pain or function alert or a new
/// red flag, progress when nothing got worse and at least one measure improved beyond its
/// measurement error since the previous visit, otherwise hold.
ProgressionStep suggestStep(const History& history);

/// The dose one step harder: strengthening and mobility add 2 reps up to 15, then a set up to 3
/// (reps back to 10); stretches add a repetition up to 4, then 15 s of hold up to 60 s (ACSM
/// flexibility: 2–4 reps, about 60 s per muscle; 30–60 s holds for older adults).
Dose progressDose(const Dose& dose, ExerciseKind kind);
/// The dose one step easier: one set fewer (at least 1), 2 reps fewer (at least 5) or a third off
/// the hold (at least 10 s).
Dose regressDose(const Dose& dose, ExerciseKind kind);

/// One exercise of the last program with what could come next.
struct ItemSuggestion {
    ProgramItem current;             ///< as issued
    std::vector<std::string> easier; ///< library ids of regressions (that still exist)
    std::vector<std::string> harder; ///< library ids of progressions
    Dose progressed;                 ///< progressDose(current)
    Dose regressed;                  ///< regressDose(current)
    ProgramItem suggested;           ///< the item for the chosen step
    std::string reason;              ///< one line: what was changed and why
};

struct NextProgram {
    ProgressionStep step = ProgressionStep::Hold;
    std::vector<ItemSuggestion> items;
    /// Why this step (stepReasons); empty when the step was chosen by hand.
    std::vector<std::string> reasons;

    /// The suggested items as a program (exclusions and warnings empty: planning re-checks them).
    Program program() const;
    /// The same program, each item's basis extended with one line saying what was changed from the
    /// last program and why, so the builder shows the therapist where each suggestion came from.
    Program programWithBasis() const;
};

/// Why suggestStep(history) chose its step, one line each, for the therapist: the alerts that make
/// it regress, the measures that got worse or improved beyond their measurement error since the
/// previous visit, or that nothing changed beyond it. No patient identity in the lines.
std::vector<std::string> stepReasons(const History& history);

/// For each item of `last`: progress swaps in the first harder exercise the library has (keeping
/// the side; the new exercise's default dose) or, without one, raises the dose; regress swaps in the
/// first easier exercise or lowers the dose; hold keeps the item. A swapped-in exercise gets a
/// fresh snapshot of its instructions. Exercises no longer in the library are kept and only dosed.
NextProgram suggestNextProgram(const Program& last, const ExerciseLibrary& library, ProgressionStep step);

} // namespace hiprx::core
