// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/referral_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace hiprx::core {
namespace {

using F = RedFlag;
using U = Urgency;

// The default urgencies, written out independently: clinical/vocabulary.md, corrected by the fact
// base this round (not bearing weight is same-day; night pain alone is routine, Finucane 2020).
const std::map<RedFlag, Urgency> kTier = {
    {F::SaddleAnaesthesia, U::Emergency},
    {F::BladderBowelDysfunction, U::Emergency},
    {F::BilateralNeuroSymptoms, U::Emergency},
    {F::ProgressiveNeuroDeficit, U::Emergency},
    {F::SexualDysfunctionNew, U::Emergency},
    {F::HistoryOfCancer, U::Urgent},
    {F::UnexplainedWeightLoss, U::Urgent},
    {F::FeverOrUnwell, U::Urgent},
    {F::IvDrugUseOrImmunosuppressed, U::Urgent},
    {F::SignificantTrauma, U::Urgent},
    {F::UnableToBearWeight, U::Emergency},
    {F::OsteoporosisOrSteroids, U::Routine},
    {F::NightPainConstant, U::Routine},
    {F::AgeOver50NewPain, U::Routine},
    {F::RadiatingLegPain, U::Routine},
    {F::LegNumbnessTingling, U::Routine},
    {F::LegWeakness, U::Urgent},
    {F::SeverePainNoRelief, U::Routine},
    {F::NoImprovement, U::Routine},
    {F::ChildHipPainLimp, U::Urgent},
    {F::SuspectedAaa, U::Urgent},
    {F::InflammatoryBackPainFeatures, U::Routine},
    {F::CalfSwellingOrPain, U::Emergency},
    {F::WoundRednessOrDischarge, U::Urgent},
};

Referral refer(std::set<RedFlag> flags, std::optional<int> age = 40, std::set<Precaution> precautions = {})
{
    return assessReferral(flags, age, precautions);
}

const RedFlagWarning* warning(const Referral& referral, std::string_view id)
{
    for (const auto& w : referral.warnings)
        if (w.id == id)
            return &w;
    return nullptr;
}

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(ReferralRules, EveryFlagHasItsTierAndBothTexts)
{
    ASSERT_EQ(kTier.size(), vocabulary<RedFlag>().size());
    for (const auto& entry : vocabulary<RedFlag>()) {
        const Urgency expected = kTier.at(entry.value);
        EXPECT_EQ(defaultUrgency(entry.value), expected) << entry.id;
        const auto referral = refer({entry.value});
        ASSERT_EQ(referral.warnings.size(), 1u) << entry.id;
        const RedFlagWarning& w = referral.warnings[0];
        EXPECT_EQ(w.id, entry.id);
        EXPECT_EQ(w.flags, std::vector<RedFlag>{entry.value});
        EXPECT_EQ(w.level, expected) << entry.id;
        EXPECT_EQ(referral.level, expected) << entry.id;
        EXPECT_FALSE(w.clinicianText.empty()) << entry.id;
        EXPECT_FALSE(w.patientText.empty()) << entry.id;
        EXPECT_NE(w.clinicianText, w.patientText) << entry.id;
        EXPECT_FALSE(w.rule.empty()) << entry.id;
        if (expected == U::Emergency) {
            EXPECT_TRUE(mentions(w.patientText, "emergency department")) << entry.id;
            EXPECT_TRUE(mentions(w.patientText, "today")) << entry.id;
        }
        if (expected == U::Urgent) {
            EXPECT_TRUE(mentions(w.patientText, "doctor")) << entry.id;
            EXPECT_TRUE(mentions(w.patientText, "before you start")) << entry.id;
        }
    }
}

TEST(ReferralRules, SaddleAnaesthesiaIsEmergency)
{
    EXPECT_EQ(refer({F::SaddleAnaesthesia}).level, U::Emergency);
}

TEST(ReferralRules, NoFlagsMeansNoReferral)
{
    const auto referral = refer({});
    EXPECT_EQ(referral.level, U::None);
    EXPECT_TRUE(referral.warnings.empty());
}

TEST(ReferralRules, OverallLevelIsTheHighestAndWarningsAreSortedHighestFirst)
{
    const auto referral = refer({F::NoImprovement, F::HistoryOfCancer, F::SaddleAnaesthesia});
    EXPECT_EQ(referral.level, U::Emergency);
    ASSERT_EQ(referral.warnings.size(), 3u);
    EXPECT_TRUE(std::is_sorted(referral.warnings.begin(), referral.warnings.end(),
                               [](const auto& a, const auto& b) { return a.level > b.level; }));
    EXPECT_EQ(referral.warnings.front().id, "saddle_anaesthesia");
    EXPECT_EQ(referral.warnings.back().id, "no_improvement");
}

TEST(ReferralRules, TraumaWithOsteoporosisIsUrgentPossibleFracture)
{
    const auto referral = refer({F::SignificantTrauma, F::OsteoporosisOrSteroids});
    const RedFlagWarning* w = warning(referral, "possible_fracture");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->level, U::Urgent);
    EXPECT_EQ(w->flags, (std::vector<RedFlag>{F::SignificantTrauma, F::OsteoporosisOrSteroids}));
    EXPECT_EQ(w->rule, "R-COMBO-FRACTURE");
    EXPECT_EQ(referral.level, U::Urgent);
    // Osteoporosis alone stays routine.
    EXPECT_EQ(refer({F::OsteoporosisOrSteroids}).level, U::Routine);
    EXPECT_EQ(warning(refer({F::OsteoporosisOrSteroids}), "possible_fracture"), nullptr);
}

