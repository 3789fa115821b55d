// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/irritability.h"

#include <gtest/gtest.h>

namespace hiprx::core {
namespace {

Pain worst(int score)
{
    Pain pain;
    pain.nprsWorst24h = score;
    return pain;
}

TEST(Irritability, ClinicianJudgementWinsOverScores)
{
    Pain pain = worst(9);
    pain.irritability = Irritability::Low;
    const auto judgement = judgeIrritability(pain, {RedFlag::NightPainConstant});
    EXPECT_EQ(judgement.level, Irritability::Low);
    ASSERT_EQ(judgement.basis.size(), 1u);
    EXPECT_NE(judgement.basis[0].find("recorded by the clinician: low"), std::string::npos);
}

TEST(Irritability, WorstPainBands)
{
    const std::pair<int, Irritability> cases[] = {
        {10, Irritability::High},    {7, Irritability::High},    {6, Irritability::Moderate},
        {4, Irritability::Moderate}, {3, Irritability::Low},     {0, Irritability::Low},
    };
    for (const auto& [score, level] : cases)
        EXPECT_EQ(judgeIrritability(worst(score), {}).level, level) << score;
    EXPECT_EQ(judgeIrritability(worst(8), {}).basis.front(), "nprs_worst_24h 8 ≥ 7: high (R-IRRIT-NPRS)");
}

TEST(Irritability, CurrentPainCountsWhenHigherOrTheOnlyScore)
{
    Pain pain;
    pain.nprsNow = 7;
    EXPECT_EQ(judgeIrritability(pain, {}).level, Irritability::High);
    pain.nprsWorst24h = 5; // inconsistent, but the higher score is the safer reading
    EXPECT_EQ(judgeIrritability(pain, {}).level, Irritability::High);
}

TEST(Irritability, NothingRecordedIsLowAndSaysSo)
{
    const auto judgement = judgeIrritability(Pain{}, {});
    EXPECT_EQ(judgement.level, Irritability::Low);
    EXPECT_NE(judgement.basis.front().find("no pain score"), std::string::npos);
}

TEST(Irritability, NightPainRaisesLowToModerateButNeverToHigh)
{
    const auto raised = judgeIrritability(worst(2), {RedFlag::NightPainConstant});
    EXPECT_EQ(raised.level, Irritability::Moderate);
    ASSERT_EQ(raised.basis.size(), 2u);
    EXPECT_NE(raised.basis[1].find("night_pain_constant"), std::string::npos);
    EXPECT_EQ(judgeIrritability(worst(5), {RedFlag::NightPainConstant}).level, Irritability::Moderate);
    EXPECT_EQ(judgeIrritability(worst(8), {RedFlag::NightPainConstant}).level, Irritability::High);
    EXPECT_EQ(judgeIrritability(Pain{}, {RedFlag::NightPainConstant}).level, Irritability::Moderate);
}

TEST(Irritability, RulesHaveEveryColumn)
{
    EXPECT_EQ(irritabilityRules().size(), 4u);
    for (const auto& row : irritabilityRules()) {
        EXPECT_FALSE(row.condition.empty()) << row.id;
        EXPECT_FALSE(row.rationale.empty()) << row.id;
        EXPECT_FALSE(row.source.empty()) << row.id;
    }
}

} // namespace
} // namespace hiprx::core
