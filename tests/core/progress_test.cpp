// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/progress.h"

#include "core/outcomes.h"
#include "core_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace hiprx::core {
namespace {

const MeasureId kLeftFlexion{MeasureKind::Rom, Movement::HipFlexion, Side::Left};
const MeasureId kLeftExtension{MeasureKind::Rom, Movement::HipExtension, Side::Left};
const MeasureId kNprsNow{MeasureKind::NprsNow};
const MeasureId kNprsWorst{MeasureKind::NprsWorst24h};
const MeasureId kLefs{MeasureKind::Lefs};
const MeasureId kPsfs{MeasureKind::Psfs};

DatedAssessment visitOn(std::int64_t id, Date date, const std::string& clinician = "J. Park, PT")
{
    DatedAssessment v{id, test::person()};
    v.assessment.visit.date = date;
    v.assessment.visit.clinician = clinician;
    return v;
}

/// LEFS answers summing to `total` (20 items of 0–4).
std::vector<std::optional<int>> lefsTotal(int total)
{
    std::vector<std::optional<int>> items(kLefsItemCount, 0);
    for (auto& item : items) {
        const int v = std::min(4, total);
        item = v;
        total -= v;
    }
    return items;
}

const MeasureValue* valueAt(const History& h, std::size_t visit, const MeasureId& m)
{
    for (const auto& v : h.visits.at(visit).values)
        if (v.measure == m)
            return &v;
    return nullptr;
}

bool hasAlert(const VisitProgress& v, AlertKind kind, const std::string& measure)
{
    return std::any_of(v.alerts.begin(), v.alerts.end(),
                       [&](const Alert& a) { return a.kind == kind && a.measure == measure; });
}

TEST(ProgressVerdict, RomSameRaterBoundaryIsTheMdc)
{
    // Flexion MDC 10° (Pua 2008): 9° is within error, 10° counts, both ways.
    EXPECT_EQ(changeThreshold(kLeftFlexion, true), 10);
    EXPECT_EQ(judgeChange(kLeftFlexion, 100, 109, 10), Verdict::WithinError);
    EXPECT_EQ(judgeChange(kLeftFlexion, 100, 110, 10), Verdict::Improved);
    EXPECT_EQ(judgeChange(kLeftFlexion, 100, 91, 10), Verdict::WithinError);
    EXPECT_EQ(judgeChange(kLeftFlexion, 100, 90, 10), Verdict::Worse);
    EXPECT_EQ(changeThreshold(kLeftExtension, true), 13);
}

TEST(ProgressVerdict, RomBetweenRatersNeedsTwentyDegrees)
{
    EXPECT_EQ(changeThreshold(kLeftFlexion, false), 20);
    EXPECT_EQ(judgeChange(kLeftFlexion, 90, 109, 20), Verdict::WithinError);
    EXPECT_EQ(judgeChange(kLeftFlexion, 90, 110, 20), Verdict::Improved);
}

TEST(ProgressVerdict, RotationBetweenRatersNeedsThirtyDegrees)
{
    // Poulsen 2012: limits of agreement for internal rotation between clinicians reach 28–30°.
    const MeasureId ir{MeasureKind::Rom, Movement::HipInternalRotation, Side::Left};
    const MeasureId er{MeasureKind::Rom, Movement::HipExternalRotation, Side::Right};
    EXPECT_EQ(changeThreshold(ir, false), 30);
    EXPECT_EQ(changeThreshold(er, false), 30);
    EXPECT_EQ(changeThreshold(ir, true), 11); // the same clinician: the MDC
}

TEST(ProgressVerdict, PainBoundaryIsTwoPointsAndLowerIsBetter)
{
    EXPECT_EQ(changeThreshold(kNprsNow, true), 2);
    EXPECT_EQ(judgeChange(kNprsNow, 6, 5, 2), Verdict::WithinError);
    EXPECT_EQ(judgeChange(kNprsNow, 6, 4, 2), Verdict::Improved);
    EXPECT_EQ(judgeChange(kNprsNow, 6, 7, 2), Verdict::WithinError);
    EXPECT_EQ(judgeChange(kNprsNow, 6, 8, 2), Verdict::Worse);
}

TEST(ProgressVerdict, LefsBoundaryIsNinePoints)
{
    EXPECT_EQ(changeThreshold(kLefs, true), 9);
    EXPECT_EQ(judgeChange(kLefs, 40, 48, 9), Verdict::WithinError);
    EXPECT_EQ(judgeChange(kLefs, 40, 49, 9), Verdict::Improved);
    EXPECT_EQ(judgeChange(kLefs, 40, 32, 9), Verdict::WithinError);
    EXPECT_EQ(judgeChange(kLefs, 40, 31, 9), Verdict::Worse);
}

TEST(ProgressVerdict, PsfsMeanBoundaryIsTwoPoints)
{
    EXPECT_EQ(changeThreshold(kPsfs, true), 2.0);
    EXPECT_EQ(judgeChange(kPsfs, 4.0, 5.9, 2.0), Verdict::WithinError);
    EXPECT_EQ(judgeChange(kPsfs, 5.0, 49.0 / 7.0, 2.0), Verdict::Improved);
    EXPECT_EQ(judgeChange(kPsfs, 6.0, 4.0, 2.0), Verdict::Worse);
}

TEST(ProgressVerdict, NoChangeIsWithinError)
{
    EXPECT_EQ(judgeChange(kLeftFlexion, 100, 100, 10), Verdict::WithinError);
    EXPECT_EQ(verdictText(Verdict::WithinError), "within measurement error");
}

TEST(History, OrdersVisitsByDateAndComparesWithBaselineAndPrevious)
{
    auto a = visitOn(1, {2026, 9, 1});
    auto b = visitOn(2, {2026, 10, 1});
    auto c = visitOn(3, {2026, 11, 1});
    a.assessment.rom.left[Movement::HipFlexion] = 90;
    b.assessment.rom.left[Movement::HipFlexion] = 96;
    c.assessment.rom.left[Movement::HipFlexion] = 104;
    const History h = buildHistory({c, a, b});
    ASSERT_EQ(h.visits.size(), 3U);
    EXPECT_EQ(h.visits[0].visitId, 1);
    EXPECT_EQ(h.visits[2].visitId, 3);

    const MeasureValue* first = valueAt(h, 0, kLeftFlexion);
    ASSERT_NE(first, nullptr);
    EXPECT_FALSE(first->sinceBaseline);
    EXPECT_FALSE(first->sincePrevious);

    const MeasureValue* last = valueAt(h, 2, kLeftFlexion);
    ASSERT_NE(last, nullptr);
    ASSERT_TRUE(last->sincePrevious);
    EXPECT_EQ(last->sincePrevious->delta, 8);
    EXPECT_EQ(last->sincePrevious->verdict, Verdict::WithinError);
    ASSERT_TRUE(last->sinceBaseline);
    EXPECT_EQ(last->sinceBaseline->delta, 14);
    EXPECT_EQ(last->sinceBaseline->verdict, Verdict::Improved);
    EXPECT_EQ(last->sinceBaseline->fromVisit, 0U);
}

TEST(History, BaselineIsTheFirstVisitThatRecordedTheMeasure)
{
    auto a = visitOn(1, {2026, 9, 1});
    auto b = visitOn(2, {2026, 10, 1});
    auto c = visitOn(3, {2026, 11, 1});
    b.assessment.outcomes.lefs = lefsTotal(30);
    c.assessment.outcomes.lefs = lefsTotal(45);
    const History h = buildHistory({a, b, c});
    const Series* s = h.find(kLefs);
    ASSERT_NE(s, nullptr);
    EXPECT_FALSE(s->values[0]);
    EXPECT_EQ(s->values[1], 30.0);
    const MeasureValue* last = valueAt(h, 2, kLefs);
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->sinceBaseline->fromVisit, 1U);
    EXPECT_EQ(last->sinceBaseline->verdict, Verdict::Improved);
    EXPECT_EQ(h.find(kPsfs), nullptr);
}

