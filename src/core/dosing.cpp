// SPDX-License-Identifier: GPL-3.0-or-later
//
// Dosing starts from the exercise's own default (the library follows ACSM: stretches 2–4 × 15–30 s
// daily, strengthening 2–3 sets of 10–15 on 2–3 days a week) and adjusts for age, then for
// irritability. Irritability is applied last so that its caps always hold: an older adult with highly
// irritable pain gets short holds, not the longer older-adult holds.
#include "core/dosing.h"
#include "core/program.h"

#include <algorithm>

namespace hiprx::core {

namespace {

void addNote(Dose& dose, std::string_view note)
{
    if (dose.notes.find(note) != std::string::npos)
        return;
    if (!dose.notes.empty())
        dose.notes += ' ';
    dose.notes += note;
}

void olderAdult(const Exercise& exercise, Dose& dose)
{
    if (exercise.kind == ExerciseKind::Stretch && dose.holdS > 0) {
        // ACSM 11th ed.: 30–60 s holds may benefit older adults more than 10–30 s.
        dose.holdS = std::clamp(std::max(dose.holdS, kOlderStretchHoldS), kOlderStretchHoldS, kOlderStretchMaxHoldS);
    } else if (exercise.kind == ExerciseKind::Strengthen && dose.holdS == 0) {
        // ACSM: older or deconditioned adults start with 10–15 repetitions at a light to moderate load.
        dose.reps = std::clamp(dose.reps, kOlderStrengthMinReps, kOlderStrengthMaxReps);
        addNote(dose, "Use a light resistance you can lift 10 to 15 times with good form.");
    }
}

void highIrritability(const Exercise& exercise, Dose& dose)
{
    dose.sets = 1;
    if (dose.holdS > 0)
        dose.holdS = std::min(dose.holdS, kHighIrritabilityMaxHoldS);
    if (exercise.kind == ExerciseKind::Strengthen || exercise.kind == ExerciseKind::Mobility)
        dose.reps = std::min(dose.reps, kHighIrritabilityMaxReps);
    dose.perDay = std::min(dose.perDay, 2);
    addNote(dose, "Go gently and stay in a pain-free range. Stop before it hurts.");
}

void moderateIrritability(Dose& dose)
{
    dose.sets = std::max(1, dose.sets - 1);
    if (dose.holdS > 0)
        dose.holdS = std::min(dose.holdS, kModerateIrritabilityMaxHoldS);
    addNote(dose, "Work in a comfortable range. Mild discomfort that settles by the next day is fine.");
}

} // namespace

Dose doseFor(const Exercise& exercise, const Analysis& analysis)
{
    Dose dose = exercise.defaultDose;
    if (analysis.ageYears && *analysis.ageYears >= kOlderAdultAge)
        olderAdult(exercise, dose);
    switch (analysis.irritability) {
    case Irritability::High:
        highIrritability(exercise, dose);
        break;
    case Irritability::Moderate:
        moderateIrritability(dose);
        break;
    case Irritability::Low:
        break;
    }
    return dose;
}

} // namespace hiprx::core
