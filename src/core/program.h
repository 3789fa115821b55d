// SPDX-License-Identifier: GPL-3.0-or-later
//
// plan(): from an analysis and the exercise library to a small, dosed home program that never holds
// an exercise a precaution forbids. The therapist then edits it; an issued program is immutable.
#pragma once

#include "core/analysis.h"
#include "core/exercise.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hiprx::core {

/// One exercise in a program, with its own dose and the reason it is there.
struct ProgramItem {
    std::string exerciseId;
    std::string name;
    ExerciseKind kind = ExerciseKind::Stretch;
    std::vector<MuscleGroup> targets;
    ExerciseSide side = ExerciseSide::None;
    Dose dose;
    std::string notes;                   ///< per-exercise note from the therapist
    std::vector<std::string> basis;      ///< e.g. "tight hip_flexors left (R-TIGHT-HIPFLEX-EXT)"

    // A snapshot of the exercise's instructions, copied from the library when the item is made, so
    // that an issued program reprints exactly even after the library changes.
    std::string startPosition;
    std::vector<std::string> steps;
    std::string keyCue;
    std::string stopIf;
    std::vector<std::string> equipment;
    std::string figureId;
    std::string videoUrl;

    friend bool operator==(const ProgramItem&, const ProgramItem&) = default;
};

/// An exercise left out, and exactly why.
struct Exclusion {
    std::string exerciseId;
    std::string name;
    std::string cause;          ///< precaution id (e.g. "tha_posterior") or caution rule id
    MovementDemand demand = MovementDemand::HipFlexionPast90;
    std::string reason;         ///< "tha_posterior: hip flexion past 90°"

    friend bool operator==(const Exclusion&, const Exclusion&) = default;
};

/// Why an impairment got no exercise.
enum class UnservedReason {
    Forbidden,     ///< every suitable exercise is forbidden by a precaution or finding caution
    NoneInLibrary, ///< the library has no exercise of the right kind for the muscle
    TooHard,       ///< the allowed ones are all harder than the grade or the patient allows
    Cut,           ///< the program was cut to PlanOptions::maxExercises first
};

/// "forbidden", "none_in_library", "too_hard", "cut" (JSON).
std::string_view unservedReasonId(UnservedReason reason) noexcept;

/// An impairment the program does not serve, said in words so nothing is left out silently.
struct Unserved {
    MuscleGroup muscle = MuscleGroup::Core;
    ImpairmentKind kind = ImpairmentKind::Tight;
    ExerciseSide side = ExerciseSide::None; ///< the impairment's sides (None = midline)
    UnservedReason reason = UnservedReason::Forbidden;
    /// "No exercise for weak gluteus medius / minimus on the left fits the precautions (hip
    /// replacement, posterior approach); choose one by hand or review the precautions."
    std::string text;

    friend bool operator==(const Unserved&, const Unserved&) = default;
};

struct Program {
    std::vector<ProgramItem> items;
    std::vector<Exclusion> excluded;
    Urgency referralLevel = Urgency::None;
    /// True when an emergency red flag withholds every exercise.
    bool withheld = false;
    /// Messages for the clinician: more than 8 exercises, urgent referral needs acknowledgement…
    std::vector<std::string> warnings;
    /// Impairments left without an exercise, each also in `warnings`.
    std::vector<Unserved> unserved;

    friend bool operator==(const Program&, const Program&) = default;
};

struct PlanOptions {
    int maxExercises = 6;   ///< the suggestion is cut to this many
    int minExercises = 3;   ///< general exercises are added up to this many when findings are few
};

/// The exercise levels that fit a weak muscle's MRC grade (see planner.cpp for the reasoning):
/// grade ≤ 2+ → 1; 3− … 3+ → 1–2; 4− … 4 → 2–3; 4+ and 5 → 3–4; no grade → 2–3. The planner never
/// picks more than one level above `high`.
struct LevelBand {
    int low = 1;
    int high = 1;
    friend bool operator==(const LevelBand&, const LevelBand&) = default;
};
LevelBand levelBand(const std::optional<StrengthGrade>& weakestGrade) noexcept;

/// Number of exercises past which the program warns that it may be too many to follow.
constexpr std::size_t kProgramWarnAbove = 8;

/// A program item for `exercise` with its default dose adjusted for this analysis and a snapshot of
/// its instructions; used by plan() and when the therapist adds an exercise by hand.
ProgramItem makeItem(const Exercise& exercise, ExerciseSide side, const Analysis& analysis);

/// Builds the suggested program. Deterministic.
Program plan(const Analysis& analysis, const ExerciseLibrary& library, const PlanOptions& options = {});

/// Why `exercise` may not be given with these precautions and cautions; empty when it may.
std::vector<Exclusion> exclusionsFor(const Exercise& exercise, const std::set<Precaution>& precautions,
                                     const std::vector<FindingCaution>& cautions = {});

/// The movement demands a precaution forbids, and the clinical reason in one line.
std::set<MovementDemand> forbiddenDemands(Precaution precaution);
std::string_view precautionRationale(Precaution precaution) noexcept;

/// One thing the patient must keep to, for the handout's "Your precautions" box. Its wording is the
/// templates' alone (templates/precautions.ini, section `key`; the templates are required and must
/// word every careNoteKeys() entry), so HipRx's own notes carry no text. `text` is for a note of the
/// caller's own that no template section words: the handout prints it as one line.
struct CareNote {
    std::string key;  ///< "precaution.tha_posterior", "caution.gluteal_tendon"
    std::string text; ///< empty for HipRx's notes; plain words, one line, for a caller's own note
    friend bool operator==(const CareNote&, const CareNote&) = default;
};

/// The handout's care notes for this analysis: one per precaution and per finding caution the
/// patient can act on (outer-hip tendons, pelvic girdle, a provoked hip joint), by key, in a stable
/// order. Empty when there is nothing to add.
std::vector<CareNote> patientCareLines(const Analysis& analysis);

/// Every key patientCareLines() may give, in its order: the precautions of the vocabulary, then the
/// finding cautions the patient can act on. The templates must word each one.
std::vector<std::string> careNoteKeys();

/// The dose for an exercise given the patient's age and irritability (starts from the exercise's
/// default, then adjusts: older adults hold stretches longer; high irritability means fewer sets,
/// shorter holds and gentler range).
Dose doseFor(const Exercise& exercise, const Analysis& analysis);

/// Warnings about an edited program (too many exercises, forbidden exercises put back by hand,
/// emergency referral). Used by the app and before issuing.
std::vector<std::string> reviewProgram(const Program& program, const Analysis& analysis,
                                       const ExerciseLibrary& library);

/// Problems with a program's doses and sides, each naming its path (`program[2].dose.sets: 0 is
/// outside 1–10`).
std::vector<FieldProblem> validateProgram(const Program& program);

} // namespace hiprx::core
