// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every built-in exercise (db/exercises.json) × every dose path (plain adult, 65 or older, highly
// irritable, both; moderate irritability too) × every side it can be given on, read as the patient
// reads the dose: no hold above a minute, no note that says another hold, minutes, reps or
// frequency than the dose, no two sentences run together, no resistance wording on a body-weight
// exercise, and "each side" whenever it is done on both sides. The checks here read the text on
// their own (they do not call the code that filters the notes), so they catch what it misses.
#include "core/dose_text.h"
#include "core/dosing.h"
#include "core/program.h"
#include "exchange/json_format.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace hiprx::core {
namespace {

const ExerciseLibrary& library()
{
    static const ExerciseLibrary lib = [] {
        std::ifstream in(HIPRX_SOURCE_DIR "/db/exercises.json", std::ios::binary);
        if (!in)
            throw std::runtime_error("cannot open db/exercises.json");
        std::ostringstream text;
        text << in.rdbuf();
        return ExerciseLibrary(exchange::readExercises(text.str(), true));
    }();
    return lib;
}

struct DosePath {
    const char* name;
    std::optional<int> age;
    Irritability irritability;
};

const std::vector<DosePath>& paths()
{
    static const std::vector<DosePath> all = {
        {"adult", 40, Irritability::Low},
        {"age 72", 72, Irritability::Low},
        {"high irritability", 40, Irritability::High},
        {"age 72 + high irritability", 72, Irritability::High},
        {"moderate irritability", 40, Irritability::Moderate},
        {"age unknown", std::nullopt, Irritability::Low},
    };
    return all;
}

std::vector<ExerciseSide> sidesFor(const Exercise& e)
{
    if (e.sided)
        return {ExerciseSide::Left, ExerciseSide::Both};
    return {ExerciseSide::None};
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool has(const std::string& text, const std::string& part)
{
    return lower(text).find(part) != std::string::npos;
}

/// Takes a load other than the body's own weight, judged from the data alone.
bool loadEquipment(const Exercise& e)
{
    for (const auto& item : e.equipment)
        if (has(item, "band") || has(item, "weight") || has(item, "dumbbell"))
            return true;
    const std::string load = lower(e.defaultDose.load);
    return !load.empty() && load != "body weight";
}

/// The durations a note states, in seconds, with the word before them ("rest", "pause"…).
struct Duration {
    double lo;
    double hi;
    std::string before;
};

std::vector<Duration> durations(const std::string& notes)
{
    static const std::regex re(
        R"(([A-Za-z]+)?\s*(\d+)(?:\s*(?:to|–|-)\s*(\d+))?\s*(s|sec|secs|seconds?|min|mins|minutes?)\b)");
    std::vector<Duration> out;
    for (std::sregex_iterator it(notes.begin(), notes.end(), re), end; it != end; ++it) {
        const auto& m = *it;
        const double scale = m[4].str().rfind("min", 0) == 0 ? 60 : 1;
        const double lo = std::stod(m[2]) * scale;
        const double hi = m[3].matched ? std::stod(m[3]) * scale : lo;
        out.push_back({lo, hi, lower(m[1].str())});
    }
    return out;
}

/// Everything wrong with one printed dose.
std::vector<std::string> problems(const Exercise& e, const Dose& d, ExerciseSide side, bool older)
{
    std::vector<std::string> out;
    const std::string text = describeDose(d, side);
    const std::string notes = noteText(d.notes);

    if (d.holdS > kMaxHoldS)
        out.push_back("hold " + std::to_string(d.holdS) + " s is above a minute");
    if (e.kind == ExerciseKind::Stretch && d.holdS > (older ? kOlderStretchMaxHoldS : kStretchMaxHoldS))
        out.push_back("stretch hold " + std::to_string(d.holdS) + " s is outside the ACSM range");

    for (const Duration& t : durations(notes)) {
        if (t.before == "rest" || t.before == "resting")
            continue;
        if (t.before == "pause" || t.before == "stay") {
            if (d.holdS > 0 && t.hi > d.holdS)
                out.push_back("a pause longer than the hold in the note");
            continue;
        }
        if (d.holdS == 0 || t.lo > d.holdS || t.hi < d.holdS)
            out.push_back("the note states another hold than " + std::to_string(d.holdS) + " s");
    }
    for (const auto& sentence : noteSentences(notes)) {
        if (d.holdS < 60 && has(sentence, "minute") && !has(sentence, "rest"))
            out.push_back("'minutes' in the note of a hold under a minute");
        if (d.sets <= 1 && has(sentence, "between sets"))
            out.push_back("rest between sets with only one set");
    }

    static const std::regex runTogether(R"(\b[a-z]+ [A-Z][a-z]+)");
    if (std::regex_search(text, runTogether))
        out.push_back("two sentences run together");

    if (!loadEquipment(e) &&
        (has(notes, "resistance") || has(notes, "band") || has(notes, "weights") || has(notes, "dumbbell")))
        out.push_back("load wording on an exercise without a band or weight");

    if (d.perDay == 1 &&
        (has(notes, "times a day") || has(notes, "twice a day") || has(notes, "times daily") ||
         has(notes, "throughout the day") || has(notes, "through the day")))
        out.push_back("the note says more than once a day");
    if (d.daysPerWeek < 7 && (has(notes, "every day") || has(notes, "daily")))
        out.push_back("the note says every day");

    if (side == ExerciseSide::Both && !has(text, "each side") && !has(text, "each leg"))
        out.push_back("both sides without per-side wording");
    return out;
}

TEST(DoseWording, EveryExerciseOnEveryDosePathReadsAsOneInstruction)
{
    ASSERT_GT(library().size(), 50U);
    std::vector<std::string> failures;
    for (const Exercise& e : library().all())
        for (const DosePath& path : paths()) {
            Analysis analysis;
            analysis.ageYears = path.age;
            analysis.irritability = path.irritability;
            const bool older = path.age && *path.age >= kOlderAdultAge;
            const Dose d = doseFor(e, analysis);
            for (ExerciseSide side : sidesFor(e))
                for (const std::string& p : problems(e, d, side, older))
                    failures.push_back(e.id + " [" + path.name + ", " + std::string(label(side)) + "]: " + p +
                                       "\n    " + describeDose(d, side));
        }
    std::string all;
    for (const auto& f : failures)
        all += f + "\n";
    EXPECT_TRUE(failures.empty()) << failures.size() << " doses read wrongly:\n" << all;
}

TEST(DoseWording, TheLibrarysOwnNotesAgreeWithItsOwnDoses)
{
    // The data itself, before any adjustment: a default note that contradicts its default dose is
    // an error in db/exercises.json even though doseFor() would drop it.
    std::vector<std::string> offenders;
    for (const Exercise& e : library().all()) {
        const Dose& d = e.defaultDose;
        if (d.holdS > kMaxHoldS)
            offenders.push_back(e.id + ": default hold " + std::to_string(d.holdS) + " s");
        if (e.kind == ExerciseKind::Stretch && d.holdS > 0 &&
            (d.holdS < kStretchMinHoldS || d.holdS > kStretchMaxHoldS))
            offenders.push_back(e.id + ": default stretch hold " + std::to_string(d.holdS) +
                                " s is not 10–30 s");
        for (const auto& s : noteSentences(d.notes))
            if (!sentenceFitsDose(s, d))
                offenders.push_back(e.id + ": note '" + s + "' disagrees with " + describeDose(d));
        if (!loadEquipment(e) && (has(d.notes, "resistance") || has(d.notes, "band")))
            offenders.push_back(e.id + ": load wording without load equipment");
    }
    std::string all;
    for (const auto& o : offenders)
        all += o + "\n";
    EXPECT_TRUE(offenders.empty()) << all;
}

} // namespace
} // namespace hiprx::core

