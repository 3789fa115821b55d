// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dose_text.h"
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

TEST(Dosing, OneSetHasNoRestBetweenSets)
{
    const Dose t = doseFor(strengthen(2, 12), patient(40, Irritability::Moderate));
    EXPECT_EQ(t.sets, 1);
    EXPECT_EQ(t.restS, 0);
    EXPECT_EQ(doseFor(strengthen(3, 12), patient(40, Irritability::Moderate)).restS, 60);
    EXPECT_EQ(doseFor(strengthen(3, 12), patient(40, Irritability::High)).restS, 0);
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
                program.items.push_back(
                    programItem(e.id, e.kind, ExerciseSide::Left, doseFor(e, patient(age, level))));
                EXPECT_TRUE(validateProgram(program).empty()) << age << " " << toId(level);
            }
}

// ---- Doses within the cited guidance (facts.md §7.1) and notes that agree with them ----------

Exercise groinStretch()
{
    // The old library's supine groin stretch: one 5-minute hold, a note in minutes.
    auto e = stretch(300);
    e.id = "supine_groin_stretch";
    e.defaultDose = Dose{1, 1, 300, 0, 1, 7, "", "start with 1 to 2 minutes and build up to 5"};
    return e;
}

Exercise bodyWeight(std::string load = "body weight", std::vector<std::string> equipment = {"mat"})
{
    auto e = exercise("side_lying_hip_abduction", ExerciseKind::Strengthen, {MuscleGroup::GluteusMedius});
    e.defaultDose = Dose{2, 8, 0, 60, 1, 3, std::move(load), ""};
    e.equipment = std::move(equipment);
    return e;
}

TEST(Dosing, AStretchHoldIsTenToThirtySecondsForAdultsAndAtMostSixtyFromSixtyFive)
{
    const Dose adult = doseFor(groinStretch(), patient(40, Irritability::Low));
    EXPECT_EQ(adult.holdS, kStretchMaxHoldS);
    EXPECT_EQ(adult.reps, 2); // 2 × 30 s: about 60 s in all, as ACSM asks
    EXPECT_EQ(doseFor(stretch(5), patient(40, Irritability::Low)).holdS, kStretchMinHoldS);
    EXPECT_EQ(doseFor(stretch(45), patient(40, Irritability::Low)).holdS, kStretchMaxHoldS);

    const Dose older = doseFor(groinStretch(), patient(70, Irritability::Low));
    EXPECT_EQ(older.holdS, kOlderStretchMaxHoldS);
    EXPECT_GE(older.holdS * older.reps, kStretchTargetTotalS);
    EXPECT_EQ(doseFor(groinStretch(), patient(70, Irritability::High)).holdS, kHighIrritabilityMaxHoldS);

    // Not only stretches: no hold of any kind is above a minute by default.
    auto roll = exercise("foam_roll_glutes", ExerciseKind::SelfRelease, {MuscleGroup::GluteusMaximus});
    roll.defaultDose = Dose{1, 1, 120, 0, 1, 5, "", ""};
    EXPECT_EQ(doseFor(roll, patient(40, Irritability::Low)).holdS, kMaxHoldS);
}

TEST(Dosing, ANoteInMinutesIsDroppedWhenTheHoldIsShorter)
{
    for (const auto& p :
         {patient(40, Irritability::Low), patient(70, Irritability::Low), patient(40, Irritability::High)}) {
        const Dose d = doseFor(groinStretch(), p);
        EXPECT_EQ(d.notes.find("minute"), std::string::npos) << d.notes;
        EXPECT_EQ(d.notes.find("build up"), std::string::npos) << d.notes;
    }
}

TEST(Dosing, ANoteThatStatesTheSameDoseIsKeptAsAWholeSentence)
{
    auto e = stretch(30);
    e.defaultDose.notes = "about 4 to 6 slow breaths each hold";
    EXPECT_EQ(doseFor(e, patient(40, Irritability::Low)).notes, "About 4 to 6 slow breaths each hold.");
    // 45 s for an older adult is more than 6 breaths: the note would contradict the hold.
    EXPECT_EQ(doseFor(e, patient(70, Irritability::Low)).notes, "");
}

TEST(Dosing, NotesAreJoinedAsWholeSentences)
{
    auto e = stretch(30);
    e.defaultDose.notes = "about 4 to 6 slow breaths each hold";
    const Dose d = doseFor(e, patient(40, Irritability::Moderate));
    EXPECT_EQ(d.notes, "About 4 to 6 slow breaths each hold. Work in a comfortable range. Mild discomfort "
                       "that settles by the next day is fine.");
    auto roll = exercise("foam_roll_glutes", ExerciseKind::SelfRelease, {MuscleGroup::GluteusMaximus});
    roll.defaultDose = Dose{1, 1, 60, 0, 1, 5, "", "roll slowly; pause 20–30 s on tender spots"};
    EXPECT_EQ(doseFor(roll, patient(40, Irritability::Low)).notes,
              "Roll slowly. Pause 20–30 s on tender spots.");
    // A 15 s roll has no room for a 20–30 s pause.
    EXPECT_EQ(doseFor(roll, patient(40, Irritability::High)).notes,
              "Roll slowly. Go gently and stay in a pain-free range. Stop before it hurts.");
}

