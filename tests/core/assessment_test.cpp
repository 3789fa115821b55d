// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/assessment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

using namespace hiprx;
using namespace hiprx::core;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

const Date kToday{2026, 11, 21};

Assessment minimal()
{
    Assessment a;
    a.patient.name = "Imogen Tarrant";
    return a;
}

std::vector<std::string> messages(const std::vector<FieldProblem>& problems)
{
    std::vector<std::string> out;
    for (const auto& p : problems)
        out.push_back(p.message);
    return out;
}

std::vector<std::string> paths(const std::vector<FieldProblem>& problems)
{
    std::vector<std::string> out;
    for (const auto& p : problems)
        out.push_back(p.path);
    return out;
}

} // namespace

// ---- StrengthGrade -------------------------------------------------------------------------------

TEST(StrengthGrade, ParsesEveryOxfordGrade)
{
    const std::vector<std::pair<std::string, StrengthGrade>> valid = {
        {"0", {0, 0}},  {"1-", {1, -1}}, {"1", {1, 0}},  {"1+", {1, 1}}, {"2-", {2, -1}}, {"2", {2, 0}},
        {"2+", {2, 1}}, {"3-", {3, -1}}, {"3", {3, 0}},  {"3+", {3, 1}}, {"4-", {4, -1}}, {"4", {4, 0}},
        {"4+", {4, 1}}, {"5-", {5, -1}}, {"5", {5, 0}},
    };
    for (const auto& [text, grade] : valid) {
        const auto parsed = StrengthGrade::parse(text);
        ASSERT_TRUE(parsed.has_value()) << text;
        EXPECT_EQ(*parsed, grade) << text;
        EXPECT_EQ(parsed->text(), text);
    }
}

TEST(StrengthGrade, AcceptsUnicodeMinus)
{
    const auto parsed = StrengthGrade::parse("4\xE2\x88\x92");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, (StrengthGrade{4, -1}));
    EXPECT_EQ(parsed->text(), "4-");
}

TEST(StrengthGrade, RejectsWhatIsNotAGrade)
{
    for (const char* text : {"0-", "0+", "5+", "6", "", "3++", "3+-", "-3", " 3", "3 ", "a", "3.5", "10", "4\xE2\x88"})
        EXPECT_FALSE(StrengthGrade::parse(text).has_value()) << '"' << text << '"';
}

TEST(StrengthGrade, OrdinalOrdersMinusBelowPlainBelowPlus)
{
    const auto g = [](const char* t) { return StrengthGrade::parse(t)->ordinal(); };
    EXPECT_LT(g("3-"), g("3"));
    EXPECT_LT(g("3"), g("3+"));
    EXPECT_LT(g("3+"), g("4-"));
    EXPECT_LT(g("0"), g("1-"));
}

// ---- ranges --------------------------------------------------------------------------------------

TEST(AssessmentRanges, OnlySlrAndPoplitealAngleAreAngleTests)
{
    for (const auto& entry : vocabulary<SpecialTest>()) {
        const bool expected = entry.value == SpecialTest::Slr || entry.value == SpecialTest::PoplitealAngle;
        EXPECT_EQ(isAngleTest(entry.value), expected) << entry.id;
    }
}

TEST(AssessmentRanges, RomRangeBoundariesAreInsideAndOneBeyondIsRejected)
{
    struct Case {
        Movement movement;
        int min;
        int max;
    };
    const Case cases[] = {
        {Movement::HipFlexion, 0, 180},           {Movement::HipExtension, -45, 60},
        {Movement::HipAbduction, 0, 90},          {Movement::HipAdduction, 0, 60},
        {Movement::HipInternalRotation, 0, 90},   {Movement::HipExternalRotation, 0, 90},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(romRange(c.movement).min, c.min);
        EXPECT_EQ(romRange(c.movement).max, c.max);
        for (Side side : kSides) {
            Assessment a = minimal();
            a.rom[side][c.movement] = c.min;
            EXPECT_THAT(validate(a, kToday), IsEmpty()) << toId(c.movement) << " " << c.min;
            a.rom[side][c.movement] = c.max;
            EXPECT_THAT(validate(a, kToday), IsEmpty()) << toId(c.movement) << " " << c.max;

            const std::string path = "rom." + std::string(toId(side)) + "." + std::string(toId(c.movement));
            a.rom[side][c.movement] = c.max + 1;
            EXPECT_THAT(paths(validate(a, kToday)), ElementsAre(path));
            a.rom[side][c.movement] = c.min - 1;
            EXPECT_THAT(paths(validate(a, kToday)), ElementsAre(path));
        }
    }
}