TEST(ReferralRules, TraumaOverFiftyOrWithOsteoporosisPrecautionIsPossibleFracture)
{
    EXPECT_NE(warning(refer({F::SignificantTrauma}, 51), "possible_fracture"), nullptr);
    EXPECT_EQ(warning(refer({F::SignificantTrauma}, 50), "possible_fracture"), nullptr); // one boundary: over 50
    EXPECT_EQ(warning(refer({F::SignificantTrauma}, std::nullopt), "possible_fracture"), nullptr);
    EXPECT_NE(warning(refer({F::SignificantTrauma}, 30, {Precaution::Osteoporosis}), "possible_fracture"), nullptr);
}

TEST(ReferralRules, TraumaAndUnableToBearWeightIsEmergency)
{
    const auto referral = refer({F::SignificantTrauma, F::UnableToBearWeight});
    EXPECT_EQ(referral.level, U::Emergency);
    const RedFlagWarning* w = warning(referral, "fall_unable_to_bear_weight");
    ASSERT_NE(w, nullptr);
    EXPECT_TRUE(mentions(w->patientText, "emergency department"));
    EXPECT_EQ(referral.warnings.front().id, "fall_unable_to_bear_weight");
}

TEST(ReferralRules, CancerAfterFiftyIsAStrongerMalignancyWarning)
{
    const auto byAge = refer({F::HistoryOfCancer}, 51);
    const RedFlagWarning* w = warning(byAge, "malignancy_risk");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->level, U::Urgent);
    EXPECT_EQ(w->flags, std::vector<RedFlag>{F::HistoryOfCancer});
    EXPECT_TRUE(mentions(w->patientText, "few days"));
    // The combined warning reads before the plain cancer warning at the same level.
    EXPECT_EQ(byAge.warnings.front().id, "malignancy_risk");

    EXPECT_EQ(warning(refer({F::HistoryOfCancer}, 50), "malignancy_risk"), nullptr);
    const auto byFlag = refer({F::HistoryOfCancer, F::AgeOver50NewPain}, std::nullopt);
    ASSERT_NE(warning(byFlag, "malignancy_risk"), nullptr);
    EXPECT_EQ(warning(byFlag, "malignancy_risk")->flags,
              (std::vector<RedFlag>{F::HistoryOfCancer, F::AgeOver50NewPain}));
}