namespace hiprx::core {
namespace {

Dose sentenceDose(int sets, int reps, int holdS, int perDay, int daysPerWeek)
{
    Dose d;
    d.sets = sets;
    d.reps = reps;
    d.holdS = holdS;
    d.restS = 0;
    d.perDay = perDay;
    d.daysPerWeek = daysPerWeek;
    return d;
}

TEST(DoseSentence, RepsOnBothSidesReadAsOnePlainSentence)
{
    EXPECT_EQ(doseSentence(sentenceDose(3, 10, 0, 1, 5), ExerciseSide::Both),
              "10 times on each side, 3 sets, once a day, 5 days a week.");
}

TEST(DoseSentence, AHoldLeadsAndOneSetSaysNoSets)
{
    EXPECT_EQ(doseSentence(sentenceDose(1, 3, 30, 2, 7), ExerciseSide::Left),
              "Hold for 30 seconds, 3 times, twice a day, every day.");
    EXPECT_EQ(doseSentence(sentenceDose(1, 1, 90, 1, 1), ExerciseSide::None),
              "Hold for 1 min 30 s, once, once a day, 1 day a week.");
}

TEST(DoseSentence, RestAndLoadAreShortSentencesOfTheirOwn)
{
    Dose d = sentenceDose(2, 12, 0, 1, 3);
    d.restS = 60;
    d.load = "a light band";
    EXPECT_EQ(doseSentence(d, ExerciseSide::Right),
              "12 times, 2 sets, once a day, 3 days a week. Rest 1 minute between sets. Use a light band.");
    d.sets = 1; // no rest between sets with one set
    EXPECT_EQ(doseSentence(d, ExerciseSide::Right), "12 times, once a day, 3 days a week. Use a light band.");
}

TEST(DoseSentence, TheClinicsWordsAreUsed)
{
    DoseWords words;
    words.reps = "{n} Mal";
    words.eachSide = "{what} pro Seite";
    words.sets = "{n} Sätze";
    words.perDayOne = "einmal täglich";
    words.daysMany = "{n} Tage pro Woche";
    EXPECT_EQ(doseSentence(sentenceDose(3, 10, 0, 1, 5), ExerciseSide::Both, words),
              "10 Mal pro Seite, 3 Sätze, einmal täglich, 5 Tage pro Woche.");
}

TEST(DoseSentence, EveryLibraryDoseIsOneCapitalisedSentence)
{
    for (const Exercise& e : library().all())
        for (ExerciseSide side : {ExerciseSide::None, ExerciseSide::Both}) {
            const std::string s = doseSentence(e.defaultDose, side);
            EXPECT_FALSE(s.empty()) << e.id;
            EXPECT_EQ(s.find("1 sets"), std::string::npos) << e.id << ": " << s;
            EXPECT_EQ(s.find("{"), std::string::npos) << e.id << ": " << s;
            EXPECT_EQ(s.back(), '.') << e.id << ": " << s;
            EXPECT_TRUE(s.front() < 'a' || s.front() > 'z') << e.id << ": " << s;
        }
}

} // namespace
} // namespace hiprx::core
