// SPDX-License-Identifier: GPL-3.0-or-later
//
// Dosing starts from the exercise's own default (the library follows ACSM: stretches 2–4 × 15–30 s
// daily, strengthening 2–3 sets of 10–15 on 2–3 days a week), brings it within the cited guidance
// (facts.md §7.1: stretch holds 10–30 s for adults, 30–60 s from 65; no hold above 60 s), and
// adjusts for age, then for irritability. Irritability is applied last so that its caps always
// hold: an older adult with highly irritable pain gets short holds, not the longer older-adult holds.
//
// Last, the notes are rebuilt as whole sentences, and a sentence that states a dose number or a
// frequency (a hold, breaths, reps, "several times a day") is kept only when it agrees with the
// final dose: "build up to 5 minutes" never sits beside "Hold 30 seconds".
#include "core/dosing.h"
#include "core/text_template.h"
#include "core/dose_text.h"
#include "core/program.h"

#include <algorithm>
#include <cctype>

namespace hiprx::core {

namespace {


/// The notes being built, one sentence each; a sentence already there is not added twice.
class Notes {
public:
    explicit Notes(std::string_view notes) : m_sentences(noteSentences(notes)) {}

    void add(std::string_view text)
    {
        for (auto& s : noteSentences(text)) {
            const auto same = [&](const std::string& had) { return asciiLower(had) == asciiLower(s); };
            if (std::none_of(m_sentences.begin(), m_sentences.end(), same))
                m_sentences.push_back(std::move(s));
        }
    }

    /// Whole sentences, without those that disagree with `dose`.
    std::string fitting(const Dose& dose) const
    {
        std::vector<std::string> kept;
        for (const auto& s : m_sentences)
            if (sentenceFitsDose(s, dose))
                kept.push_back(s);
        return joinSentences(kept);
    }

private:
    std::vector<std::string> m_sentences;
};

/// The cited ranges, whatever the default says: no hold above 60 s; a stretch held 10–30 s by an
/// adult (30–60 s from 65, see olderAdult()), with enough reps (up to 4) to gather about 60 s when a
/// long default hold was shortened.
void withinGuidance(const Exercise& exercise, bool older, Dose& dose)
{
    if (dose.holdS <= 0)
        return;
    dose.holdS = std::min(dose.holdS, kMaxHoldS);
    if (exercise.kind != ExerciseKind::Stretch)
        return;
    if (!older)
        dose.holdS = std::clamp(dose.holdS, kStretchMinHoldS, kStretchMaxHoldS);
    if (dose.reps * dose.holdS < kStretchTargetTotalS) {
        const int needed = (kStretchTargetTotalS + dose.holdS - 1) / dose.holdS;
        dose.reps = std::max(dose.reps, std::min(needed, kStretchMaxReps));
    }
}

void olderAdult(const Exercise& exercise, Dose& dose, Notes& notes)
{
    if (exercise.kind == ExerciseKind::Stretch && dose.holdS > 0) {
        // ACSM 11th ed.: 30–60 s holds may benefit older adults more than 10–30 s.
        dose.holdS =
            std::clamp(std::max(dose.holdS, kOlderStretchHoldS), kOlderStretchHoldS, kOlderStretchMaxHoldS);
    } else if (exercise.kind == ExerciseKind::Strengthen && dose.holdS == 0) {
        // ACSM: older or deconditioned adults start with 10–15 repetitions at a light to moderate load.
        dose.reps = std::clamp(dose.reps, kOlderStrengthMinReps, kOlderStrengthMaxReps);
        // Only an exercise done against a band or a weight has a resistance to choose.
        if (takesLoad(exercise, dose))
            notes.add("Use a light resistance you can lift 10 to 15 times with good form.");
    }
}

void highIrritability(const Exercise& exercise, Dose& dose, Notes& notes)
{
    dose.sets = 1;
    if (dose.holdS > 0)
        dose.holdS = std::min(dose.holdS, kHighIrritabilityMaxHoldS);
    if (exercise.kind == ExerciseKind::Strengthen || exercise.kind == ExerciseKind::Mobility)
        dose.reps = std::min(dose.reps, kHighIrritabilityMaxReps);
    dose.perDay = std::min(dose.perDay, 2);
    notes.add("Go gently and stay in a pain-free range. Stop before it hurts.");
}

void moderateIrritability(Dose& dose, Notes& notes)
{
    dose.sets = std::max(1, dose.sets - 1);
    if (dose.holdS > 0)
        dose.holdS = std::min(dose.holdS, kModerateIrritabilityMaxHoldS);
    notes.add("Work in a comfortable range. Mild discomfort that settles by the next day is fine.");
}

} // namespace

Dose doseFor(const Exercise& exercise, const Analysis& analysis)
{
    Dose dose = exercise.defaultDose;
    Notes notes(dose.notes);
    const bool older = analysis.ageYears && *analysis.ageYears >= kOlderAdultAge;
    withinGuidance(exercise, older, dose);
    if (older)
        olderAdult(exercise, dose, notes);
    switch (analysis.irritability) {
    case Irritability::High:
        highIrritability(exercise, dose, notes);
        break;
    case Irritability::Moderate:
        moderateIrritability(dose, notes);
        break;
    case Irritability::Low:
        break;
    }
    if (dose.sets <= 1)
        dose.restS = 0; // a rest between sets means nothing with one set
    dose.notes = notes.fitting(dose);
    return dose;
}

} // namespace hiprx::core