TEST(AssessmentRanges, TestAngleBoundaries)
{
    EXPECT_EQ(testAngleRange(SpecialTest::Slr).max, 120);
    EXPECT_EQ(testAngleRange(SpecialTest::PoplitealAngle).max, 90);
    for (SpecialTest test : {SpecialTest::Slr, SpecialTest::PoplitealAngle}) {
        const Range r = testAngleRange(test);
        Assessment a = minimal();
        a.tests.left[test] = TestResult::degrees(r.min);
        a.tests.right[test] = TestResult::degrees(r.max);
        EXPECT_THAT(validate(a, kToday), IsEmpty());
        a.tests.left[test] = TestResult::degrees(r.min - 1);
        a.tests.right[test] = TestResult::degrees(r.max + 1);
        const std::string id(toId(test));
        EXPECT_THAT(paths(validate(a, kToday)), ElementsAre("tests.left." + id, "tests.right." + id));
    }
}

TEST(AssessmentRanges, RangeTextUsesEnDashAndKeepsNegativeSign)
{
    EXPECT_EQ(rangeText({0, 180}), "0\xE2\x80\x93" "180");
    EXPECT_EQ(rangeText({-45, 60}), "-45\xE2\x80\x93" "60");
}

// ---- age -----------------------------------------------------------------------------------------

TEST(AssessmentAge, CountsWholeYearsOnTheVisitDate)
{
    Assessment a = minimal();
    a.patient.birthDate = Date{1961, 4, 2};
    a.visit.date = Date{2026, 4, 1};
    EXPECT_EQ(a.ageYears(kToday), 64); // the birthday is the next day
    a.visit.date = Date{2026, 4, 2};
    EXPECT_EQ(a.ageYears(kToday), 65);
}

TEST(AssessmentAge, UsesTodayWithoutAVisitDateAndNothingWithoutBirthDate)
{
    Assessment a = minimal();
    EXPECT_FALSE(a.ageYears(kToday).has_value());
    a.patient.birthDate = Date{2000, 11, 22};
    EXPECT_EQ(a.ageYears(kToday), 25);
}

// ---- patient -------------------------------------------------------------------------------------

TEST(ValidatePatient, NameIsRequired)
{
    Patient p;
    EXPECT_THAT(messages(validatePatient(p, kToday)), ElementsAre("patient.name: required"));
    p.name = "  \t ";
    EXPECT_THAT(messages(validatePatient(p, kToday)), ElementsAre("patient.name: required"));
}

TEST(ValidatePatient, NameLengthCountsCharactersNotBytes)
{
    Patient p;
    std::string name;
    for (std::size_t i = 0; i < kMaxNameLength; ++i)
        name += "\xC5\x81"; // Ł, two bytes each
    p.name = name;
    EXPECT_THAT(validatePatient(p, kToday), IsEmpty());
    p.name += "a";
    EXPECT_THAT(messages(validatePatient(p, kToday)), ElementsAre("patient.name: 201 characters, at most 200"));
}

TEST(ValidatePatient, RejectsMalformedUtf8)
{
    Patient p;
    p.name = "Ana \xC3";
    EXPECT_THAT(messages(validatePatient(p, kToday)), ElementsAre("patient.name: not valid UTF-8 text"));
    p.name = "Ana \xED\xA0\x80"; // a UTF-16 surrogate is not a character
    EXPECT_THAT(paths(validatePatient(p, kToday)), ElementsAre("patient.name"));
    p.name = "Ana \xC0\xAF"; // overlong form of '/'
    EXPECT_THAT(paths(validatePatient(p, kToday)), ElementsAre("patient.name"));
}

TEST(ValidatePatient, BirthDateMayBeTodayButNotInTheFuture)
{
    Patient p;
    p.name = "Nia Okafor";
    p.birthDate = kToday;
    EXPECT_THAT(validatePatient(p, kToday), IsEmpty());
    p.birthDate = Date{2030, 1, 1};
    EXPECT_THAT(messages(validatePatient(p, kToday)),
                ElementsAre("patient.birth_date: 2030-01-01 is in the future"));
}

TEST(ValidatePatient, BirthDateMoreThan130YearsAgoIsATypingError)
{
    Patient p;
    p.name = "Nia Okafor";
    p.birthDate = Date{1895, 11, 22}; // 130 today
    EXPECT_THAT(validatePatient(p, kToday), IsEmpty());
    p.birthDate = Date{1895, 11, 21}; // 131 today
    EXPECT_THAT(messages(validatePatient(p, kToday)),
                ElementsAre("patient.birth_date: 1895-11-21 is more than 130 years ago"));
}

