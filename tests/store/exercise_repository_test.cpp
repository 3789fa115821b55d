// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/repositories.h"

#include "store_test_support.h"

#include "exchange/json_format.h"


#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::sampleExercise;
using hiprx::store::test_support::TempDir;
using ::testing::HasSubstr;

namespace {

/// A clinic exercise with no picture, not retired.
core::ClinicExercise clinic(core::Exercise exercise)
{
    return core::ClinicExercise{std::move(exercise), false, std::nullopt, std::nullopt};
}

class ExerciseRepositoryTest : public ::testing::Test {
protected:
    TempDir m_dir;
    test_support::TestLocation m_where{m_dir};
    Database m_db = m_where.open();
    ExerciseRepository m_exercises{m_db};
    Actor m_actor{"J. Park, PT"};

    std::vector<std::string> ids()
    {
        std::vector<std::string> out;
        const core::ExerciseLibrary library = m_exercises.load();
        for (const auto& e : library.all())
            out.push_back(e.id + (e.builtin ? "" : " (clinic)"));
        return out;
    }
};

} // namespace

TEST_F(ExerciseRepositoryTest, SyncStoresBuiltinsExactly)
{
    const auto stretch = sampleExercise("kneeling_hip_flexor_stretch");
    auto bridge = sampleExercise("glute_bridge", "Glute bridge");
    bridge.kind = core::ExerciseKind::Strengthen;
    bridge.targets = {core::MuscleGroup::GluteusMaximus};
    bridge.harder = {"single_leg_bridge"};
    m_exercises.syncBuiltins({stretch, bridge});

    const core::ExerciseLibrary library = m_exercises.load();
    ASSERT_EQ(library.size(), 2u);
    ASSERT_NE(library.find("glute_bridge"), nullptr);
    EXPECT_EQ(*library.find("glute_bridge"), bridge);
    EXPECT_EQ(*library.find("kneeling_hip_flexor_stretch"), stretch);
}

TEST_F(ExerciseRepositoryTest, SyncUpdatesAndRemovesBuiltinsButKeepsClinicExercises)
{
    m_exercises.syncBuiltins({sampleExercise("a_stretch"), sampleExercise("b_stretch")});
    auto wallSlide = sampleExercise("clinic_wall_slide", "Wall slide");
    wallSlide.builtin = true; // the repository marks it as the clinic's own whatever it says
    m_exercises.saveClinicExercise(clinic(wallSlide), m_actor);

    auto renamed = sampleExercise("b_stretch", "B stretch, new wording");
    m_exercises.syncBuiltins({renamed, sampleExercise("c_stretch")});
    EXPECT_THAT(ids(), ::testing::ElementsAre("b_stretch", "c_stretch", "clinic_wall_slide (clinic)"));
    EXPECT_EQ(m_exercises.load().find("b_stretch")->name, "B stretch, new wording");

    // A new built-in that reuses a clinic id never overwrites the clinic's exercise.
    m_exercises.syncBuiltins(
        {sampleExercise("c_stretch"), sampleExercise("clinic_wall_slide", "Shipped version")});
    const core::ExerciseLibrary library = m_exercises.load();
    const auto* kept = library.find("clinic_wall_slide");
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->name, "Wall slide");
    EXPECT_FALSE(kept->builtin);
    const auto audit = AuditLog(m_db).recent(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "exercise.sync");
    EXPECT_THAT(audit[0].detail, HasSubstr("clinic_wall_slide"));
}

TEST_F(ExerciseRepositoryTest, UnchangedSyncWritesNothing)
{
    m_exercises.syncBuiltins({sampleExercise("a_stretch")});
    const auto before = AuditLog(m_db).recent().size();
    m_exercises.syncBuiltins({sampleExercise("a_stretch")});
    EXPECT_EQ(AuditLog(m_db).recent().size(), before);
}

