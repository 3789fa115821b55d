// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checks the built-in exercise library as shipped (db/exercises.json). The reader already rejects
// malformed records; these tests hold the clinical content to its promises: every exercise the
// seed articles and the findings table (facts.md §8, §10) name is present, every field a patient
// reads is filled in, links between exercises resolve, each impairment a plan can find has more
// than one exercise to choose from, and risky positions carry the demands that precautions screen.
#include "core/exercise.h"
#include "core/program.h"
#include "core/vocabulary.h"
#include "exchange/json_format.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace hiprx {
namespace {

using core::Exercise;
using core::ExerciseKind;
using core::MovementDemand;
using core::MuscleGroup;
using core::Precaution;

// Read once: the file is large and every test looks at the same library.
const core::ExerciseLibrary& library()
{
    static const core::ExerciseLibrary lib = [] {
        std::ifstream in(HIPRX_SOURCE_DIR "/db/exercises.json", std::ios::binary);
        if (!in)
            throw std::runtime_error("cannot open db/exercises.json");
        std::ostringstream text;
        text << in.rdbuf();
        return core::ExerciseLibrary(exchange::readExercises(text.str(), true));
    }();
    return lib;
}

const Exercise& get(const std::string& id)
{
    const Exercise* e = library().find(id);
    if (!e)
        throw std::runtime_error("exercise '" + id + "' is missing");
    return *e;
}

bool targets(const Exercise& e, MuscleGroup m)
{
    return std::find(e.targets.begin(), e.targets.end(), m) != e.targets.end();
}

bool citesSource(const Exercise& e, const std::string& source)
{
    return std::find(e.sources.begin(), e.sources.end(), source) != e.sources.end();
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Every text a patient reads for one exercise, lower-cased.
std::string patientText(const Exercise& e)
{
    std::string all = e.name + " " + e.startPosition + " " + e.keyCue + " " + e.stopIf + " " + e.defaultDose.notes;
    for (const auto& step : e.steps)
        all += " " + step;
    return lower(all);
}

TEST(ExerciseLibraryContent, ReadsCleanlyWithAtLeastSixtyExercises)
{
    ASSERT_NO_THROW(library());
    EXPECT_GE(library().size(), 60u);
    for (const auto& e : library().all())
        EXPECT_TRUE(e.builtin) << e.id;
}

TEST(ExerciseLibraryContent, EveryFieldAPatientOrPlanNeedsIsFilled)
{
    for (const auto& e : library().all()) {
        SCOPED_TRACE(e.id);
        EXPECT_FALSE(e.name.empty());
        EXPECT_FALSE(e.targets.empty());
        EXPECT_FALSE(e.startPosition.empty());
        EXPECT_GE(e.steps.size(), 3u);
        EXPECT_LE(e.steps.size(), 6u);
        for (const auto& step : e.steps) {
            ASSERT_FALSE(step.empty());
            EXPECT_TRUE(std::isupper(static_cast<unsigned char>(step.front()))) << step;
        }
        EXPECT_FALSE(e.keyCue.empty());
        EXPECT_FALSE(e.stopIf.empty());
        EXPECT_FALSE(e.equipment.empty());
        EXPECT_FALSE(e.sources.empty());
        EXPECT_EQ(e.figureId, e.id) << "figures are drawn per exercise and named after it";
        EXPECT_GE(e.defaultDose.sets, 1);
        EXPECT_GE(e.defaultDose.reps, 1);
    }
}

TEST(ExerciseLibraryContent, StopAdviceNamesTheWarningSigns)
{
    // Seeds 000/002/003 and facts §10.7: stop on sharp or radiating pain, numbness or tingling.
    for (const auto& e : library().all()) {
        const std::string stop = lower(e.stopIf);
        EXPECT_TRUE(stop.find("sharp") != std::string::npos || stop.find("shoot") != std::string::npos ||
                    stop.find("tingl") != std::string::npos)
            << e.id << ": " << e.stopIf;
    }
}

TEST(ExerciseLibraryContent, NothingTeachesSelfManipulation)
{
    for (const auto& e : library().all()) {
        const std::string text = patientText(e);
        EXPECT_EQ(text.find(" pop"), std::string::npos) << e.id;
        EXPECT_EQ(text.find("crack"), std::string::npos) << e.id;
    }
}

struct SeedItem {
    const char* id;
    const char* seed; ///< one seed article that names it
};

// facts.md §10.3–10.5: every stretch, mobility drill, strengthening exercise and self-release
// technique the seed articles name.
constexpr SeedItem kSeedItems[] = {
    {"single_knee_to_chest", "seed:000"},
    {"double_knee_to_chest", "seed:002"},
    {"supine_figure_four_stretch", "seed:004"},
    {"seated_figure_four_stretch", "seed:003"},
    {"supine_piriformis_knee_to_shoulder", "seed:004"},
    {"supine_twist", "seed:000"},
    {"supine_hip_rotations", "seed:003"},
    {"cat_cow", "seed:003"},
    {"kneeling_hip_flexor_stretch", "seed:004"},
    {"lunge_hip_flexor_stretch", "seed:003"},
    {"couch_stretch", "seed:002"},
    {"pigeon_stretch", "seed:004"},
    {"butterfly_stretch", "seed:003"},
    {"cow_face_pose", "seed:004"},
    {"supine_groin_stretch", "seed:004"},
    {"happy_baby", "seed:004"},
    {"frog_stretch", "seed:004"},
    {"psoas_stretch_foam_roller", "seed:004"},
    {"supine_hamstring_strap_stretch", "seed:002"},
    {"standing_hamstring_stretch", "seed:002"},
    {"pelvic_tilt", "seed:002"},
    {"leg_swings", "seed:002"},
    {"quadruped_hip_circles", "seed:002"},
    {"standing_hip_circles", "seed:003"},
    {"glute_bridge", "seed:000"},
    {"front_plank", "seed:000"},
    {"side_plank", "seed:002"},
    {"bird_dog", "seed:000"},
    {"dead_bug", "seed:002"},
    {"clamshell", "seed:003"},
    {"clamshell_band", "seed:002"},
    {"band_lateral_walk", "seed:002"},
    {"standing_hip_abduction", "seed:003"},
    {"squat", "seed:003"},
    {"lunge", "seed:003"},
    {"romanian_deadlift", "seed:002"},
    {"stability_ball_hamstring_curl", "seed:002"},
    {"foam_roll_glutes", "seed:000"},
    {"piriformis_release", "seed:002"},
    {"foam_roll_hamstrings", "seed:000"},
    {"foam_roll_quads_hip_flexors", "seed:002"},
    {"foam_roll_tfl_itb", "seed:002"},
    {"foam_roll_lower_back", "seed:000"},
    {"ball_release_lower_back", "seed:002"},
    {"psoas_release_sacrum_roller", "seed:004"},
};

TEST(ExerciseLibraryContent, EverySeedExerciseIsPresentAndCitesItsSeed)
{
    for (const auto& item : kSeedItems) {
        const Exercise* e = library().find(item.id);
        ASSERT_NE(e, nullptr) << item.id << " (named in " << item.seed << ") is missing";
        EXPECT_TRUE(citesSource(*e, item.seed)) << item.id << " does not cite " << item.seed;
    }
}

TEST(ExerciseLibraryContent, StandardAdditionsFromTheFindingsTableArePresent)
{
    // facts.md §8: exercises suggested beside the seed ones for each finding.
    for (const char* id :
         {"half_kneeling_hip_flexor_stretch_pelvic_tilt", "prone_quad_stretch", "side_lying_quad_stretch",
          "side_lying_ober_stretch", "standing_crossover_hip_stretch", "side_lying_hip_abduction",
          "single_leg_bridge", "hip_thrust", "prone_hip_extension", "sit_to_stand", "step_down",
          "single_leg_stance", "side_plank_hip_abduction", "curl_up", "quadruped_rocking", "hip_90_90_switches",
          "internal_rotation_lift_off", "sciatic_nerve_slider", "side_lunge_adductor_stretch",
          "isometric_hip_abduction_wall", "thomas_hip_flexor_stretch"}) {
        const Exercise* e = library().find(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_TRUE(citesSource(*e, "facts:§8")) << id;
    }
}

TEST(ExerciseLibraryContent, EasierAndHarderNameOtherExercisesInTheLibrary)
{
    for (const auto& e : library().all()) {
        for (const auto* list : {&e.easier, &e.harder})
            for (const auto& id : *list) {
                EXPECT_NE(library().find(id), nullptr) << e.id << " links to unknown " << id;
                EXPECT_NE(id, e.id);
            }
    }
}

TEST(ExerciseLibraryContent, EachImpairmentAPlanCanFindHasSeveralExercises)
{
    struct Need {
        MuscleGroup muscle;
        ExerciseKind kind;
    };
    // Tight muscles are stretched (the capsule is mobilised); weak muscles are strengthened.
    const Need needs[] = {
        {MuscleGroup::HipFlexors, ExerciseKind::Stretch},      {MuscleGroup::RectusFemoris, ExerciseKind::Stretch},
        {MuscleGroup::TflItb, ExerciseKind::Stretch},          {MuscleGroup::Adductors, ExerciseKind::Stretch},
        {MuscleGroup::Hamstrings, ExerciseKind::Stretch},      {MuscleGroup::Piriformis, ExerciseKind::Stretch},
        {MuscleGroup::ErectorSpinae, ExerciseKind::Stretch},   {MuscleGroup::HipCapsule, ExerciseKind::Mobility},
        {MuscleGroup::ErectorSpinae, ExerciseKind::Mobility},  {MuscleGroup::GluteusMaximus, ExerciseKind::Strengthen},
        {MuscleGroup::GluteusMedius, ExerciseKind::Strengthen}, {MuscleGroup::Core, ExerciseKind::Strengthen},
        {MuscleGroup::Quadriceps, ExerciseKind::Strengthen},   {MuscleGroup::Hamstrings, ExerciseKind::Strengthen},
        {MuscleGroup::Adductors, ExerciseKind::Strengthen},    {MuscleGroup::HipFlexors, ExerciseKind::Strengthen},
    };
    for (const auto& need : needs) {
        const auto count = std::count_if(library().all().begin(), library().all().end(), [&](const Exercise& e) {
            return e.kind == need.kind && targets(e, need.muscle);
        });
        EXPECT_GE(count, 2) << core::toId(need.muscle) << " × " << core::toId(need.kind);
    }
}

TEST(ExerciseLibraryContent, TheSciaticNerveIsGlidedNeverStretched)
{
    // The planner serves a sensitive sciatic nerve with mobility exercises only; anything else aimed at
    // the nerve would be a stretch of an irritable nerve.
    const Exercise* slider = library().find("sciatic_nerve_slider");
    ASSERT_NE(slider, nullptr);
    EXPECT_TRUE(targets(*slider, MuscleGroup::SciaticNerve));
    EXPECT_FALSE(targets(*slider, MuscleGroup::Piriformis)); // a glide does not lengthen a muscle
    for (const auto& e : library().all())
        if (targets(e, MuscleGroup::SciaticNerve)) {
            EXPECT_EQ(e.kind, ExerciseKind::Mobility) << e.id;
            EXPECT_FALSE(e.demands.count(MovementDemand::DeepEndRangeStretch)) << e.id;
        }
}

TEST(ExerciseLibraryContent, BackRollingCarriesPressureOverTrunk)
{
    // Seeds 000/002: never roll on the spine; osteoporosis and lumbar surgery screen this demand.
    int backReleases = 0;
    for (const auto& e : library().all()) {
        if (e.kind != ExerciseKind::SelfRelease || !targets(e, MuscleGroup::ErectorSpinae))
            continue;
        ++backReleases;
        EXPECT_TRUE(e.demands.count(MovementDemand::PressureOverTrunk)) << e.id;
    }
    EXPECT_GE(backReleases, 2);
}

TEST(ExerciseLibraryContent, RollerAndBallWorkWarnsAgainstTheSpineAndBone)
{
    for (const auto& e : library().all()) {
        if (e.kind != ExerciseKind::SelfRelease)
            continue;
        const std::string text = patientText(e);
        EXPECT_NE(text.find("spine"), std::string::npos) << e.id;
        EXPECT_NE(text.find("bon"), std::string::npos) << e.id; // "bony point" / "flat bone"
    }
}

TEST(ExerciseLibraryContent, DefaultDosesFollowTheKind)
{
    // facts.md §7: stretches 2–4 holds of 20 to 60 s daily (seed 004's 5-minute groin stretch is
    // capped at 60 s holds); strengthening on 3 days a week; mobility daily; self-release at least 60 s
    // per area.
    for (const auto& e : library().all()) {
        SCOPED_TRACE(e.id);
        const core::Dose& d = e.defaultDose;
        switch (e.kind) {
        case ExerciseKind::Stretch:
            EXPECT_GE(d.holdS, 20);
            EXPECT_LE(d.holdS, 60);
            EXPECT_GE(d.reps, 2);
            EXPECT_LE(d.reps, 4);
            EXPECT_EQ(d.daysPerWeek, 7);
            break;
        case ExerciseKind::Strengthen:
            EXPECT_EQ(d.daysPerWeek, 3);
            EXPECT_LE(d.reps, 15);
            break;
        case ExerciseKind::Mobility:
            EXPECT_EQ(d.daysPerWeek, 7);
            EXPECT_GE(d.reps, 8);
            EXPECT_LE(d.reps, 15);
            break;
        case ExerciseKind::SelfRelease:
            EXPECT_GE(d.holdS, 60);
            EXPECT_GE(d.daysPerWeek, 3);
            break;
        }
    }
}

TEST(ExerciseLibraryContent, RiskyPositionsCarryTheirDemands)
{
    // facts.md §6.7: the joint positions of the seed stretches.
    using D = MovementDemand;
    const struct {
        const char* id;
        std::vector<D> demands;
    } cases[] = {
        {"pigeon_stretch",
         {D::HipFlexionPast90, D::HipExternalRotationEndRange, D::HipExtensionPastNeutral, D::DeepEndRangeStretch}},
        {"supine_figure_four_stretch", {D::HipFlexionPast90, D::HipExternalRotationEndRange, D::LongSupineLying}},
        {"supine_piriformis_knee_to_shoulder",
         {D::HipFlexionPast90, D::HipAdductionPastMidline, D::HipInternalRotation}},
        {"single_knee_to_chest", {D::HipFlexionPast90, D::LoadedSpinalFlexion, D::LongSupineLying}},
        {"double_knee_to_chest", {D::HipFlexionPast90, D::LoadedSpinalFlexion, D::LongSupineLying}},
        {"supine_twist",
         {D::HipAdductionPastMidline, D::HipInternalRotation, D::EndRangeSpinalRotation, D::LongSupineLying}},
        {"cow_face_pose", {D::HipFlexionPast90, D::HipAdductionPastMidline}},
        {"frog_stretch", {D::DeepEndRangeStretch, D::Kneeling}},
        {"kneeling_hip_flexor_stretch", {D::HipExtensionPastNeutral, D::Kneeling}},
        {"couch_stretch", {D::HipExtensionPastNeutral, D::Kneeling}},
        {"leg_swings", {D::DynamicEndRange}},
        {"glute_bridge", {D::LongSupineLying}},
        {"standing_hip_abduction", {D::ResistedHipAbduction}},
    };
    for (const auto& c : cases)
        for (D demand : c.demands)
            EXPECT_TRUE(get(c.id).demands.count(demand)) << c.id << " lacks " << core::toId(demand);
    // A bridge lifts only to a straight line, so it stays open to anterior hip replacements.
    EXPECT_FALSE(get("glute_bridge").demands.count(D::HipExtensionPastNeutral));
}

TEST(ExerciseLibraryContent, GentleAlternativesStayAllowedUnderTheirPrecaution)
{
    // The library must leave something to give: for each precaution, named alternatives that target
    // the muscle in the right way and ask nothing that precaution forbids.
    const struct {
        Precaution precaution;
        const char* id;
        MuscleGroup muscle;
        ExerciseKind kind;
    } cases[] = {
        {Precaution::ThaPosterior, "clamshell", MuscleGroup::GluteusMedius, ExerciseKind::Strengthen},
        {Precaution::ThaPosterior, "standing_hip_abduction", MuscleGroup::GluteusMedius, ExerciseKind::Strengthen},
        {Precaution::ThaPosterior, "glute_bridge", MuscleGroup::GluteusMaximus, ExerciseKind::Strengthen},
        {Precaution::ThaPosterior, "seated_hamstring_stretch", MuscleGroup::Hamstrings, ExerciseKind::Stretch},
        {Precaution::ThaAnterior, "glute_bridge", MuscleGroup::GluteusMaximus, ExerciseKind::Strengthen},
        // After a lateral approach no abductor work is allowed at all (single-leg stance loads them too).
        {Precaution::ThaLateral, "glute_bridge", MuscleGroup::GluteusMaximus, ExerciseKind::Strengthen},
        {Precaution::ThaLateral, "sit_to_stand", MuscleGroup::Quadriceps, ExerciseKind::Strengthen},
        {Precaution::FallRisk, "counter_tandem_stance", MuscleGroup::Balance, ExerciseKind::Strengthen},
        {Precaution::FallRisk, "seated_isometric_hip_abduction", MuscleGroup::GluteusMedius, ExerciseKind::Strengthen},
        {Precaution::HipFractureRecent, "sit_to_stand", MuscleGroup::Quadriceps, ExerciseKind::Strengthen},
        {Precaution::HipFractureRecent, "quad_sets", MuscleGroup::Quadriceps, ExerciseKind::Strengthen},
        {Precaution::HipFractureRecent, "glute_sets", MuscleGroup::GluteusMaximus, ExerciseKind::Strengthen},
        {Precaution::HipFractureRecent, "standing_hip_flexor_stretch", MuscleGroup::HipFlexors,
         ExerciseKind::Stretch},
        {Precaution::Osteoporosis, "standing_side_bend_stretch", MuscleGroup::ErectorSpinae, ExerciseKind::Stretch},
        {Precaution::Osteoporosis, "bird_dog", MuscleGroup::Core, ExerciseKind::Strengthen},
        {Precaution::Pregnancy, "side_lying_quad_stretch", MuscleGroup::RectusFemoris, ExerciseKind::Stretch},
        {Precaution::Pregnancy, "standing_hip_flexor_stretch", MuscleGroup::HipFlexors, ExerciseKind::Stretch},
        {Precaution::Pregnancy, "seated_adductor_stretch", MuscleGroup::Adductors, ExerciseKind::Stretch},
        {Precaution::Pregnancy, "hip_thrust", MuscleGroup::GluteusMaximus, ExerciseKind::Strengthen},
        {Precaution::Pregnancy, "incline_plank", MuscleGroup::Core, ExerciseKind::Strengthen},
        {Precaution::AcuteHighIrritability, "seated_isometric_hip_abduction", MuscleGroup::GluteusMedius,
         ExerciseKind::Strengthen},
        {Precaution::AcuteHighIrritability, "quad_sets", MuscleGroup::Quadriceps, ExerciseKind::Strengthen},
        {Precaution::AcuteHighIrritability, "adductor_squeeze", MuscleGroup::Adductors, ExerciseKind::Strengthen},
        {Precaution::Hypermobility, "heel_slides", MuscleGroup::HipCapsule, ExerciseKind::Mobility},
        {Precaution::RecentLumbarSurgery, "wall_pelvic_tilt", MuscleGroup::ErectorSpinae, ExerciseKind::Mobility},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(core::toId(c.precaution)) + " / " + c.id);
        const Exercise& e = get(c.id);
        EXPECT_EQ(e.kind, c.kind);
        EXPECT_TRUE(targets(e, c.muscle));
        for (MovementDemand forbidden : core::forbiddenDemands(c.precaution))
            EXPECT_FALSE(e.demands.count(forbidden)) << "asks " << core::toId(forbidden);
    }
}

} // namespace
} // namespace hiprx
