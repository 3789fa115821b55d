// SPDX-License-Identifier: GPL-3.0-or-later
//
// The whole built-in library (db/exercises.json) against every precaution of the vocabulary: a
// one-item program of each exercise, stepped each way, never suggests an exercise the precaution
// forbids, and every exercise it swaps in is of the same kind and shares a target. Stated as
// properties, so it holds while the library's levels, links and demand tags are being revised.
#include "core/progression.h"
#include "core/screen.h"
#include "core/vocabulary.h"
#include "exchange/json_format.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace hiprx::core {
namespace {

const ExerciseLibrary& builtin()
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

bool sharesTarget(const Exercise& a, const Exercise& b)
{
    return std::any_of(a.targets.begin(), a.targets.end(), [&](MuscleGroup m) {
        return std::find(b.targets.begin(), b.targets.end(), m) != b.targets.end();
    });
}

TEST(ProgressionLibrarySafety, NoStepEverSuggestsWhatAPrecautionForbids)
{
    const ExerciseLibrary& lib = builtin();
    ASSERT_GT(lib.size(), 50U);
    int checked = 0;
    for (const auto& entry : vocabulary<Precaution>()) {
        for (const int age : {40, 80}) {
            Analysis analysis;
            analysis.ageYears = age;
            analysis.precautions = {entry.value};
            for (const Exercise& exercise : lib.all()) {
                Program last;
                last.items.push_back(makeItem(exercise, exercise.sided ? ExerciseSide::Left : ExerciseSide::None,
                                              Analysis{}));
                for (const ProgressionStep step : {ProgressionStep::Progress, ProgressionStep::Regress,
                                                   ProgressionStep::Hold, ProgressionStep::Refer}) {
                    const NextProgram next = suggestNextProgram(last, analysis, lib, step);
                    const Program program = next.program();
                    EXPECT_TRUE(screenProgram(program, analysis, lib).clear())
                        << entry.id << " " << exercise.id << " " << progressionStepId(step);
                    for (const ProgramItem& item : program.items) {
                        const Exercise* suggested = lib.find(item.exerciseId);
                        ASSERT_NE(suggested, nullptr) << item.exerciseId;
                        EXPECT_TRUE(screenExercise(*suggested, analysis).empty())
                            << entry.id << ": " << exercise.id << " → " << item.exerciseId << " ("
                            << progressionStepId(step) << ")";
                        if (suggested->id != exercise.id) {
                            EXPECT_EQ(suggested->kind, exercise.kind) << exercise.id << " → " << suggested->id;
                            EXPECT_TRUE(sharesTarget(*suggested, exercise)) << exercise.id << " → " << suggested->id;
                            // Beyond the exercise's own harder links a step is one level at most,
                            // and never to level 5 for an older adult.
                            const int from = effectiveLevel(exercise, lib);
                            const int to = effectiveLevel(*suggested, lib);
                            const bool ownLink = std::find(exercise.harder.begin(), exercise.harder.end(),
                                                           suggested->id) != exercise.harder.end();
                            if (step == ProgressionStep::Progress && !ownLink &&
                                screenExercise(exercise, analysis).empty())
                                EXPECT_LE(to, from + 1) << exercise.id << " → " << suggested->id;
                            EXPECT_LE(to, maxLevelFor(analysis)) << exercise.id << " → " << suggested->id;
                        }
                    }
                    // Every item is accounted for: kept, swapped, or dropped with a reason in words.
                    for (const ItemSuggestion& s : next.items) {
                        EXPECT_FALSE(s.reason.empty());
                        if (s.dropped)
                            EXPECT_NE(s.reason.find("left out"), std::string::npos) << s.reason;
                    }
                    ++checked;
                }
            }
        }
    }
    EXPECT_EQ(checked, static_cast<int>(vocabulary<Precaution>().size() * 2 * lib.size() * 4));
}

TEST(ProgressionLibrarySafety, EveryPrecautionTogetherStillLeavesNothingForbidden)
{
    const ExerciseLibrary& lib = builtin();
    Analysis analysis;
    analysis.ageYears = 70;
    for (const auto& entry : vocabulary<Precaution>())
        analysis.precautions.insert(entry.value);
    Program last;
    for (const Exercise& exercise : lib.all())
        last.items.push_back(makeItem(exercise, exercise.sided ? ExerciseSide::Both : ExerciseSide::None, Analysis{}));
    for (const ProgressionStep step : {ProgressionStep::Progress, ProgressionStep::Regress, ProgressionStep::Hold}) {
        const NextProgram next = suggestNextProgram(last, analysis, lib, step);
        EXPECT_TRUE(screenProgram(next.program(), analysis, lib).clear()) << progressionStepId(step);
        EXPECT_TRUE(validateProgram(next.program()).empty()) << progressionStepId(step);
    }
}


TEST(ProgressionLibrarySafety, PlanNeverSuggestsWhatAPrecautionForbidsAndNamesWhatItCannotServe)
{
    const ExerciseLibrary& lib = builtin();
    for (const auto& precaution : vocabulary<Precaution>())
        for (const auto& muscle : vocabulary<MuscleGroup>())
            for (const ImpairmentKind kind : {ImpairmentKind::Tight, ImpairmentKind::Weak}) {
                Analysis analysis;
                analysis.ageYears = 70;
                analysis.precautions = {precaution.value};
                Impairment impairment;
                impairment.muscle = muscle.value;
                impairment.kind = kind;
                impairment.side = Side::Left;
                impairment.rules = {"R-TEST"};
                analysis.impairments = {impairment};
                const Program program = plan(analysis, lib);
                EXPECT_TRUE(screenProgram(program, analysis, lib).clear()) << precaution.id << " " << muscle.id;
                for (const ProgramItem& item : program.items)
                    EXPECT_LE(effectiveLevel(*lib.find(item.exerciseId), lib), maxLevelFor(analysis)) << item.exerciseId;
                // Served, or said in words.
                EXPECT_TRUE(!program.items.empty() || !program.unserved.empty()) << precaution.id << " " << muscle.id;
            }
}

} // namespace
} // namespace hiprx::core