TEST_F(ExerciseRepositoryTest, ClinicExerciseWithABuiltinIdIsRefused)
{
    m_exercises.syncBuiltins({sampleExercise("glute_bridge", "Glute bridge")});
    try {
        m_exercises.saveClinicExercise(clinic(sampleExercise("glute_bridge", "Our bridge")), m_actor);
        FAIL() << "a built-in was overwritten";
    } catch (const InputError& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "exercise.id");
    }
    EXPECT_EQ(m_exercises.load().find("glute_bridge")->name, "Glute bridge");
    EXPECT_THROW(m_exercises.setRetired("glute_bridge", true, m_actor), InputError);
    EXPECT_EQ(m_exercises.load().size(), 1u);
}

TEST_F(ExerciseRepositoryTest, IncompleteClinicExerciseIsRefused)
{
    auto incomplete = sampleExercise("wall_sit");
    incomplete.steps = {"Only one step."};
    incomplete.targets.clear();
    try {
        m_exercises.saveClinicExercise(clinic(incomplete), m_actor);
        FAIL() << "an incomplete exercise was saved";
    } catch (const InputError& e) {
        std::vector<std::string> paths;
        for (const auto& p : e.problems())
            paths.push_back(p.path);
        EXPECT_THAT(paths, ::testing::UnorderedElementsAre("exercise.steps", "exercise.targets"));
    }
    EXPECT_EQ(m_exercises.load().size(), 0u);
}

TEST_F(ExerciseRepositoryTest, ClinicExercisesAreEditedAndRetiredNeverDeleted)
{
    m_exercises.saveClinicExercise(clinic(sampleExercise("wall_sit", "Wall sit")), m_actor);
    m_exercises.saveClinicExercise(clinic(sampleExercise("wall_sit", "Wall sit, shallow")), Actor{"M. Ito, PT"});
    EXPECT_EQ(m_exercises.load().find("wall_sit")->name, "Wall sit, shallow");

    m_exercises.setRetired("wall_sit", true, m_actor);
    // Gone from what plans and the library offer …
    EXPECT_EQ(m_exercises.load().size(), 0u);
    // … still readable for what was given before.
    ASSERT_NE(m_exercises.loadWithRetired().find("wall_sit"), nullptr);
    const auto kept = m_exercises.findClinicExercise("wall_sit");
    ASSERT_TRUE(kept.has_value());
    EXPECT_TRUE(kept->retired);
    EXPECT_EQ(kept->exercise.name, "Wall sit, shallow");
    ASSERT_EQ(m_exercises.clinicExercises().size(), 1u);

    m_exercises.setRetired("wall_sit", false, m_actor);
    EXPECT_NE(m_exercises.load().find("wall_sit"), nullptr);
    EXPECT_THROW(m_exercises.setRetired("no_such_exercise", true, m_actor), InputError);

    const auto audit = AuditLog(m_db).recent();
    ASSERT_EQ(audit.size(), 4u);
    EXPECT_EQ(audit[3].action, "exercise.create");
    EXPECT_EQ(audit[3].clinician, "J. Park, PT");
    EXPECT_EQ(audit[3].detail, "wall_sit (Wall sit)");
    EXPECT_EQ(audit[2].action, "exercise.update");
    EXPECT_EQ(audit[2].clinician, "M. Ito, PT");
    EXPECT_EQ(audit[2].detail, "wall_sit (Wall sit, shallow): changed name");
    EXPECT_EQ(audit[1].action, "exercise.retire");
    EXPECT_EQ(audit[0].action, "exercise.restore");
}

TEST_F(ExerciseRepositoryTest, APictureIsKeptByteForByteAndBecomesTheFigure)
{
    core::ClinicExercise towel = clinic(sampleExercise("towel_slide", "Towel slide"));
    core::ExercisePicture picture;
    picture.type = core::PictureType::Jpeg;
    picture.width = 640;
    picture.height = 480;
    picture.bytes = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0xFF, 0xD9};
    towel.picture = picture;
    m_exercises.saveClinicExercise(towel, m_actor);

    const auto stored = m_exercises.findClinicExercise("towel_slide");
    ASSERT_TRUE(stored.has_value());
    ASSERT_TRUE(stored->picture.has_value());
    EXPECT_EQ(*stored->picture, picture);
    // The card shows the picture: the exercise's figure is its own id, whatever it said.
    EXPECT_EQ(stored->exercise.figureId, "towel_slide");
    EXPECT_EQ(m_exercises.load().find("towel_slide")->figureId, "towel_slide");
    const auto pictures = m_exercises.pictures();
    ASSERT_EQ(pictures.size(), 1u);
    EXPECT_EQ(pictures.at("towel_slide"), picture);
    EXPECT_THAT(AuditLog(m_db).recent(1)[0].detail, HasSubstr("with a picture"));

    // A picture whose bytes are not what its type says is refused, naming the field.
    towel.picture->type = core::PictureType::Png;
    try {
        m_exercises.saveClinicExercise(towel, m_actor);
        FAIL() << "a JPEG stored as PNG";
    } catch (const InputError& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "exercise.picture.data");
    }
}

