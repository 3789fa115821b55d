// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dosing.h"
#include "core/program.h"

#include "core_test_support.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

using namespace hiprx::core::test;

Analysis patient(std::optional<int> age, Irritability irritability)
{
    Analysis analysis;
    analysis.ageYears = age;
    analysis.irritability = irritability;
    return analysis;
}

Exercise stretch(int hold = 30)
{
    auto e = exercise("hamstring_strap_stretch", ExerciseKind::Stretch, {MuscleGroup::Hamstrings});
    e.defaultDose = Dose{2, 3, hold, 0, 1, 7, "", ""};
    return e;
}

Exercise strengthen(int sets = 3, int reps = 12)
{
    auto e = exercise("clamshell", ExerciseKind::Strengthen, {MuscleGroup::GluteusMedius});
    e.defaultDose = Dose{sets, reps, 0, 60, 1, 3, "light band", ""};
    return e;
}

TEST(Dosing, DefaultDoseForAYoungerAdultWithLowIrritability)
{
    EXPECT_EQ(doseFor(stretch(), patient(40, Irritability::Low)), stretch().defaultDose);
    EXPECT_EQ(doseFor(strengthen(), patient(64, Irritability::Low)), strengthen().defaultDose);
    EXPECT_EQ(doseFor(stretch(), patient(std::nullopt, Irritability::Low)), stretch().defaultDose);
}

TEST(Dosing, OlderAdultsHoldStretchesLonger)
{
    const Dose dose = doseFor(stretch(30), patient(65, Irritability::Low));
    EXPECT_EQ(dose.holdS, kOlderStretchHoldS);
    EXPECT_EQ(dose.reps, 3);
    EXPECT_EQ(doseFor(stretch(50), patient(80, Irritability::Low)).holdS, 50);
    EXPECT_EQ(doseFor(stretch(90), patient(80, Irritability::Low)).holdS, kOlderStretchMaxHoldS);
}

TEST(Dosing, OlderAdultsStrengthenWithTenToFifteenLighterReps)
{
    Dose dose = doseFor(strengthen(3, 8), patient(70, Irritability::Low));
    EXPECT_EQ(dose.reps, 10);
    EXPECT_EQ(dose.sets, 3);
    EXPECT_NE(dose.notes.find("light resistance"), std::string::npos);
    EXPECT_EQ(doseFor(strengthen(3, 20), patient(70, Irritability::Low)).reps, 15);
    EXPECT_EQ(doseFor(strengthen(3, 12), patient(70, Irritability::Low)).reps, 12);
}

TEST(Dosing, HighIrritabilityMeansOneSetShortHoldsAndAGentleNote)
{
    const Dose s = doseFor(stretch(30), patient(40, Irritability::High));
    EXPECT_EQ(s.sets, 1);
    EXPECT_EQ(s.holdS, kHighIrritabilityMaxHoldS);
    EXPECT_NE(s.notes.find("pain-free"), std::string::npos);
    const Dose t = doseFor(strengthen(3, 15), patient(40, Irritability::High));
    EXPECT_EQ(t.sets, 1);
    EXPECT_EQ(t.reps, kHighIrritabilityMaxReps);
    EXPECT_NE(t.notes.find("pain-free"), std::string::npos);
}

TEST(Dosing, ModerateIrritabilityIsAModestReduction)
{
    const Dose s = doseFor(stretch(45), patient(40, Irritability::Moderate));
    EXPECT_EQ(s.sets, 1);
    EXPECT_EQ(s.holdS, kModerateIrritabilityMaxHoldS);
    EXPECT_EQ(s.reps, 3);
    const Dose t = doseFor(strengthen(3, 12), patient(40, Irritability::Moderate));
    EXPECT_EQ(t.sets, 2);
    EXPECT_EQ(t.reps, 12);
    EXPECT_NE(t.notes.find("comfortable range"), std::string::npos);
}

TEST(Dosing, IrritabilityCapsWinOverOlderAdultHolds)
{
    EXPECT_EQ(doseFor(stretch(30), patient(75, Irritability::High)).holdS, kHighIrritabilityMaxHoldS);
    EXPECT_EQ(doseFor(stretch(30), patient(75, Irritability::Moderate)).holdS, kModerateIrritabilityMaxHoldS);
    const Dose t = doseFor(strengthen(3, 8), patient(75, Irritability::High));
    EXPECT_EQ(t.sets, 1);
    EXPECT_EQ(t.reps, 10); // raised to 10 for age, within the irritability cap
    EXPECT_NE(t.notes.find("light resistance"), std::string::npos);
    EXPECT_NE(t.notes.find("pain-free"), std::string::npos);
}

TEST(Dosing, AdjustedDosesStayValid)
{
    for (int age : {30, 70})
        for (Irritability level : {Irritability::Low, Irritability::Moderate, Irritability::High})
            for (const Exercise& e : {stretch(5), stretch(120), strengthen(1, 1), strengthen(10, 100)}) {
                Program program;
                program.items.push_back(programItem(e.id, e.kind, ExerciseSide::Left, doseFor(e, patient(age, level))));
                EXPECT_TRUE(validateProgram(program).empty()) << age << " " << toId(level);
            }
}

} // namespace
} // namespace hiprx::core