TEST(ReferralRules, CancerWithAnyNeuroFlagIsEmergencyCordCompression)
{
    for (RedFlag neuro : {F::LegWeakness, F::ProgressiveNeuroDeficit, F::BilateralNeuroSymptoms,
                          F::BladderBowelDysfunction}) {
        const auto referral = refer({F::HistoryOfCancer, neuro});
        const RedFlagWarning* w = warning(referral, "possible_cord_compression");
        ASSERT_NE(w, nullptr) << toId(neuro);
        EXPECT_EQ(w->level, U::Emergency);
        EXPECT_EQ(w->flags, (std::vector<RedFlag>{F::HistoryOfCancer, neuro}));
        EXPECT_EQ(referral.level, U::Emergency);
        EXPECT_TRUE(mentions(w->patientText, "emergency department"));
    }
    EXPECT_EQ(refer({F::LegWeakness}).level, U::Urgent);
}

TEST(ReferralRules, FeverWithImmunosuppressionIsUrgentInfection)
{
    const auto referral = refer({F::FeverOrUnwell, F::IvDrugUseOrImmunosuppressed});
    const RedFlagWarning* w = warning(referral, "infection_risk");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->level, U::Urgent);
    EXPECT_EQ(warning(refer({F::FeverOrUnwell}), "infection_risk"), nullptr);
}

TEST(ReferralRules, RadiatingPainWithLegWeaknessIsUrgent)
{
    const auto referral = refer({F::RadiatingLegPain, F::LegWeakness});
    const RedFlagWarning* w = warning(referral, "radiculopathy_with_weakness");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->level, U::Urgent);
    EXPECT_EQ(refer({F::RadiatingLegPain}).level, U::Routine);
}

TEST(ReferralRules, SuspectedAaaIsUrgentAloneAndEmergencyWhenSymptomatic)
{
    EXPECT_EQ(refer({F::SuspectedAaa}).level, U::Urgent);
    for (RedFlag symptom : {F::SeverePainNoRelief, F::UnableToBearWeight}) {
        const auto referral = refer({F::SuspectedAaa, symptom});
        EXPECT_EQ(referral.level, U::Emergency) << toId(symptom);
        ASSERT_NE(warning(referral, "aaa_symptomatic"), nullptr);
        EXPECT_EQ(warning(referral, "aaa_symptomatic")->flags, (std::vector<RedFlag>{F::SuspectedAaa, symptom}));
    }
    EXPECT_EQ(refer({F::SeverePainNoRelief}).level, U::Routine);
}

TEST(ReferralRules, ChildWithHipPainWhoCannotBearWeightOrHasFeverIsEmergency)
{
    EXPECT_EQ(refer({F::ChildHipPainLimp}, 11).level, U::Urgent);
    for (RedFlag with : {F::UnableToBearWeight, F::FeverOrUnwell}) {
        const auto referral = refer({F::ChildHipPainLimp, with}, 11);
        EXPECT_EQ(referral.level, U::Emergency) << toId(with);
        ASSERT_NE(warning(referral, "child_hip_emergency"), nullptr);
    }
}

TEST(ReferralRules, RuleTableHasARowForEveryRuleAWarningNames)
{
    std::set<std::string_view> ids;
    for (const auto& row : referralRules()) {
        EXPECT_TRUE(ids.insert(row.id).second) << "duplicate " << row.id;
        EXPECT_FALSE(row.condition.empty());
        EXPECT_FALSE(row.conclusion.empty());
        EXPECT_FALSE(row.rationale.empty());
        EXPECT_FALSE(row.source.empty());
    }
    std::set<RedFlag> all;
    for (const auto& entry : vocabulary<RedFlag>())
        all.insert(entry.value);
    const auto referral = refer(all, 70, {Precaution::Osteoporosis});
    EXPECT_GE(referral.warnings.size(), 21u + 8u);
    for (const auto& w : referral.warnings)
        EXPECT_TRUE(ids.count(w.rule)) << w.rule;
}

} // namespace
} // namespace hiprx::core
