// SPDX-License-Identifier: GPL-3.0-or-later
//
// The clinician's own words reach the visit note (issue 17): the impression under the assessment,
// the plan and the goals agreed with the patient under the plan.
#include "workflow/clinic.h"
#include "workflow/issue.h"
#include "workflow/visit_note.h"

#include "store/repositories.h"

#include "../store/store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace hiprx;
using hiprx::store::test_support::sampleAssessment;
using hiprx::store::test_support::samplePatient;
using hiprx::store::test_support::TempDir;
using ::testing::Contains;
using ::testing::Not;

namespace {

std::vector<std::string> section(const render::VisitNoteInput& input, const std::string& key)
{
    for (const auto& s : input.sections)
        if (s.key == key)
            return s.lines;
    return {};
}

TEST(VisitNoteWords, TheImpressionPlanAndGoalsAreInTheNoteAndLeftOutWhenEmpty)
{
    TempDir dir;
    store::Database db = store::Database::open(dir / "hiprx.sqlite");
    core::Patient patient = samplePatient();
    patient.id = store::PatientRepository(db).create(patient, {});
    core::Assessment a = sampleAssessment();
    a.patient = patient;
    a.visit.impression = "Anterior hip pain from tight hip flexors; no sign of joint disease.";
    a.visit.plan = "Stretching and gluteal strength; review in two weeks.";
    a.visit.goals = "Sit through a two-hour meeting without pain.";
    const auto visit = store::VisitRepository(db).create(patient.id, a, {});
    const auto input = workflow::visitNoteInput(db, workflow::Clinic{}, visit, core::Date{2025, 3, 20});
    EXPECT_THAT(section(input, "assessment"),
                Contains("Clinician's impression: Anterior hip pain from tight hip flexors; no sign of joint disease."));
    EXPECT_THAT(section(input, "plan"), Contains("Plan: Stretching and gluteal strength; review in two weeks."));
    EXPECT_THAT(section(input, "plan"),
                Contains("Goals agreed with the patient: Sit through a two-hour meeting without pain."));

    core::Assessment plain = sampleAssessment();
    plain.patient = patient;
    const auto other = store::VisitRepository(db).create(patient.id, plain, {});
    const auto without = workflow::visitNoteInput(db, workflow::Clinic{}, other, core::Date{2025, 3, 20});
    for (const auto& line : section(without, "plan"))
        EXPECT_EQ(line.rfind("Plan:", 0), std::string::npos) << line;
}

} // namespace

namespace {

// Issuing files the visit note as it stands (issue 17): the same bytes come back however the
// findings change later, and each issued version has its own note.
TEST(VisitNoteFiling, IssuingFilesTheNoteWhichStaysAsFiledWhenTheFindingsChange)
{
    TempDir dir;
    store::Database db = store::Database::open(dir / "hiprx.sqlite");
    core::Patient patient = samplePatient();
    patient.id = store::PatientRepository(db).create(patient, {});
    core::Assessment a = sampleAssessment();
    a.patient = patient;
    a.visit.impression = "First impression.";
    const auto visit = store::VisitRepository(db).create(patient.id, a, {});
    EXPECT_FALSE(workflow::filedVisitNote(db, visit));

    workflow::Materials materials = workflow::loadMaterials(db, "#1F6F8B");
    const core::Date today{2025, 3, 20};
    const auto result = workflow::issueProgram(db, workflow::Clinic{}, materials.library, materials.drawer(),
                                               {visit, std::nullopt, {}, {"Kofi Osei, PT"}, today});
    EXPECT_TRUE(result.noteProblem.empty()) << result.noteProblem;
    const auto filed = workflow::filedVisitNote(db, visit);
    ASSERT_TRUE(filed);
    EXPECT_EQ(filed->version, 1);
    ASSERT_GT(filed->pdf.size(), 4u);
    EXPECT_EQ(std::string(filed->pdf.begin(), filed->pdf.begin() + 4), "%PDF");

    a.visit.impression = "Second thoughts, written after the issue.";
    store::VisitRepository(db).update(visit, a, {});
    const auto again = workflow::filedVisitNote(db, visit);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->pdf, filed->pdf) << "the filed note is the record as it stood at issue";
    const auto now = workflow::renderVisitNote(workflow::visitNoteInput(db, workflow::Clinic{}, visit, today),
                                               render::PageSize::A4);
    EXPECT_NE(now, filed->pdf) << "a note from today's findings says the new impression";
}

} // namespace