TEST(ValidatePatient, EmailMustLookLikeAnAddress)
{
    Patient p;
    p.name = "Nia Okafor";
    for (const char* good : {"nia@example.org", "n.o+pt@mail.example.co.uk"}) {
        p.email = good;
        EXPECT_THAT(validatePatient(p, kToday), IsEmpty()) << good;
    }
    for (const char* bad : {"x", "nia@", "@example.org", "nia@example", "nia@@example.org", "nia @example.org",
                            "nia@example.", "nia@.org"}) {
        p.email = bad;
        EXPECT_THAT(paths(validatePatient(p, kToday)), ElementsAre("patient.email")) << bad;
    }
    p.email = "x";
    EXPECT_THAT(messages(validatePatient(p, kToday)), ElementsAre("patient.email: \"x\" is not an email address"));
}

TEST(ValidatePatient, PhoneAllowsDigitsAndSeparatorsOnly)
{
    Patient p;
    p.name = "Nia Okafor";
    p.phone = "+44 (0)20 7946-0958";
    EXPECT_THAT(validatePatient(p, kToday), IsEmpty());
    p.phone = "call me";
    EXPECT_THAT(paths(validatePatient(p, kToday)), ElementsAre("patient.phone"));
    p.phone = std::string(41, '1');
    EXPECT_THAT(messages(validatePatient(p, kToday)), ElementsAre("patient.phone: 41 characters, at most 40"));
}

TEST(ValidatePatient, PrefixNamesTheRecord)
{
    Patient p;
    EXPECT_THAT(messages(validatePatient(p, kToday, "record")), ElementsAre("record.name: required"));
}

TEST(ValidatePatient, ExternalIdHasTheNameLimit)
{
    Patient p;
    p.name = "Nia Okafor";
    p.externalId = std::string(kMaxNameLength + 1, '7');
    EXPECT_THAT(paths(validatePatient(p, kToday)), ElementsAre("patient.id"));
}

// ---- visit ---------------------------------------------------------------------------------------

TEST(ValidateVisit, DateNotInTheFutureNorBeforeBirth)
{
    Assessment a = minimal();
    a.visit.date = kToday;
    EXPECT_THAT(validate(a, kToday), IsEmpty());
    a.visit.date = Date{2026, 11, 22};
    EXPECT_THAT(messages(validate(a, kToday)), ElementsAre("visit.date: 2026-11-22 is in the future"));
    a.patient.birthDate = Date{1990, 5, 5};
    a.visit.date = Date{1990, 5, 4};
    EXPECT_THAT(messages(validate(a, kToday)),
                ElementsAre("visit.date: 1990-05-04 is before patient.birth_date 1990-05-05"));
    a.visit.date = Date{1990, 5, 5};
    EXPECT_THAT(validate(a, kToday), IsEmpty());
}

TEST(ValidateVisit, TextLimits)
{
    Assessment a = minimal();
    a.visit.clinician = std::string(kMaxNameLength, 'c');
    a.visit.complaint = std::string(kMaxTextLength, 'x');
    a.visit.notes = std::string(kMaxTextLength, 'y');
    EXPECT_THAT(validate(a, kToday), IsEmpty());
    a.visit.clinician += "c";
    a.visit.complaint += "x";
    a.visit.notes += "y";
    EXPECT_THAT(messages(validate(a, kToday)),
                ElementsAre("visit.clinician: 201 characters, at most 200",
                            "visit.complaint: 4001 characters, at most 4000",
                            "visit.notes: 4001 characters, at most 4000"));
}

// ---- findings ------------------------------------------------------------------------------------

TEST(ValidateFindings, RomMessageNamesPathAndRange)
{
    Assessment a = minimal();
    a.rom.left[Movement::HipFlexion] = 400;
    a.rom.right[Movement::HipExtension] = -46;
    EXPECT_THAT(messages(validate(a, kToday)),
                ElementsAre("rom.left.hip_flexion: 400 is outside 0\xE2\x80\x93" "180",
                            "rom.right.hip_extension: -46 is outside -45\xE2\x80\x93" "60"));
}

