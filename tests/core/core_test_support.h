// SPDX-License-Identifier: GPL-3.0-or-later
//
// Small builders shared by the core tests: invented people and hand-made exercises, so the tests do
// not depend on the real exercise library (db/exercises.json).
#pragma once

#include "core/analysis.h"
#include "core/program.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace hiprx::core::test {

inline Assessment person(const std::string& name = "Alex Example")
{
    Assessment a;
    a.patient.name = name;
    a.visit.date = Date{2026, 11, 2};
    return a;
}

inline Date born(int year, int month = 1, int day = 1) { return Date{year, month, day}; }

inline StrengthGrade grade(int base, int modifier = 0) { return StrengthGrade{base, modifier}; }

/// An exercise with plausible ACSM defaults for its kind.
inline Exercise exercise(const std::string& id, ExerciseKind kind, std::vector<MuscleGroup> targets,
                         std::set<MovementDemand> demands = {}, bool sided = true)
{
    Exercise e;
    e.id = id;
    e.name = id;
    std::replace(e.name.begin(), e.name.end(), '_', ' ');
    e.kind = kind;
    e.targets = std::move(targets);
    e.demands = std::move(demands);
    e.sided = sided;
    e.startPosition = "Start comfortably.";
    e.steps = {"Get into position.", "Do the movement slowly.", "Return to the start."};
    if (kind == ExerciseKind::Strengthen)
        e.defaultDose = Dose{2, 12, 0, 60, 1, 3, "", ""};
    else if (kind == ExerciseKind::Mobility)
        e.defaultDose = Dose{2, 10, 0, 0, 1, 7, "", ""};
    else
        e.defaultDose = Dose{1, 3, 30, 0, 1, 7, "", ""};
    return e;
}

inline bool hasImpairment(const Analysis& analysis, MuscleGroup muscle, ImpairmentKind kind,
                          std::optional<Side> side)
{
    return std::any_of(analysis.impairments.begin(), analysis.impairments.end(), [&](const Impairment& i) {
        return i.muscle == muscle && i.kind == kind && i.side == side;
    });
}

inline bool hasAnyImpairment(const Analysis& analysis, MuscleGroup muscle, ImpairmentKind kind)
{
    return std::any_of(analysis.impairments.begin(), analysis.impairments.end(),
                       [&](const Impairment& i) { return i.muscle == muscle && i.kind == kind; });
}

inline const Impairment* findImpairment(const Analysis& analysis, MuscleGroup muscle, ImpairmentKind kind,
                                        std::optional<Side> side)
{
    for (const auto& i : analysis.impairments)
        if (i.muscle == muscle && i.kind == kind && i.side == side)
            return &i;
    return nullptr;
}

/// The impairment, or an exception (reported by GoogleTest as a failure) when it is missing.
inline const Impairment& impairmentAt(const Analysis& analysis, MuscleGroup muscle, ImpairmentKind kind,
                                      std::optional<Side> side)
{
    for (const auto& i : analysis.impairments)
        if (i.muscle == muscle && i.kind == kind && i.side == side)
            return i;
    throw std::runtime_error("missing impairment " + std::string(toId(kind)) + " " + std::string(toId(muscle)));
}

/// A program item built field by field (the struct grows; aggregate initialisation would not).
inline ProgramItem programItem(const std::string& id, ExerciseKind kind, ExerciseSide side, Dose dose = {},
                               std::vector<MuscleGroup> targets = {})
{
    ProgramItem item;
    item.exerciseId = id;
    item.name = id;
    item.kind = kind;
    item.side = side;
    item.dose = std::move(dose);
    item.targets = std::move(targets);
    return item;
}

inline bool contains(const std::vector<std::string>& texts, const std::string& text)
{
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

inline bool anyContains(const std::vector<std::string>& texts, const std::string& part)
{
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return t.find(part) != std::string::npos; });
}

/// One impairment as the analysis would produce it, for planner tests.
inline Impairment impairment(MuscleGroup muscle, ImpairmentKind kind, std::optional<Side> side,
                             const std::string& rule)
{
    Impairment i;
    i.muscle = muscle;
    i.kind = kind;
    i.side = side;
    i.rules = {rule};
    i.evidence = {"test evidence"};
    i.rationale = "test rationale";
    return i;
}

} // namespace hiprx::core::test
