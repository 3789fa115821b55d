// SPDX-License-Identifier: GPL-3.0-or-later
//
// Strength, special tests, endurance and balance then and now (core::findingRows): what a
// follow-up must show, with only real changes called better or worse.
#include "core/finding_changes.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace hiprx::core {
namespace {

const FindingRow* row(const std::vector<FindingRow>& rows, const std::string& key)
{
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const FindingRow& r) { return r.key == key; });
    return it == rows.end() ? nullptr : &*it;
}

Assessment visit(const std::string& clinician)
{
    Assessment a;
    a.visit.clinician = clinician;
    return a;
}

TEST(FindingChanges, AGluteusMediusGoingFromThreePlusToFourIsStronger)
{
    std::vector<Assessment> visits{visit("J. Park"), visit("J. Park")};
    visits[0].strength.right[StrengthMuscle::GluteusMedius] = {3, 1};
    visits[1].strength.right[StrengthMuscle::GluteusMedius] = {4, 0};
    const auto rows = findingRows(visits, 1);
    const FindingRow* r = row(rows, "strength.right.gluteus_medius");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->label, "gluteus medius (right)");
    EXPECT_EQ(r->value, "4");
    ASSERT_TRUE(r->sincePrevious);
    EXPECT_EQ(r->sincePrevious->direction, FindingDirection::Better);
    EXPECT_EQ(r->sincePrevious->text, "from 3+: stronger");
    EXPECT_EQ(r->sincePrevious->fromVisit, 0U);
}

TEST(FindingChanges, OneStepOfTheGradeIsWithinTestingError)
{
    std::vector<Assessment> visits{visit("A"), visit("A")};
    visits[0].strength.left[StrengthMuscle::Hamstrings] = {4, -1};
    visits[1].strength.left[StrengthMuscle::Hamstrings] = {4, 0};
    const auto rows = findingRows(visits, 1);
    const FindingRow* r = row(rows, "strength.left.hamstrings");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->sincePrevious->direction, FindingDirection::Same);
    EXPECT_EQ(r->sincePrevious->text, "from 4-: within testing error");
}

TEST(FindingChanges, AnOberGoingPositiveToNegativeIsBetterAndTheReverseWorse)
{
    std::vector<Assessment> visits{visit("A"), visit("A"), visit("A")};
    visits[0].tests.right[SpecialTest::Ober] = TestResult::positive();
    visits[1].tests.right[SpecialTest::Ober] = TestResult::negative();
    visits[2].tests.right[SpecialTest::Ober] = TestResult::positive();
    const auto secondRows = findingRows(visits, 1);
    const FindingRow* second = row(secondRows, "tests.right.ober");
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->label, "Ober's test (right)");
    EXPECT_EQ(second->sincePrevious->direction, FindingDirection::Better);
    EXPECT_EQ(second->sincePrevious->text, "from positive: now negative");
    const auto thirdRows = findingRows(visits, 2);
    const FindingRow* third = row(thirdRows, "tests.right.ober");
    ASSERT_NE(third, nullptr);
    EXPECT_EQ(third->sincePrevious->direction, FindingDirection::Worse);
    EXPECT_EQ(third->sinceBaseline->direction, FindingDirection::Same) << "positive at baseline and now";
}

TEST(FindingChanges, ThePoplitealAngleIsBetterWhenSmallerAndTheStraightLegRaiseWhenLarger)
{
    std::vector<Assessment> visits{visit("A"), visit("A")};
    visits[0].tests.left[SpecialTest::PoplitealAngle] = {TestResult::Kind::Angle, 40, false};
    visits[1].tests.left[SpecialTest::PoplitealAngle] = {TestResult::Kind::Angle, 15, false};
    visits[0].tests.left[SpecialTest::Slr] = {TestResult::Kind::Angle, 50, true};
    visits[1].tests.left[SpecialTest::Slr] = {TestResult::Kind::Angle, 52, false};
    const auto rows = findingRows(visits, 1);
    EXPECT_EQ(row(rows, "tests.left.popliteal_angle")->sincePrevious->direction, FindingDirection::Better);
    const FindingRow* slr = row(rows, "tests.left.slr");
    EXPECT_EQ(slr->sincePrevious->direction, FindingDirection::Same) << "2° is within goniometric error";
    EXPECT_EQ(slr->sincePrevious->from, "50° (reproduces leg pain)");
}

TEST(FindingChanges, HoldsShowTheChangeInSecondsWithoutAVerdictAndANewFallIsWorse)
{
    std::vector<Assessment> visits{visit("A"), visit("A")};
    visits[0].endurance.plankHoldS = 30;
    visits[1].endurance.plankHoldS = 45;
    visits[0].balance.fallsPastYear = 0;
    visits[1].balance.fallsPastYear = 1;
    const auto rows = findingRows(visits, 1);
    const FindingRow* plank = row(rows, "endurance.plank_hold_s");
    ASSERT_NE(plank, nullptr);
    EXPECT_EQ(plank->value, "45 s");
    EXPECT_EQ(plank->sincePrevious->direction, FindingDirection::Changed);
    EXPECT_EQ(plank->sincePrevious->text, "from 30 s: +15 s");
    EXPECT_EQ(row(rows, "balance.falls_past_year")->sincePrevious->direction, FindingDirection::Worse);
}

TEST(FindingChanges, TheBaselineIsTheFirstVisitThatRecordedItAndAFirstValueHasNoChange)
{
    std::vector<Assessment> visits{visit("A"), visit("A"), visit("A")};
    visits[1].strength.left[StrengthMuscle::GluteusMaximus] = {3, 0};
    visits[2].strength.left[StrengthMuscle::GluteusMaximus] = {4, 0};
    const auto first = findingRows(visits, 1);
    EXPECT_FALSE(row(first, "strength.left.gluteus_maximus")->sincePrevious);
    const auto last = findingRows(visits, 2);
    const FindingRow* r = row(last, "strength.left.gluteus_maximus");
    EXPECT_EQ(r->sinceBaseline->fromVisit, 1U);
    EXPECT_TRUE(findingRows(visits, 0).empty());
}

} // namespace
} // namespace hiprx::core
