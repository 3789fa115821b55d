// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/exercise.h"

#include <string>
#include <string_view>
#include <vector>

namespace hiprx::core {

/// The dose in one plain line, e.g. "3 × 30 s hold · once a day, every day" or
/// "2 sets × 12 reps, rest 60 s between sets · once a day, 3 days a week · light band". Used by
/// the CLI, the app and the PDF so the patient reads the same words everywhere. The notes are
/// printed as whole sentences (see noteText()).
std::string describeDose(const Dose& dose);

/// As describeDose(), saying "on each side" when the item is done on both sides (`Both`), so that
/// "3 × 30 s hold" on a both-sides card is never read as three holds in all.
std::string describeDose(const Dose& dose, ExerciseSide side);

/// The words of doseSentence(). The defaults are the English of templates/wording.ini [dose]; the
/// handout passes the clinic's template, so the CLI, the app and the PDF build the sentence alike.
/// Placeholders: {n} in reps, sets, seconds, minutes, perDayMany, daysMany; {time} in hold and
/// rest; {what} in eachSide; {m} {s} in minutesSeconds; {times} {days} in often; {load} in load.
struct DoseWords {
    std::string repsOne = "once";
    std::string reps = "{n} times";
    std::string hold = "hold for {time}";
    std::string eachSide = "{what} on each side";
    std::string sets = "{n} sets";
    std::string rest = "Rest {time} between sets.";
    std::string load = "Use {load}.";
    std::string secondOne = "1 second";
    std::string seconds = "{n} seconds";
    std::string minuteOne = "1 minute";
    std::string minutes = "{n} minutes";
    std::string minutesSeconds = "{m} min {s} s";
    std::string perDayOne = "once a day";
    std::string perDayTwo = "twice a day";
    std::string perDayMany = "{n} times a day";
    std::string daysEvery = "every day";
    std::string daysOne = "1 day a week";
    std::string daysMany = "{n} days a week";
    std::string often = "{times}, {days}";
};

/// The dose as the patient reads it on the handout, in one plain sentence (and, when they apply, a
/// short one for the rest between sets and one for the load): "10 times on each side, 3 sets, once
/// a day, 5 days a week." or "Hold for 30 seconds, 3 times on each side, once a day, every day."
/// One set says no "1 sets"; "on each side" only for an exercise done on both sides.
std::string doseSentence(const Dose& dose, ExerciseSide side, const DoseWords& words = {});

/// A duration in words: "1 second", "30 seconds", "1 minute", "2 minutes", "1 min 30 s".
std::string durationWords(int seconds, const DoseWords& words = {});

/// The "how much" part only: "2 sets × 12 reps" or "3 × 30 s hold".
std::string describeVolume(const Dose& dose);

/// The "how much" part with the side: "3 × 30 s hold on each side" for `Both`, otherwise as
/// describeVolume(dose).
std::string describeVolume(const Dose& dose, ExerciseSide side);

/// The "how often" part only: "once a day, every day".
std::string describeFrequency(const Dose& dose);

/// "each side" when the item is done on both sides, otherwise empty.
std::string_view perSideWords(ExerciseSide side) noexcept;

/// True when the exercise works against a load other than the body's own weight: its equipment
/// holds a band, a weight or dumbbells, or the dose names such a load ("light band", "0.5 kg").
/// Only these get wording about choosing a resistance.
bool takesLoad(const Exercise& exercise, const Dose& dose);

// ---- Dose notes as sentences ----------------------------------------------------------------

/// The sentences of a dose note, each trimmed: split after ". ", "! ", "? " and at ";" (the old
/// library joined clauses with semicolons). "roll slowly; pause 20–30 s on tender spots" → two.
std::vector<std::string> noteSentences(std::string_view notes);

/// Sentences as the patient reads them: each starts with a capital letter and ends with a full
/// stop (or its own "!" / "?"), separated by one space.
std::string joinSentences(const std::vector<std::string>& sentences);

/// noteText(notes) == joinSentences(noteSentences(notes)): a note as whole sentences.
std::string noteText(std::string_view notes);

/// Whether every dose number or frequency a sentence states agrees with `dose`:
/// - a duration (s, seconds, min, minutes; "build up to 5" after "minutes" is 5 minutes) is a hold
///   and must match the hold (a range must contain it); after "rest" it is a rest and is not
///   compared; after "pause", "stay" or "wait" it is part of the hold and must not exceed it;
/// - breaths count about 4–6 s each, so "4 to 6 breaths" fits a hold of 16–36 s;
/// - reps ("10 to 15 reps", "lift 10 to 15 times", "10 to 15 to each side") and sets must
///   contain the dose's reps and sets;
/// - "once a day", "twice a day", "N times a day", "several times a day" must match per_day;
///   "every day", "daily", "N days a week", "every other day" must match days_per_week.
/// A sentence with no dose number or frequency always fits.
bool sentenceFitsDose(std::string_view sentence, const Dose& dose);

/// The note's sentences that fit the dose, as whole sentences (see sentenceFitsDose()).
std::string fittingNotes(std::string_view notes, const Dose& dose);

} // namespace hiprx::core