TEST(History, DifferentCliniciansWidenTheRomThreshold)
{
    auto a = visitOn(1, {2026, 9, 1}, "J. Park, PT");
    auto b = visitOn(2, {2026, 10, 1}, "M. Okoye, PT");
    a.assessment.rom.left[Movement::HipFlexion] = 90;
    b.assessment.rom.left[Movement::HipFlexion] = 105;
    const History h = buildHistory({a, b});
    const auto& change = valueAt(h, 1, kLeftFlexion)->sincePrevious;
    ASSERT_TRUE(change);
    EXPECT_EQ(change->threshold, 20);
    EXPECT_EQ(change->verdict, Verdict::WithinError);
}

TEST(History, RomSeriesCarryTheNormBand)
{
    auto a = visitOn(1, {2026, 9, 1});
    a.assessment.rom.right[Movement::HipFlexion] = 100;
    const History h = buildHistory({a}, NormSet::Aaos);
    const Series* s = h.find({MeasureKind::Rom, Movement::HipFlexion, Side::Right});
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->normHigh, norm(NormSet::Aaos, Movement::HipFlexion)->degrees);
    EXPECT_EQ(s->normLow, limitedBelow(NormSet::Aaos, Movement::HipFlexion));
    EXPECT_FALSE(h.find(kNprsNow));
}

TEST(HistoryAlerts, WorstPainOfSevenIsAnAlertAndSixIsNot)
{
    auto a = visitOn(1, {2026, 9, 1});
    a.assessment.pain.nprsWorst24h = 6;
    auto b = visitOn(2, {2026, 10, 1});
    b.assessment.pain.nprsWorst24h = 7;
    const History h = buildHistory({a, b});
    EXPECT_FALSE(hasAlert(h.visits[0], AlertKind::SeverePain, "pain.nprs_worst_24h"));
    EXPECT_TRUE(hasAlert(h.visits[1], AlertKind::SeverePain, "pain.nprs_worst_24h"));
    EXPECT_EQ(&h.latestAlerts(), &h.visits[1].alerts);
}

