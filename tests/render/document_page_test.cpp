// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the visit note, the referral letter and the progress report share (render/document_page.h),
// read back as a physician reads them: the clinic's logo, its name whole however long, the
// footer, and counts that agree with their nouns.
#include "render/document_page.h"
#include "render/referral_letter.h"
#include "render/visit_note.h"

#include "pdf_tools.h"
#include "render_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hiprx::render {
namespace {

using render::pdfcheck::pageCount;
using render::pdfcheck::pdfText;
using render::pdfcheck::squeezed;
using render::pdfcheck::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

const char* const kLongClinic = "Riverside Physiotherapy, Sports Injury and Hand Therapy Clinic of the North Shore";

core::Branding longBranding()
{
    core::Branding b = fixtures::clinic();
    b.clinicName = kLongClinic;
    b.logoPath = (fixtures::templatesDir() / ".." / "tests" / "render" / "data" / "logo.png").string();
    return b;
}

core::Patient patient()
{
    core::Patient p;
    p.name = "Καλλιόπη Παπαδοπούλου-Αθανασοπούλου";
    p.birthDate = core::Date{1958, 4, 9};
    p.externalId = "MRN-20417";
    return p;
}

VisitNoteInput noteInput()
{
    VisitNoteInput in;
    in.patient = patient();
    in.ageYears = 68;
    in.date = "17 November 2026";
    in.branding = longBranding();
    in.sections = {{"subjective", {"Complaint: outer right hip ache on stairs"}},
                   {"objective", {"Strength:", "gluteus medius (right) 4"}},
                   {"assessment", {"Clinician's impression: gluteal tendon overload, settling."}},
                   {"plan", {"Plan: standing abductor loading; review in three weeks."}}};
    in.madeOn = in.date;
    return in;
}

ReferralLetterInput letterInput()
{
    ReferralLetterInput in;
    in.patient = patient();
    in.ageYears = 68;
    in.date = "17 November 2026";
    in.branding = longBranding();
    in.level = core::Urgency::Urgent;
    core::RedFlagWarning weight;
    weight.id = "unexplained_weight_loss";
    weight.level = core::Urgency::Urgent;
    weight.clinicianText = "Weight loss of 6 kg in two months without trying.";
    in.warnings = {weight};
    in.programExercises = 1;
    return in;
}

class DocumentPageTest : public ::testing::Test {
protected:
    std::filesystem::path write(const std::vector<std::uint8_t>& bytes)
    {
        const auto file = m_dir.path() / ("document" + std::to_string(m_count++) + ".pdf");
        writeFile(bytes, file);
        return file;
    }
    RenderResources resources() const { return defaultResources(fixtures::templatesDir()); }
    TempDir m_dir;
    int m_count = 0;
};

TEST_F(DocumentPageTest, TheNoteAndTheLetterShowTheLogoAndTheWholeClinicNameAndPatientName)
{
    const auto resources = this->resources();
    for (const PageSize size : {PageSize::A4, PageSize::Letter}) {
        const auto note = write(renderVisitNote(noteInput(), size, resources));
        const auto letter = write(renderReferralLetter(letterInput(), size, resources));
        for (const auto& file : {note, letter}) {
            const std::string text = pdfText(file);
            for (const char* part : {"Riverside Physiotherapy", "Sports Injury", "Hand Therapy Clinic", "North Shore"})
                EXPECT_THAT(squeezed(text), HasSubstr(part)) << "the clinic's name is never cut: " << file;
            EXPECT_THAT(text, HasSubstr("Καλλιόπη Παπαδοπούλου-Αθανασοπούλου"));
            EXPECT_THAT(text, HasSubstr("MRN-20417"));
            EXPECT_THAT(text, Not(HasSubstr("…"))) << text;
            EXPECT_THAT(pdfcheck::run("pdfimages -list '" + file.string() + "'"), HasSubstr("image"))
                << "the clinic's logo is drawn: " << file;
        }
    }
}

TEST_F(DocumentPageTest, AMissingLogoIsLeftOutWithAWarningNamingTheDocument)
{
    auto resources = this->resources();
    std::vector<std::string> warnings;
    resources.warn = [&](const std::string& w) { warnings.push_back(w); };
    auto in = noteInput();
    in.branding.logoPath = (m_dir.path() / "no-such-logo.png").string();
    const auto file = write(renderVisitNote(in, PageSize::A4, resources));
    EXPECT_THAT(pdfText(file), HasSubstr("Visit note"));
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_THAT(warnings[0], HasSubstr("left out of the visit note"));
    EXPECT_THAT(warnings[0], HasSubstr("no-such-logo.png"));
}

TEST_F(DocumentPageTest, ALetterForOneExerciseSaysExerciseNotExercises)
{
    const std::string text = squeezed(pdfText(write(renderReferralLetter(letterInput(), PageSize::A4, resources()))));
    EXPECT_THAT(text, HasSubstr("A gentle home program of 1 exercise was given"));
    EXPECT_THAT(text, Not(HasSubstr("1 exercises")));
}

TEST(DocumentPage, TheRecordNumberIsTheClinicsOwnIdElseHipRxsNumber)
{
    core::Patient p;
    EXPECT_EQ(recordNumber(p), "");
    p.id = 42;
    EXPECT_EQ(recordNumber(p), "42");
    p.externalId = "MRN-7";
    EXPECT_EQ(recordNumber(p), "MRN-7");
}

TEST_F(DocumentPageTest, TheSignatureNeverStandsAloneOnTheLastPageOfTheVisitNote)
{
    // However long the plan, the note's last page carries the end of it with the signature: a page
    // with nothing but a signature line reads as a page of another document.
    const auto resources = this->resources();
    int overflowing = 0;
    for (const PageSize size : {PageSize::Letter, PageSize::A4}) {
        for (int lines = 28; lines <= 50; ++lines) {
            VisitNoteInput in = noteInput();
            std::vector<std::string> plan;
            for (int i = 1; i <= lines; ++i)
                plan.push_back("Step " + std::to_string(i) + " of the plan agreed with the patient.");
            in.sections.back().lines = plan;
            const auto file = write(renderVisitNote(in, size, resources));
            const int pages = pageCount(file);
            if (pages < 2)
                continue;
            ++overflowing;
            const std::string last = pdfText(file, pages);
            EXPECT_THAT(last, HasSubstr("of the plan agreed")) << lines << " plan lines, page size " << int(size);
            EXPECT_THAT(last, HasSubstr("Maren Solberg")) << "the signature is on the last page";
        }
    }
    EXPECT_GT(overflowing, 10) << "the test must reach notes longer than a page";
}

} // namespace
} // namespace hiprx::render
