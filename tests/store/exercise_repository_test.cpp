// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/repositories.h"

#include "store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using namespace hiprx::store;
using hiprx::store::test_support::sampleExercise;
using hiprx::store::test_support::TempDir;
using ::testing::HasSubstr;

namespace {

class ExerciseRepositoryTest : public ::testing::Test {
protected:
    TempDir m_dir;
    Database m_db = Database::open(m_dir / "hiprx.sqlite");
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
    auto clinic = sampleExercise("clinic_wall_slide", "Wall slide");
    clinic.builtin = true; // the repository marks it as the clinic's own whatever it says
    m_exercises.saveClinicExercise(clinic, m_actor);

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
        m_exercises.saveClinicExercise(sampleExercise("glute_bridge", "Our bridge"), m_actor);
        FAIL() << "a built-in was overwritten";
    } catch (const InputError& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "exercise.id");
    }
    EXPECT_EQ(m_exercises.load().find("glute_bridge")->name, "Glute bridge");
    EXPECT_THROW(m_exercises.removeClinicExercise("glute_bridge", m_actor), InputError);
    EXPECT_EQ(m_exercises.load().size(), 1u);
}

TEST_F(ExerciseRepositoryTest, IncompleteClinicExerciseIsRefused)
{
    auto incomplete = sampleExercise("wall_sit");
    incomplete.steps = {"Only one step."};
    incomplete.targets.clear();
    try {
        m_exercises.saveClinicExercise(incomplete, m_actor);
        FAIL() << "an incomplete exercise was saved";
    } catch (const InputError& e) {
        std::vector<std::string> paths;
        for (const auto& p : e.problems())
            paths.push_back(p.path);
        EXPECT_THAT(paths, ::testing::UnorderedElementsAre("exercise.steps", "exercise.targets"));
    }
    EXPECT_EQ(m_exercises.load().size(), 0u);
}

TEST_F(ExerciseRepositoryTest, ClinicExercisesCanBeEditedAndRemoved)
{
    m_exercises.saveClinicExercise(sampleExercise("wall_sit", "Wall sit"), m_actor);
    m_exercises.saveClinicExercise(sampleExercise("wall_sit", "Wall sit, shallow"), m_actor);
    EXPECT_EQ(m_exercises.load().find("wall_sit")->name, "Wall sit, shallow");
    m_exercises.removeClinicExercise("wall_sit", m_actor);
    EXPECT_EQ(m_exercises.load().size(), 0u);
    EXPECT_THROW(m_exercises.removeClinicExercise("wall_sit", m_actor), StorageError);

    std::vector<std::string> actions;
    for (const auto& entry : AuditLog(m_db).recent())
        actions.push_back(entry.action);
    EXPECT_THAT(actions, ::testing::ElementsAre("exercise.remove", "exercise.update", "exercise.create"));
}

TEST_F(ExerciseRepositoryTest, DuplicateOrInvalidBuiltinsAreRefused)
{
    EXPECT_THROW(m_exercises.syncBuiltins({sampleExercise("a_stretch"), sampleExercise("a_stretch")}),
                 InputError);
    EXPECT_THROW(m_exercises.syncBuiltins({sampleExercise("Not An Id")}), InputError);
    EXPECT_EQ(m_exercises.load().size(), 0u);
}