TEST(ValidateFindings, NprsBoundaries)
{
    Assessment a = minimal();
    a.pain.nprsNow = 0;
    a.pain.nprsBest24h = 0;
    a.pain.nprsWorst24h = 10;
    EXPECT_THAT(validate(a, kToday), IsEmpty());
    a.pain.nprsNow = 11;
    a.pain.nprsBest24h = -1;
    a.pain.nprsWorst24h = 11;
    EXPECT_THAT(messages(validate(a, kToday)),
                ElementsAre("pain.nprs_now: 11 is outside 0\xE2\x80\x93" "10",
                            "pain.nprs_best_24h: -1 is outside 0\xE2\x80\x93" "10",
                            "pain.nprs_worst_24h: 11 is outside 0\xE2\x80\x93" "10"));
}

TEST(ValidateFindings, BestPainAboveWorstIsRejected)
{
    Assessment a = minimal();
    a.pain.nprsBest24h = 5;
    a.pain.nprsWorst24h = 5;
    EXPECT_THAT(validate(a, kToday), IsEmpty());
    a.pain.nprsBest24h = 8;
    EXPECT_THAT(messages(validate(a, kToday)),
                ElementsAre("pain.nprs_best_24h: 8 is above pain.nprs_worst_24h 5"));
}

TEST(ValidateFindings, AngleOnlyForAngleTests)
{
    Assessment a = minimal();
    a.tests.left[SpecialTest::Faber] = TestResult::degrees(30);
    a.tests.left[SpecialTest::Slr] = TestResult::positive();
    a.tests.right[SpecialTest::PoplitealAngle] = TestResult::negative();
    EXPECT_THAT(messages(validate(a, kToday)),
                ElementsAre("tests.left.faber: an angle is not a result of this test (expected \"positive\" or "
                            "\"negative\")"));
}

TEST(ValidateFindings, SlrMessage)
{
    Assessment a = minimal();
    a.tests.left[SpecialTest::Slr] = TestResult::degrees(130);
    EXPECT_THAT(messages(validate(a, kToday)), ElementsAre("tests.left.slr: 130 is outside 0\xE2\x80\x93" "120"));
}

TEST(ValidateFindings, StrengthGradeMustBeOnTheScale)
{
    Assessment a = minimal();
    a.strength.left[StrengthMuscle::GluteusMedius] = {3, 1};
    a.strength.right[StrengthMuscle::GluteusMedius] = {5, 0};
    EXPECT_THAT(validate(a, kToday), IsEmpty());
    a.strength.left[StrengthMuscle::GluteusMedius] = {6, 0};
    a.strength.right[StrengthMuscle::Quadriceps] = {5, 1};
    EXPECT_THAT(paths(validate(a, kToday)), ElementsAre("strength.left.gluteus_medius", "strength.right.quadriceps"));
}

TEST(ValidateFindings, EnduranceBoundaries)
{
    Assessment a = minimal();
    a.endurance.plankHoldS = 0;
    a.endurance.sideBridgeHoldS.left = 600;
    a.endurance.sideBridgeHoldS.right = 0;
    a.endurance.trunkFlexorHoldS = 600;
    a.endurance.trunkExtensorHoldS = 1;
    EXPECT_THAT(validate(a, kToday), IsEmpty());
    a.endurance.plankHoldS = -1;
    a.endurance.sideBridgeHoldS.left = 601;
    a.endurance.sideBridgeHoldS.right = -5;
    a.endurance.trunkFlexorHoldS = 601;
    a.endurance.trunkExtensorHoldS = 9999;
    EXPECT_THAT(messages(validate(a, kToday)),
                ElementsAre("endurance.plank_hold_s: -1 is outside 0\xE2\x80\x93" "600",
                            "endurance.side_bridge_hold_s.left: 601 is outside 0\xE2\x80\x93" "600",
                            "endurance.side_bridge_hold_s.right: -5 is outside 0\xE2\x80\x93" "600",
                            "endurance.trunk_flexor_hold_s: 601 is outside 0\xE2\x80\x93" "600",
                            "endurance.trunk_extensor_hold_s: 9999 is outside 0\xE2\x80\x93" "600"));
}

TEST(ValidateOutcomes, LefsNeedsTwentyItemsEachZeroToFour)
{
    Assessment a = minimal();
    a.outcomes.lefs.assign(20, 4);
    a.outcomes.lefs[0] = 0;
    a.outcomes.lefs[7] = std::nullopt; // unanswered is allowed
    EXPECT_THAT(validate(a, kToday), IsEmpty());
    a.outcomes.lefs[3] = 5;
    a.outcomes.lefs[4] = -1;
    EXPECT_THAT(messages(validate(a, kToday)),
                ElementsAre("outcomes.lefs[3]: 5 is outside 0\xE2\x80\x93" "4",
                            "outcomes.lefs[4]: -1 is outside 0\xE2\x80\x93" "4"));
    a.outcomes.lefs.assign(19, 2);
    EXPECT_THAT(messages(validate(a, kToday)), ElementsAre("outcomes.lefs: 19 items given, expected 20"));
    a.outcomes.lefs.assign(21, 2);
    EXPECT_THAT(messages(validate(a, kToday)), ElementsAre("outcomes.lefs: 21 items given, expected 20"));
}