TEST(HistoryAlerts, PainNowOfSevenAlsoCounts)
{
    auto a = visitOn(1, {2026, 9, 1});
    a.assessment.pain.nprsNow = 7;
    const History h = buildHistory({a});
    EXPECT_TRUE(hasAlert(h.visits[0], AlertKind::SeverePain, "pain.nprs_now"));
}

TEST(HistoryAlerts, PainUpTwoPointsIsAnAlertAndOneIsNot)
{
    auto a = visitOn(1, {2026, 9, 1});
    auto b = visitOn(2, {2026, 10, 1});
    auto c = visitOn(3, {2026, 11, 1});
    a.assessment.pain.nprsNow = 3;
    b.assessment.pain.nprsNow = 4;
    c.assessment.pain.nprsNow = 6;
    const History h = buildHistory({a, b, c});
    EXPECT_FALSE(hasAlert(h.visits[1], AlertKind::PainIncrease, "pain.nprs_now"));
    EXPECT_TRUE(hasAlert(h.visits[2], AlertKind::PainIncrease, "pain.nprs_now"));
    EXPECT_EQ(valueAt(h, 2, kNprsNow)->sincePrevious->verdict, Verdict::Worse);
}

TEST(HistoryAlerts, LefsDownByItsMcidIsAnAlert)
{
    auto a = visitOn(1, {2026, 9, 1});
    auto b = visitOn(2, {2026, 10, 1});
    auto c = visitOn(3, {2026, 11, 1});
    a.assessment.outcomes.lefs = lefsTotal(50);
    b.assessment.outcomes.lefs = lefsTotal(42); // down 8: within error
    c.assessment.outcomes.lefs = lefsTotal(41); // down 1 from previous but 9 from baseline
    const History h = buildHistory({a, b, c});
    EXPECT_FALSE(hasAlert(h.visits[1], AlertKind::FunctionDecline, "outcomes.lefs"));
    EXPECT_TRUE(hasAlert(h.visits[2], AlertKind::FunctionDecline, "outcomes.lefs"));
}

TEST(HistoryAlerts, PsfsDownTwoPointsIsAnAlert)
{
    auto a = visitOn(1, {2026, 9, 1});
    auto b = visitOn(2, {2026, 10, 1});
    a.assessment.outcomes.psfs = {{"stairs", 6}, {"walking", 6}};
    b.assessment.outcomes.psfs = {{"stairs", 4}, {"walking", 4}};
    const History h = buildHistory({a, b});
    EXPECT_TRUE(hasAlert(h.visits[1], AlertKind::FunctionDecline, "outcomes.psfs"));

    b.assessment.outcomes.psfs = {{"stairs", 5}, {"walking", 4}};
    EXPECT_FALSE(hasAlert(buildHistory({a, b}).visits[1], AlertKind::FunctionDecline, "outcomes.psfs"));
}

TEST(HistoryAlerts, NewRedFlagIsAnAlertButAKnownOneIsNot)
{
    auto a = visitOn(1, {2026, 9, 1});
    auto b = visitOn(2, {2026, 10, 1});
    a.assessment.redFlags = {RedFlag::HistoryOfCancer};
    b.assessment.redFlags = {RedFlag::HistoryOfCancer, RedFlag::NightPainConstant};
    const History h = buildHistory({a, b});
    EXPECT_TRUE(h.visits[0].alerts.empty());
    EXPECT_TRUE(hasAlert(h.visits[1], AlertKind::NewRedFlag, "night_pain_constant"));
    EXPECT_FALSE(hasAlert(h.visits[1], AlertKind::NewRedFlag, "history_of_cancer"));
}

TEST(HistoryAlerts, AlertMessagesNeverNameThePatient)
{
    auto a = visitOn(1, {2026, 9, 1});
    auto b = visitOn(2, {2026, 10, 1});
    a.assessment.patient.name = b.assessment.patient.name = "Quentin Invented";
    a.assessment.pain.nprsNow = 2;
    b.assessment.pain.nprsNow = 8;
    b.assessment.redFlags = {RedFlag::FeverOrUnwell};
    const History h = buildHistory({a, b});
    ASSERT_GE(h.visits[1].alerts.size(), 3U);
    for (const Alert& alert : h.visits[1].alerts)
        EXPECT_EQ(alert.message.find("Quentin"), std::string::npos) << alert.message;
}

TEST(History, EmptyHistoryHasNoAlerts)
{
    const History h = buildHistory({});
    EXPECT_TRUE(h.visits.empty());
    EXPECT_TRUE(h.latestAlerts().empty());
}

TEST(MeasureIdText, KeysFollowTheExchangeFormat)
{
    EXPECT_EQ(kLeftFlexion.key(), "rom.left.hip_flexion");
    EXPECT_EQ(kNprsWorst.key(), "pain.nprs_worst_24h");
    EXPECT_EQ(kLefs.key(), "outcomes.lefs");
    EXPECT_EQ(kLeftFlexion.label(), "hip flexion (left)");
}

} // namespace
} // namespace hiprx::core