TEST(Dosing, TheResistanceNoteIsOnlyForExercisesThatTakeALoad)
{
    const Dose own = doseFor(bodyWeight(), patient(72, Irritability::Low));
    EXPECT_EQ(own.reps, kOlderStrengthMinReps);
    EXPECT_EQ(own.notes.find("resistance"), std::string::npos) << own.notes;
    EXPECT_EQ(doseFor(bodyWeight("", {"mat", "pillow"}), patient(72, Irritability::Low)).notes, "");

    for (const auto& e : {bodyWeight("light band"), bodyWeight("", {"mat", "resistance band"}),
                          bodyWeight("light dumbbells or none"), bodyWeight("0.5 kg ankle weight")})
        EXPECT_NE(doseFor(e, patient(72, Irritability::Low)).notes.find("light resistance"),
                  std::string::npos)
            << e.defaultDose.load;
}

TEST(Dosing, AFrequencyNoteIsKeptOnlyWhenTheDoseSaysTheSame)
{
    auto e = exercise("glute_sets", ExerciseKind::Strengthen, {MuscleGroup::GluteusMaximus});
    e.defaultDose = Dose{1, 10, 5, 0, 1, 3, "", "several times a day is fine"};
    EXPECT_EQ(doseFor(e, patient(40, Irritability::Low)).notes, "");
    e.defaultDose.perDay = 3;
    e.defaultDose.daysPerWeek = 7;
    EXPECT_EQ(doseFor(e, patient(40, Irritability::Low)).notes, "Several times a day is fine.");
    e.defaultDose.notes = "stretch daily";
    e.defaultDose.daysPerWeek = 3;
    EXPECT_EQ(doseFor(e, patient(40, Irritability::Low)).notes, "");
}

TEST(Dosing, RepsInANoteMustContainTheRepsGiven)
{
    auto e = exercise("clamshell", ExerciseKind::Strengthen, {MuscleGroup::GluteusMedius});
    e.defaultDose = Dose{2, 20, 0, 60, 1, 3, "", "10 to 15 to each side"};
    EXPECT_EQ(doseFor(e, patient(40, Irritability::Low)).notes, ""); // 20 is not 10 to 15
    EXPECT_EQ(doseFor(e, patient(70, Irritability::Low)).notes, "10 to 15 to each side."); // 15
}

TEST(DoseNotes, SentencesAndWhatTheyState)
{
    EXPECT_EQ(noteSentences("roll slowly; pause 20–30 s on tender spots. Breathe."),
              (std::vector<std::string>{"roll slowly", "pause 20–30 s on tender spots.", "Breathe."}));
    EXPECT_EQ(noteText("each hold Work in a comfortable range"), "Each hold Work in a comfortable range.");
    EXPECT_EQ(noteText("  "), "");
    EXPECT_EQ(noteText("0.5 kg is fine"), "0.5 kg is fine.");

    const Dose hold30{1, 3, 30, 0, 1, 7, "", ""};
    EXPECT_TRUE(sentenceFitsDose("Hold 30 seconds", hold30));
    EXPECT_TRUE(sentenceFitsDose("Hold 20–30 s", hold30));
    EXPECT_FALSE(sentenceFitsDose("build up to 60 s holds", hold30));
    EXPECT_FALSE(sentenceFitsDose("start with 1 to 2 minutes and build up to 5", hold30));
    EXPECT_TRUE(
        sentenceFitsDose("Hold only while your form is good, and rest 30 s between holds", {1, 3, 20}));
    EXPECT_TRUE(sentenceFitsDose("3 times", hold30));
    EXPECT_FALSE(sentenceFitsDose("5 times", hold30));
    EXPECT_FALSE(sentenceFitsDose("twice a day", hold30));
    EXPECT_TRUE(sentenceFitsDose("once a day, every day", hold30));
    EXPECT_FALSE(sentenceFitsDose("3 days a week", hold30));
    EXPECT_FALSE(sentenceFitsDose("every other day", hold30));
    EXPECT_TRUE(sentenceFitsDose("Keep your back flat and breathe", hold30));
    const Dose sets2{2, 10, 0, 60, 1, 3, "", ""};
    EXPECT_TRUE(sentenceFitsDose("Rest for a minute between sets", sets2));
    EXPECT_FALSE(sentenceFitsDose("Rest for 2 minutes between sets", sets2));
    EXPECT_FALSE(sentenceFitsDose("Rest for a minute between sets", {1, 10, 0, 0, 1, 3}));
    EXPECT_FALSE(sentenceFitsDose("Hold for a minute", hold30));
}

TEST(DoseText, BothSidesSaysEachSide)
{
    const Dose d{1, 3, 30, 0, 1, 7, "", ""};
    EXPECT_EQ(describeDose(d, ExerciseSide::Both), "3 × 30 s hold on each side · once a day, every day");
    EXPECT_EQ(describeDose(d, ExerciseSide::Left), "3 × 30 s hold · once a day, every day");
    EXPECT_EQ(describeVolume({2, 12, 0, 60, 1, 3, "", ""}, ExerciseSide::Both),
              "2 sets × 12 reps on each side, rest 60 s between sets");
    EXPECT_EQ(describeDose({1, 10, 0, 0, 1, 7, "", "each direction; go slowly"}),
              "10 reps · once a day, every day · Each direction. Go slowly.");
}

} // namespace
} // namespace hiprx::core
