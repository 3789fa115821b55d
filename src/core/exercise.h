// SPDX-License-Identifier: GPL-3.0-or-later
//
// The exercise library: what each exercise is, how it is done, what it asks of the body, and its
// default dose. The built-in library is data (db/exercises.json); clinics add their own.
#pragma once

#include "core/error.h"
#include "core/vocabulary.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::core {

/// How much of an exercise to do.
struct Dose {
    int sets = 1;
    int reps = 1;
    int holdS = 0;      ///< seconds each rep is held (0 = not a hold)
    int restS = 0;      ///< seconds between sets
    int perDay = 1;     ///< sessions per day
    int daysPerWeek = 7;
    std::string load;   ///< band colour, weight or "body weight"; empty when none
    std::string notes;  ///< free text for the patient, e.g. "each direction"

    friend bool operator==(const Dose&, const Dose&) = default;
};

/// Allowed ranges of dose fields (validation names them).
struct DoseLimits {
    static constexpr int kMaxSets = 10;
    static constexpr int kMaxReps = 100;
    static constexpr int kMaxHoldS = 600;
    static constexpr int kMaxRestS = 600;
    static constexpr int kMaxPerDay = 6;
};

/// Allowed exercise levels (1 easiest … 5 hardest).
struct ExerciseLevelRange {
    int min;
    int max;
};
constexpr ExerciseLevelRange kExerciseLevelRange{1, 5};

struct Exercise {
    std::string id;             ///< stable snake_case id
    std::string name;           ///< patient-facing name
    ExerciseKind kind = ExerciseKind::Stretch;
    /// Difficulty 1 (easiest: lying, assisted, gravity reduced) … 5 (hardest: loaded, one leg,
    /// unstable), set by reading the exercise. 0 = not set (a clinic exercise saved before levels).
    int level = 0;
    std::vector<MuscleGroup> targets;
    bool sided = true;          ///< done per leg (true) or for the trunk as a whole (false)
    std::string startPosition;  ///< one sentence
    std::vector<std::string> steps; ///< 3–6 numbered steps in plain language
    std::string keyCue;         ///< the one thing to get right
    std::string stopIf;         ///< when to stop
    Dose defaultDose;
    std::vector<std::string> equipment; ///< e.g. "mat", "chair", "strap or towel"
    std::set<MovementDemand> demands;
    std::vector<std::string> easier; ///< exercise ids of regressions
    std::vector<std::string> harder; ///< exercise ids of progressions
    std::string figureId;
    std::string videoUrl;       ///< optional
    /// where the exercise comes from, e.g. "seed:002", "facts:§8" (the tags are explained in db/SOURCES.md)
    std::vector<std::string> sources;
    bool builtin = true;        ///< false for clinic-added exercises

    friend bool operator==(const Exercise&, const Exercise&) = default;
};

/// Problems with one exercise record (used for clinic-added exercises and the built-in data).
std::vector<FieldProblem> validateExercise(const Exercise& exercise, const std::string& prefix);

/// The set of exercises a plan may draw on, in a stable order (by id).
class ExerciseLibrary {
public:
    ExerciseLibrary() = default;
    /// Takes the exercises; throws InputError when two share an id.
    explicit ExerciseLibrary(std::vector<Exercise> exercises);

    const std::vector<Exercise>& all() const noexcept { return m_exercises; }
    const Exercise* find(std::string_view id) const noexcept;
    std::size_t size() const noexcept { return m_exercises.size(); }

private:
    std::vector<Exercise> m_exercises;
};

} // namespace hiprx::core
