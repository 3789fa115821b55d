// SPDX-License-Identifier: GPL-3.0-or-later
//
// The clinician's own words reach the visit note (issue 17): the impression under the assessment,
// the plan and the goals agreed with the patient under the plan.
#include "workflow/clinic.h"
#include "workflow/documents.h"
#include "workflow/issue.h"
#include "workflow/visit_note.h"

#include "store/repositories.h"

#include "../store/store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <regex>

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

/// A database with one patient; visit() stores a visit of the sample findings for them.
class VisitNoteTest : public ::testing::Test {
protected:
    void SetUp() override { patient.id = store::PatientRepository(db).create(patient, {}); }

    /// The sample findings for the patient, to change before visit().
    core::Assessment findings() const
    {
        core::Assessment a = sampleAssessment();
        a.patient = patient;
        return a;
    }
    std::int64_t visit(const core::Assessment& a) { return store::VisitRepository(db).create(patient.id, a, {}); }

    TempDir dir;
    store::Database db = store::Database::open(dir / "hiprx.sqlite");
    core::Patient patient = samplePatient();
};

TEST_F(VisitNoteTest, TheImpressionPlanAndGoalsAreInTheNoteAndLeftOutWhenEmpty)
{
    core::Assessment a = findings();
    a.visit.impression = "Anterior hip pain from tight hip flexors; no sign of joint disease.";
    a.visit.plan = "Stretching and gluteal strength; review in two weeks.";
    a.visit.goals = "Sit through a two-hour meeting without pain.";
    const auto input = workflow::visitNoteInput(db, workflow::Clinic{}, visit(a), core::Date{2025, 3, 20});
    EXPECT_THAT(section(input, "assessment"),
                Contains("Clinician's impression: Anterior hip pain from tight hip flexors; no sign of joint disease."));
    EXPECT_THAT(section(input, "plan"), Contains("Plan: Stretching and gluteal strength; review in two weeks."));
    EXPECT_THAT(section(input, "plan"),
                Contains("Goals agreed with the patient: Sit through a two-hour meeting without pain."));

    const auto without = workflow::visitNoteInput(db, workflow::Clinic{}, visit(findings()), core::Date{2025, 3, 20});
    for (const auto& line : section(without, "plan"))
        EXPECT_EQ(line.rfind("Plan:", 0), std::string::npos) << line;
}

// Issuing files the visit note as it stands (issue 17): the same bytes come back however the
// findings change later, and each issued version has its own note.
TEST_F(VisitNoteTest, IssuingFilesTheNoteWhichStaysAsFiledWhenTheFindingsChange)
{
    core::Assessment a = findings();
    a.visit.impression = "First impression.";
    const auto visitId = visit(a);
    EXPECT_FALSE(workflow::filedVisitNote(db, visitId));

    workflow::Materials materials = workflow::loadMaterials(db, "#1F6F8B");
    const core::Date today{2025, 3, 20};
    const auto result = workflow::issueProgram(db, workflow::Clinic{}, materials.library, materials.drawer(),
                                               {visitId, std::nullopt, {}, {"Kofi Osei, PT"}, today});
    EXPECT_TRUE(result.noteProblem.empty()) << result.noteProblem;
    const auto filed = workflow::filedVisitNote(db, visitId);
    ASSERT_TRUE(filed);
    EXPECT_EQ(filed->version, 1);
    ASSERT_GT(filed->pdf.size(), 4u);
    EXPECT_EQ(std::string(filed->pdf.begin(), filed->pdf.begin() + 4), "%PDF");

    a.visit.impression = "Second thoughts, written after the issue.";
    store::VisitRepository(db).update(visitId, a, {});
    const auto again = workflow::filedVisitNote(db, visitId);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->pdf, filed->pdf) << "the filed note is the record as it stood at issue";
    const auto now = workflow::renderVisitNote(workflow::visitNoteInput(db, workflow::Clinic{}, visitId, today),
                                               render::PageSize::A4);
    EXPECT_NE(now, filed->pdf) << "a note from today's findings says the new impression";
}


/// The process's time zone set to `zone` (POSIX form, no tz database needed) until the end of scope.
class TimeZone {
public:
    explicit TimeZone(const char* zone)
    {
        if (const char* was = std::getenv("TZ"))
            m_was = was;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~TimeZone()
    {
        if (m_was)
            ::setenv("TZ", m_was->c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
    TimeZone(const TimeZone&) = delete;
    TimeZone& operator=(const TimeZone&) = delete;

private:
    std::optional<std::string> m_was;
};

TEST(LocalDate, AStoredUtcTimeIsTheDayItWasWhereTheClinicIs)
{
    {
        const TimeZone newYork("EST5"); // five hours behind UTC
        EXPECT_EQ(workflow::localDate("2026-12-06T02:30:00.000Z"), (core::Date{2026, 12, 5}));
        EXPECT_EQ(workflow::localDate("2026-12-06T12:00:00Z"), (core::Date{2026, 12, 6}));
    }
    {
        const TimeZone tokyo("JST-9"); // nine hours ahead
        EXPECT_EQ(workflow::localDate("2026-12-31T20:00:00Z"), (core::Date{2027, 1, 1}));
    }
    EXPECT_FALSE(workflow::localDate("yesterday"));
    EXPECT_FALSE(workflow::localDate("2026-02-30T10:00:00Z"));
}

// The plan says when the program was issued as every other date of the note is written: in the
// clinic's format, the local day (it said "issued 2026-12-06", the UTC day in ISO form).
TEST_F(VisitNoteTest, ThePlanSaysWhenTheProgramWasIssuedInTheClinicsDateFormat)
{
    const auto visitId = visit(findings());
    workflow::Materials materials = workflow::loadMaterials(db, "#1F6F8B");
    workflow::Clinic clinic;
    clinic.dateFormat = core::DateFormat::Long;
    workflow::issueProgram(db, clinic, materials.library, materials.drawer(),
                           {visitId, std::nullopt, {}, {"Kofi Osei, PT"}, core::Date{2025, 3, 20}});
    const auto issuedLine = [&](const workflow::Clinic& c) {
        for (const auto& line : section(workflow::visitNoteInput(db, c, visitId, core::Date{2025, 3, 20}), "plan"))
            if (line.starts_with("Home program version 1, issued "))
                return line;
        return std::string("(no issued line)");
    };
    const std::string inWords = issuedLine(clinic);
    EXPECT_TRUE(std::regex_match(inWords, std::regex("Home program version 1, issued [0-9]{1,2} [A-Z][a-z]+ [0-9]{4} "
                                                     "by Kofi Osei, PT:")))
        << inWords;
    clinic.dateFormat = core::DateFormat::DayMonthYear;
    const std::string numeric = issuedLine(clinic);
    EXPECT_TRUE(std::regex_match(numeric, std::regex("Home program version 1, issued [0-9]{2}/[0-9]{2}/[0-9]{4} "
                                                     "by Kofi Osei, PT:")))
        << numeric;
}

} // namespace
