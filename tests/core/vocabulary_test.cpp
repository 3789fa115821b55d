// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/vocabulary.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace hiprx::core {
namespace {

template <typename E>
void expectIdsUniqueAndRoundTrip()
{
    std::set<std::string_view> ids;
    for (const auto& entry : vocabulary<E>()) {
        EXPECT_TRUE(ids.insert(entry.id).second) << "duplicate id " << entry.id;
        EXPECT_FALSE(entry.label.empty()) << entry.id;
        EXPECT_EQ(fromId<E>(entry.id), entry.value);
        EXPECT_EQ(toId(entry.value), entry.id);
    }
}

TEST(Vocabulary, EveryTableHasUniqueIdsThatRoundTrip)
{
    expectIdsUniqueAndRoundTrip<Side>();
    expectIdsUniqueAndRoundTrip<Movement>();
    expectIdsUniqueAndRoundTrip<MuscleGroup>();
    expectIdsUniqueAndRoundTrip<SpecialTest>();
    expectIdsUniqueAndRoundTrip<StrengthMuscle>();
    expectIdsUniqueAndRoundTrip<RedFlag>();
    expectIdsUniqueAndRoundTrip<Precaution>();
    expectIdsUniqueAndRoundTrip<Urgency>();
    expectIdsUniqueAndRoundTrip<ExerciseKind>();
    expectIdsUniqueAndRoundTrip<MovementDemand>();
}

TEST(Vocabulary, ListsEveryIdOfTheSharedVocabulary)
{
    // Counts from clinical/vocabulary.md plus HipRx's additions (sciatic_nerve; the flags
    // inflammatory_back_pain_features, calf_swelling_or_pain, wound_redness_or_discharge; the
    // precaution fall_risk); a listed id is never removed.
    EXPECT_EQ(vocabulary<Movement>().size(), 6u);
    EXPECT_EQ(vocabulary<MuscleGroup>().size(), 14u); // + balance (standing balance, not a muscle)
    EXPECT_EQ(vocabulary<SpecialTest>().size(), 14u);
    EXPECT_EQ(vocabulary<StrengthMuscle>().size(), 8u);
    EXPECT_EQ(vocabulary<RedFlag>().size(), 24u);
    EXPECT_EQ(vocabulary<Precaution>().size(), 10u);
    EXPECT_EQ(vocabulary<BodyRegion>().size(), 11u);
    EXPECT_EQ(fromId<RedFlag>("calf_swelling_or_pain"), RedFlag::CalfSwellingOrPain);
    EXPECT_EQ(fromId<Precaution>("fall_risk"), Precaution::FallRisk);
    EXPECT_EQ(fromId<BodyRegion>("lateral_hip"), BodyRegion::LateralHip);
    EXPECT_EQ(fromId<BodySide>("central"), BodySide::Central);
    EXPECT_EQ(fromId<RedFlag>("saddle_anaesthesia"), RedFlag::SaddleAnaesthesia);
    EXPECT_EQ(fromId<Precaution>("tha_posterior"), Precaution::ThaPosterior);
}

TEST(Vocabulary, UnknownIdIsNothing)
{
    EXPECT_FALSE(fromId<Movement>("hip_flex").has_value());
    EXPECT_FALSE(fromId<Movement>("HIP_FLEXION").has_value());
    EXPECT_FALSE(fromId<Movement>("").has_value());
}

TEST(Vocabulary, UrgencyEnumeratorsAreInOrderOfSeverity)
{
    EXPECT_LT(Urgency::None, Urgency::Routine);
    EXPECT_LT(Urgency::Routine, Urgency::Urgent);
    EXPECT_LT(Urgency::Urgent, Urgency::Emergency);
}

} // namespace
} // namespace hiprx::core