TEST(ValidateOutcomes, PsfsAtMostFiveActivitiesEachNamedAndScored)
{
    Assessment a = minimal();
    for (int i = 0; i < 5; ++i)
        a.outcomes.psfs.push_back({"climbing stairs", i * 2 + 0});
    a.outcomes.psfs[4].score = 10;
    a.outcomes.psfs[3].score = std::nullopt;
    EXPECT_THAT(validate(a, kToday), IsEmpty());
    a.outcomes.psfs.push_back({"gardening", 4});
    a.outcomes.psfs[0].activity = "";
    a.outcomes.psfs[1].score = 11;
    a.outcomes.psfs[2].activity = std::string(kMaxNameLength + 1, 'a');
    EXPECT_THAT(messages(validate(a, kToday)),
                ElementsAre("outcomes.psfs: 6 activities given, at most 5", "outcomes.psfs[0].activity: required",
                            "outcomes.psfs[1].score: 11 is outside 0\xE2\x80\x93" "10",
                            "outcomes.psfs[2].activity: 201 characters, at most 200"));
}

TEST(ValidateAssessment, ReportsEveryProblemAtOnce)
{
    Assessment a;
    a.patient.birthDate = Date{2030, 1, 1};
    a.patient.email = "x";
    a.visit.date = Date{2027, 1, 1};
    a.rom.left[Movement::HipFlexion] = 400;
    a.pain.nprsNow = 11;
    a.tests.left[SpecialTest::Slr] = TestResult::degrees(130);
    a.endurance.sideBridgeHoldS.right = 700;
    a.outcomes.lefs.assign(19, 1);
    const auto problems = validate(a, kToday);
    EXPECT_THAT(paths(problems),
                ElementsAre("patient.name", "patient.birth_date", "patient.email", "visit.date",
                            "rom.left.hip_flexion", "pain.nprs_now", "tests.left.slr",
                            "endurance.side_bridge_hold_s.right", "outcomes.lefs"));
    for (const auto& p : problems)
        EXPECT_EQ(p.message.rfind(p.path + ": ", 0), 0u) << p.message; // every message starts with its path
}

TEST(ValidateAssessment, FullyRecordedValidAssessmentHasNoProblems)
{
    Assessment a = minimal();
    a.patient.birthDate = Date{1961, 4, 2};
    a.patient.sex = Sex::Female;
    a.patient.email = "imogen@example.org";
    a.visit.date = Date{2026, 11, 20};
    a.visit.affectedSide = AffectedSide::Left;
    a.rom.left[Movement::HipFlexion] = 105;
    a.rom.left[Movement::HipExtension] = -10; // a flexion contracture is a real finding
    a.pain = {4, 2, 7, Irritability::Moderate};
    a.tests.left[SpecialTest::ThomasIliopsoas] = TestResult::positive();
    a.tests.left[SpecialTest::Slr] = TestResult::degrees(55);
    a.strength.left[StrengthMuscle::GluteusMedius] = {3, 1};
    a.endurance.plankHoldS = 40;
    a.redFlags.insert(RedFlag::UnexplainedWeightLoss);
    a.precautions.insert(Precaution::ThaPosterior);
    a.outcomes.lefs.assign(20, 3);
    a.outcomes.psfs.push_back({"walking the dog", 6});
    EXPECT_THAT(validate(a, kToday), IsEmpty());
}

TEST(TextHelpers, Utf8LengthAndEmail)
{
    EXPECT_EQ(utf8Length("\xC5\x81ucja"), 5u);
    EXPECT_EQ(utf8Length("\xE2\x88\x92"), 1u);
    EXPECT_TRUE(isValidUtf8("\xF0\x9F\x98\x80")); // an emoji, four bytes
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // beyond U+10FFFF
    EXPECT_FALSE(isValidUtf8("\x80"));
    EXPECT_TRUE(isEmailAddress("a@b.co"));
    EXPECT_FALSE(isEmailAddress("a@b"));
}