TEST_F(ExerciseRepositoryTest, AnOwnFigureIsKeptAndBecomesTheFigure)
{
    core::ClinicExercise reach = clinic(sampleExercise("overhead_reach", "Overhead reach"));
    core::FigureSpec figure;
    figure.start = core::basePose("standing")->pose;
    figure.end = figure.start;
    figure.end[core::Joint::RightShoulder] = 150;
    figure.arrow = core::BodyPoint::RightHand;
    reach.figure = figure;
    m_exercises.saveClinicExercise(reach, m_actor);
    EXPECT_THAT(AuditLog(m_db).recent(1)[0].detail, HasSubstr("with a figure of its own"));

    const auto stored = m_exercises.findClinicExercise("overhead_reach");
    ASSERT_TRUE(stored.has_value());
    ASSERT_TRUE(stored->figure.has_value());
    figure.id = "overhead_reach"; // drawn under the exercise's id
    EXPECT_EQ(*stored->figure, figure);
    EXPECT_EQ(stored->exercise.figureId, "overhead_reach");
    EXPECT_EQ(m_exercises.load().find("overhead_reach")->figureId, "overhead_reach");
    const auto figures = m_exercises.ownFigures();
    ASSERT_EQ(figures.size(), 1u);
    EXPECT_EQ(figures.at("overhead_reach"), figure);

    // A changed angle is saved and named in the audit; one out of range is refused by path.
    reach.figure->start[core::Joint::RightShoulder] = 20;
    m_exercises.saveClinicExercise(reach, Actor{"M. Ito, PT"});
    EXPECT_EQ(m_exercises.findClinicExercise("overhead_reach")->figure->start[core::Joint::RightShoulder], 20);
    EXPECT_THAT(AuditLog(m_db).recent(1)[0].detail, HasSubstr("changed own figure"));
    reach.figure->end[core::Joint::RightElbow] = 200;
    try {
        m_exercises.saveClinicExercise(reach, m_actor);
        FAIL() << "an elbow bent 200 degrees";
    } catch (const InputError& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "exercise.own_figure.end.pose.right_elbow");
    }
}

TEST_F(ExerciseRepositoryTest, ABatchIsSavedWholeOrNotAtAllWithEveryProblemsPath)
{
    m_exercises.syncBuiltins({sampleExercise("glute_bridge", "Glute bridge")});
    auto good = sampleExercise("wall_sit", "Wall sit");
    good.harder = {"wall_sit_deep"}; // names an exercise of the same batch
    auto deep = sampleExercise("wall_sit_deep", "Deep wall sit");
    auto builtinId = sampleExercise("glute_bridge", "Our bridge");
    auto badLink = sampleExercise("step_down", "Step down");
    badLink.easier = {"no_such_exercise"};
    badLink.videoUrl = "ftp://example.org/video";

    try {
        m_exercises.saveClinicExercises({clinic(good), clinic(deep), clinic(builtinId), clinic(badLink)}, m_actor);
        FAIL() << "a bad batch was saved";
    } catch (const InputError& e) {
        std::vector<std::string> paths;
        for (const auto& p : e.problems())
            paths.push_back(p.path);
        EXPECT_THAT(paths, ::testing::UnorderedElementsAre("exercises[2].id", "exercises[3].easier[0]",
                                                           "exercises[3].video_url"));
    }
    EXPECT_TRUE(m_exercises.clinicExercises().empty());

    EXPECT_EQ(m_exercises.saveClinicExercises({clinic(good), clinic(deep)}, m_actor), 2u);
    EXPECT_EQ(m_exercises.saveClinicExercises({clinic(good)}, m_actor), 0u); // replaced, not new
    EXPECT_EQ(m_exercises.clinicExercises().size(), 2u);
}

