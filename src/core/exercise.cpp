// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/exercise.h"

#include "core/error.h"

#include <algorithm>
#include <string>

namespace hiprx::core {

namespace {

bool isSnakeCaseId(std::string_view id)
{
    if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z' || id.back() == '_')
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void checkRange(std::vector<FieldProblem>& problems, const std::string& path, int value, int min, int max)
{
    if (value < min || value > max)
        problems.push_back({path, path + ": " + std::to_string(value) + " is outside " + std::to_string(min) + "–" +
                                      std::to_string(max)});
}

void checkText(std::vector<FieldProblem>& problems, const std::string& path, const std::string& text,
               std::size_t maxLength, bool required)
{
    if (required && text.empty())
        problems.push_back({path, path + ": is required"});
    else if (text.size() > maxLength)
        problems.push_back({path, path + ": is longer than " + std::to_string(maxLength) + " characters"});
}

} // namespace

std::vector<FieldProblem> validateExercise(const Exercise& exercise, const std::string& prefix)
{
    std::vector<FieldProblem> problems;
    const auto at = [&](std::string_view field) { return prefix + "." + std::string(field); };

    if (!isSnakeCaseId(exercise.id))
        problems.push_back({at("id"), at("id") + ": '" + exercise.id +
                                          "' is not a snake_case id (a–z, 0–9 and _, starting with a letter)"});
    checkText(problems, at("name"), exercise.name, 200, true);
    if (exercise.level != 0) // 0 = not set
        checkRange(problems, at("level"), exercise.level, kExerciseLevelRange.min, kExerciseLevelRange.max);
    if (exercise.targets.empty())
        problems.push_back({at("targets"), at("targets") + ": at least one muscle group is required"});
    checkText(problems, at("start_position"), exercise.startPosition, 4000, false);
    if (exercise.steps.size() < 3 || exercise.steps.size() > 6)
        problems.push_back({at("steps"), at("steps") + ": " + std::to_string(exercise.steps.size()) +
                                             " steps, expected 3–6"});
    for (std::size_t i = 0; i < exercise.steps.size(); ++i)
        checkText(problems, at("steps[" + std::to_string(i) + "]"), exercise.steps[i], 4000, true);
    checkText(problems, at("key_cue"), exercise.keyCue, 4000, false);
    checkText(problems, at("stop_if"), exercise.stopIf, 4000, false);

    const Dose& d = exercise.defaultDose;
    checkRange(problems, at("default_dose.sets"), d.sets, 1, DoseLimits::kMaxSets);
    checkRange(problems, at("default_dose.reps"), d.reps, 1, DoseLimits::kMaxReps);
    checkRange(problems, at("default_dose.hold_s"), d.holdS, 0, DoseLimits::kMaxHoldS);
    checkRange(problems, at("default_dose.rest_s"), d.restS, 0, DoseLimits::kMaxRestS);
    checkRange(problems, at("default_dose.per_day"), d.perDay, 1, DoseLimits::kMaxPerDay);
    checkRange(problems, at("default_dose.days_per_week"), d.daysPerWeek, 1, 7);

    for (const auto* list : {&exercise.easier, &exercise.harder}) {
        const std::string field = list == &exercise.easier ? "easier" : "harder";
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string& id = (*list)[i];
            const std::string path = at(field + "[" + std::to_string(i) + "]");
            if (!isSnakeCaseId(id))
                problems.push_back({path, path + ": '" + id + "' is not a snake_case id"});
            else if (id == exercise.id)
                problems.push_back({path, path + ": an exercise cannot be its own " +
                                              std::string(field == "easier" ? "regression" : "progression")});
        }
    }
    return problems;
}

ExerciseLibrary::ExerciseLibrary(std::vector<Exercise> exercises) : m_exercises(std::move(exercises))
{
    std::stable_sort(m_exercises.begin(), m_exercises.end(),
                     [](const Exercise& a, const Exercise& b) { return a.id < b.id; });
    std::vector<FieldProblem> problems;
    for (std::size_t i = 1; i < m_exercises.size(); ++i)
        if (m_exercises[i].id == m_exercises[i - 1].id)
            problems.push_back({"exercises", "exercises: the id '" + m_exercises[i].id + "' is used twice"});
    if (!problems.empty())
        throw InputError(std::move(problems));
}

const Exercise* ExerciseLibrary::find(std::string_view id) const noexcept
{
    const auto it = std::lower_bound(m_exercises.begin(), m_exercises.end(), id,
                                     [](const Exercise& e, std::string_view key) { return e.id < key; });
    return it != m_exercises.end() && it->id == id ? &*it : nullptr;
}

} // namespace hiprx::core