TEST_F(ExerciseRepositoryTest, RowsWrittenBeforePicturesAreStillRead)
{
    const auto old = sampleExercise("wall_sit", "Wall sit");
    {
        sql::Statement insert(*m_db.impl().connection, "INSERT INTO exercises (id, builtin, json, updated_at) "
                                      "VALUES ('wall_sit', 0, ?, '2026-01-01T00:00:00Z')");
        insert.bind(1, exchange::writeExercises({old}));
        insert.exec();
    }
    core::Exercise expected = old;
    expected.builtin = false;
    ASSERT_NE(m_exercises.load().find("wall_sit"), nullptr);
    EXPECT_EQ(*m_exercises.load().find("wall_sit"), expected);
    const auto clinic = m_exercises.findClinicExercise("wall_sit");
    ASSERT_TRUE(clinic.has_value());
    EXPECT_FALSE(clinic->retired);
    EXPECT_FALSE(clinic->picture.has_value());
}

TEST_F(ExerciseRepositoryTest, DuplicateOrInvalidBuiltinsAreRefused)
{
    EXPECT_THROW(m_exercises.syncBuiltins({sampleExercise("a_stretch"), sampleExercise("a_stretch")}),
                 InputError);
    EXPECT_THROW(m_exercises.syncBuiltins({sampleExercise("Not An Id")}), InputError);
    EXPECT_EQ(m_exercises.load().size(), 0u);
}

TEST_F(ExerciseRepositoryTest, AClinicExerciseIsScreenedLikeABuiltinAndARetiredOneIsNeverSuggested)
{
    const auto strengthen = [](const std::string& id, const std::string& name,
                               std::set<core::MovementDemand> demands) {
        auto e = sampleExercise(id, name);
        e.kind = core::ExerciseKind::Strengthen;
        e.targets = {core::MuscleGroup::GluteusMaximus};
        e.demands = std::move(demands);
        e.defaultDose = core::Dose{2, 10, 0, 60, 1, 3, "", ""};
        e.figureId.clear();
        return e;
    };
    m_exercises.saveClinicExercise(
        clinic(strengthen("clinic_deep_squat", "Deep squat", {core::MovementDemand::HipFlexionPast90})), m_actor);
    m_exercises.saveClinicExercise(clinic(strengthen("clinic_wall_bridge", "Wall bridge", {})), m_actor);

    core::Analysis analysis;
    core::Impairment weak;
    weak.muscle = core::MuscleGroup::GluteusMaximus;
    weak.kind = core::ImpairmentKind::Weak;
    weak.side = core::Side::Left;
    weak.rules = {"R-TEST"};
    weak.evidence = {"test"};
    analysis.impairments = {weak};
    analysis.precautions = {core::Precaution::ThaPosterior};

    const auto programIds = [](const core::Program& program) {
        std::vector<std::string> ids;
        for (const auto& item : program.items)
            ids.push_back(item.exerciseId);
        return ids;
    };
    const core::Program before = core::plan(analysis, m_exercises.load());
    EXPECT_THAT(programIds(before), ::testing::Contains("clinic_wall_bridge"));
    EXPECT_THAT(programIds(before), ::testing::Not(::testing::Contains("clinic_deep_squat")));
    ASSERT_EQ(before.excluded.size(), 1u);
    EXPECT_EQ(before.excluded[0].exerciseId, "clinic_deep_squat");
    EXPECT_EQ(before.excluded[0].cause, "tha_posterior");
    EXPECT_EQ(before.excluded[0].demand, core::MovementDemand::HipFlexionPast90);
    EXPECT_FALSE(before.excluded[0].reason.empty());

    m_exercises.setRetired("clinic_wall_bridge", true, m_actor);
    const core::Program after = core::plan(analysis, m_exercises.load());
    EXPECT_THAT(programIds(after), ::testing::Not(::testing::Contains("clinic_wall_bridge")));
}
