// SPDX-License-Identifier: GPL-3.0-or-later
//
// The whole visit through the real windows: new patient → assessment → reasoning → program edit →
// preview → issue, and the stored result checked through the store.
#include "app/assessment_form.h"
#include "app/figure_view.h"
#include "app/main_frame.h"
#include "app/patient_dialog.h"
#include "app/pdf_preview.h"
#include "app/program_builder.h"
#include "app/reasoning_panel.h"
#include "app/library_browser.h"
#include "app/settings_dialog.h"
#include "app/staff_dialog.h"
#include "app/welcome_dialog.h"
#include "app/wx_text.h"
#include "app/visit_draft.h"
#include "exchange/json_format.h"
#include "workflow/clinic.h"

#include "gui_test_support.h"

#include "core/referral_rules.h"
#include "store/draft_repository.h"
#include "store/repositories.h"

#include <gtest/gtest.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/timer.h>
#include <wx/spinctrl.h>
#include <wx/uiaction.h>
#include <wx/window.h>

#include <algorithm>
#include <tuple>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

class VisitFlowTest : public testing::Test {
protected:
    void SetUp() override
    {
        m_frame = new MainFrame(store::Database::open(dbPath()));
        m_frame->setPrompts(m_prompts.prompts());
        m_frame->SetSize(1280, 800);
        m_frame->Show();
        pump();
    }
    void TearDown() override
    {
        m_prompts.fallback = false; // leaving an unsaved visit: keep it as a draft only
        m_frame->Destroy();
        pump();
    }

    std::filesystem::path dbPath() const { return m_dir.path() / "gui.sqlite"; }

    std::int64_t addPatient(const std::string& name)
    {
        core::Patient p;
        p.name = name;
        p.birthDate = core::Date{1979, 3, 2};
        const auto id = m_frame->createPatient(p);
        EXPECT_TRUE(id);
        return id.value_or(0);
    }

    /// An exercise of the library the program does not hold yet and no precaution forbids.
    std::string freeExercise(const core::Program& program, const std::set<core::Precaution>& precautions)
    {
        for (const auto& ex : m_frame->library().all()) {
            const bool inProgram = std::any_of(program.items.begin(), program.items.end(),
                                               [&](const auto& item) { return item.exerciseId == ex.id; });
            if (!inProgram && core::exclusionsFor(ex, precautions).empty())
                return ex.id;
        }
        return {};
    }

    TempFolder m_dir;
    ScriptedPrompts m_prompts;
    MainFrame* m_frame = nullptr;
};

TEST_F(VisitFlowTest, PatientDialogShowsEachProblemAtItsField)
{
    PatientDialog dialog(m_frame, core::Patient{});
    dialog.setField("patient.name", "");
    dialog.setField("patient.birth_date", "2091-01-01");
    dialog.setField("patient.email", "not-an-address");
    EXPECT_FALSE(dialog.check());
    EXPECT_TRUE(dialog.problemAt("patient.name").Contains("required"));
    EXPECT_TRUE(dialog.problemAt("patient.birth_date").Contains("future"));
    EXPECT_TRUE(dialog.problemAt("patient.email").Contains("not an email address"));
    EXPECT_TRUE(dialog.problemAt("patient.phone").empty());

    dialog.setField("patient.name", "Lena Fischer");
    dialog.setField("patient.birth_date", "1979-03-02");
    dialog.setField("patient.email", "lena@example.test");
    EXPECT_TRUE(dialog.check());
    EXPECT_TRUE(dialog.problemAt("patient.name").empty());
    EXPECT_EQ(dialog.patient().name, "Lena Fischer");
    EXPECT_EQ(dialog.patient().birthDate, (core::Date{1979, 3, 2}));
}

TEST_F(VisitFlowTest, TheBuilderShowsALeftSideExerciseAsTheMirrorImage)
{
    addPatient("Ines Duarte");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    ProgramBuilder* builder = visit->builder();
    ASSERT_TRUE(builder->addExercise("clamshell"));
    builder->selectItem(static_cast<int>(builder->program().items.size()) - 1);

    builder->setSelectedSide(core::ExerciseSide::Right);
    EXPECT_FALSE(builder->figurePanel()->mirrored());
    builder->setSelectedSide(core::ExerciseSide::Left);
    EXPECT_TRUE(builder->figurePanel()->mirrored()) << "the picture follows the side, as on the printed card";
    builder->setSelectedSide(core::ExerciseSide::Both);
    EXPECT_FALSE(builder->figurePanel()->mirrored());
}

TEST_F(VisitFlowTest, NewPatientThroughIssuedProgram)
{
    const auto patientId = addPatient("Lena Fischer");
    EXPECT_EQ(m_frame->openPatientId(), patientId);
    EXPECT_EQ(m_frame->visitRows(), 0);

    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    AssessmentForm* form = visit->form();
    pump();

    // Type the hip extension row with the keyboard: Enter moves from the left to the right box.
    wxUIActionSimulator sim;
    form->field("rom.left.hip_extension")->SetFocus();
    pump();
    sim.Text("0");
    sim.Char(WXK_RETURN);
    pump();
    EXPECT_EQ(wxWindow::FindFocus(), form->field("rom.right.hip_extension"));
    sim.Text("12");
    pump();
    EXPECT_EQ(form->value("rom.left.hip_extension"), "0");
    EXPECT_EQ(form->value("rom.right.hip_extension"), "12");
    form->setValue("tests.left.thomas_iliopsoas", "positive");
    form->setValue("pain.nprs_now", "3");
    form->setValue("visit.complaint", "Stiff hip after long days sitting");

    // The reasoning follows the findings at once, with evidence and rule.
    const std::string reasoning = fromWx(visit->reasoning()->reasoningText());
    EXPECT_NE(reasoning.find("hip flexors"), std::string::npos) << reasoning;
    EXPECT_NE(reasoning.find("why: "), std::string::npos) << "the rule's reasoning in words";
    EXPECT_EQ(reasoning.find("R-"), std::string::npos) << "no rule id on screen: " << reasoning;
    EXPECT_TRUE(visit->reasoning()->bannerText().empty());

    // An impossible value is marked at its field and nothing is saved.
    form->setValue("rom.left.hip_flexion", "400");
    EXPECT_TRUE(form->isMarked("rom.left.hip_flexion"));
    EXPECT_FALSE(visit->saveVisit());
    ASSERT_FALSE(m_prompts.errors.empty());
    EXPECT_NE(m_prompts.errors.back().find("rom.left.hip_flexion: 400 is outside 0\xE2\x80\x93"), std::string::npos)
        << m_prompts.errors.back();
    {
        auto db = store::Database::open(dbPath());
        EXPECT_TRUE(store::VisitRepository(db).listForPatient(patientId).empty());
    }
    form->setValue("rom.left.hip_flexion", "115");
    EXPECT_FALSE(form->isMarked("rom.left.hip_flexion"));

    // The draft reaches the database after a pause in typing, even though nothing was saved.
    pump(800);
    {
        auto db = store::Database::open(dbPath());
        const auto draft = store::DraftRepository(db).find(patientId, 0);
        ASSERT_TRUE(draft);
        const auto typed = decodeVisitDraft(draft->formText).formText;
        ASSERT_TRUE(typed);
        EXPECT_NE(typed->find("rom.left.hip_flexion\t115"), std::string::npos);
    }

    // Program: the suggestion is there; add one, dose it, note it, move it to the top.
    ProgramBuilder* builder = visit->builder();
    visit->notebook()->SetSelection(VisitPage::kProgramTab);
    pump();
    ASSERT_FALSE(builder->program().items.empty());
    const std::string added = freeExercise(builder->program(), visit->analysis().precautions);
    ASSERT_FALSE(added.empty());
    ASSERT_TRUE(builder->addExercise(added));
    const int last = static_cast<int>(builder->program().items.size()) - 1;
    builder->selectItem(last);
    // The dose fields offer only what core accepts (core::DoseLimits), not 0–99.
    for (const auto& [name, min, max] : {std::tuple{"dose.sets", 1, core::DoseLimits::kMaxSets},
                                         std::tuple{"dose.days_per_week", 1, 7},
                                         std::tuple{"dose.per_day", 1, core::DoseLimits::kMaxPerDay}}) {
        auto* spin = dynamic_cast<wxSpinCtrl*>(wxWindow::FindWindowByName(name, builder));
        ASSERT_NE(spin, nullptr) << name;
        EXPECT_EQ(spin->GetMin(), min) << name;
        EXPECT_EQ(spin->GetMax(), max) << name;
    }
    core::Dose dose = builder->program().items.back().dose;
    // A value outside them cannot be entered: it stops at the nearest allowed value.
    dose.sets = 0;
    builder->setSelectedDose(dose);
    EXPECT_EQ(builder->program().items.back().dose.sets, 1);
    dose.sets = 40;
    builder->setSelectedDose(dose);
    EXPECT_EQ(builder->program().items.back().dose.sets, core::DoseLimits::kMaxSets);
    EXPECT_TRUE(builder->problems().empty());
    dose.sets = 3;
    dose.reps = 12;
    builder->setSelectedDose(dose);
    builder->setSelectedNotes("Slow and steady");
    EXPECT_TRUE(builder->problems().empty());
    builder->moveItem(last, 0);
    ASSERT_EQ(builder->program().items.front().exerciseId, added);
    EXPECT_EQ(builder->program().items.front().dose.sets, 3);
    const auto expectedItems = builder->program().items;

    // Preview: the PDF that will be issued, rasterised.
    visit->notebook()->SetSelection(VisitPage::kPreviewTab);
    pump();
    EXPECT_GE(visit->preview()->pageCount(), 1);
    EXPECT_GT(visit->preview()->bitmapSize().GetWidth(), 300);

    // Issue: stored with the visit, immutable, with its PDF.
    m_prompts.answers = {true}; // issue: yes
    const auto issued = visit->issue();
    ASSERT_TRUE(issued) << (m_prompts.errors.empty() ? "" : m_prompts.errors.back());
    EXPECT_EQ(issued->version, 1);
    {
        auto db = store::Database::open(dbPath());
        store::VisitRepository visits(db);
        const auto programs = visits.programs(visit->visitId());
        ASSERT_EQ(programs.size(), 1u);
        EXPECT_EQ(programs[0].program.items, expectedItems);
        EXPECT_EQ(programs[0].program.items.front().notes, "Slow and steady");
        ASSERT_GT(programs[0].pdf.size(), 1000u);
        EXPECT_EQ(std::string(programs[0].pdf.begin(), programs[0].pdf.begin() + 5), "%PDF-");
        const auto stored = visits.find(visit->visitId());
        ASSERT_TRUE(stored);
        EXPECT_EQ(stored->assessment.rom.left.at(core::Movement::HipFlexion), 115);
        EXPECT_FALSE(store::DraftRepository(db).find(patientId, 0)) << "a saved visit leaves no draft";
    }

    // A later change issues a new version; the first stays as it was.
    builder->removeItem(0);
    m_prompts.answers = {true};
    ASSERT_TRUE(visit->issue());
    {
        auto db = store::Database::open(dbPath());
        const auto programs = store::VisitRepository(db).programs(visit->visitId());
        ASSERT_EQ(programs.size(), 2u);
        EXPECT_EQ(programs[0].program.items, expectedItems);
        EXPECT_EQ(programs[1].version, 2);
        EXPECT_EQ(programs[1].program.items.size(), expectedItems.size() - 1);
    }
}

// Issue 15 item 5: issuing is permanent, so it is confirmed first; Enter on the Issue button again
// does not issue the same handout as a second version.
TEST_F(VisitFlowTest, IssueAsksFirstAndNeverIssuesTheSameProgramTwice)
{
    addPatient("Ada Invented");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("tests.left.thomas_iliopsoas", "positive");
    visit->notebook()->SetSelection(VisitPage::kPreviewTab);
    pump();
    auto* issueButton = wxWindow::FindWindowByName("issue", visit);
    ASSERT_NE(issueButton, nullptr);
    auto programs = [&] { return store::VisitRepository(m_frame->database()).programs(visit->visitId()); };
    wxUIActionSimulator sim;
    auto pressEnterOnIssue = [&] {
        issueButton->SetFocus();
        pump();
        sim.Char(WXK_RETURN);
        pump(200);
    };

    m_prompts.answers = {false};
    pressEnterOnIssue();
    ASSERT_FALSE(m_prompts.questions.empty());
    EXPECT_NE(m_prompts.questions.back().find("Issue this program as version 1?"), std::string::npos)
        << m_prompts.questions.back();
    EXPECT_NE(m_prompts.questions.back().find("for good"), std::string::npos);
    EXPECT_TRUE(programs().empty()) << "no: nothing issued";

    m_prompts.answers = {true};
    pressEnterOnIssue();
    ASSERT_EQ(programs().size(), 1U);

    const auto asked = m_prompts.questions.size();
    m_prompts.answers = {true};
    pressEnterOnIssue(); // Enter again: the same handout
    EXPECT_EQ(programs().size(), 1U) << "an identical program is not issued again";
    EXPECT_EQ(m_prompts.questions.size(), asked) << "nothing to confirm";
    ASSERT_FALSE(m_prompts.errors.empty());
    EXPECT_NE(m_prompts.errors.back().find("Nothing changed since version 1"), std::string::npos)
        << m_prompts.errors.back();
    EXPECT_EQ(m_prompts.errors.back().find("T"), m_prompts.errors.back().find("To give")) << "a local time, no ISO";

    // A real change is a new version, confirmed as such.
    visit->builder()->removeItem(0);
    m_prompts.answers = {true};
    ASSERT_TRUE(visit->issue());
    EXPECT_NE(m_prompts.questions.back().find("version 2?"), std::string::npos);
    EXPECT_EQ(programs().size(), 2U);
}

// Issue 15 item 6: words, the patient's own visit numbers and local times on screen; ids stay in JSON.
TEST_F(VisitFlowTest, ScreensShowWordsVisitNumbersAndLocalTimes)
{
    // Another patient's visit first, so that database ids and the patient's own count differ.
    addPatient("Someone Else");
    ASSERT_TRUE(m_frame->newVisit()->saveVisit());
    addPatient("Ines Invented");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    auto heading = [&] {
        return fromWx(static_cast<wxStaticText*>(wxWindow::FindWindowByName("visit.heading", visit))->GetLabel());
    };
    EXPECT_NE(heading().find("new visit"), std::string::npos) << heading();
    visit->form()->setValue("tests.right.thomas_iliopsoas", "positive");
    visit->form()->setValue("rom.right.hip_extension", "0");
    visit->form()->setValue("strength.right.gluteus_medius", "3+");
    ASSERT_TRUE(visit->saveVisit());
    ASSERT_GT(visit->visitId(), 1) << "the test needs an id that is not the patient's count";
    EXPECT_EQ(heading().find("new visit"), std::string::npos) << "saved: " << heading();
    EXPECT_NE(heading().find("visit 1 of 21 Nov 2026"), std::string::npos) << heading();
    EXPECT_EQ(heading().find("#"), std::string::npos) << heading();

    // The program builder's reasons and warnings say words, never ids.
    ProgramBuilder* builder = visit->builder();
    for (int i = 0; i < static_cast<int>(builder->program().items.size()); ++i) {
        builder->selectItem(i);
        const std::string why = fromWx(builder->basisText()) + "\n" + fromWx(builder->warningText());
        for (const char* id : {"hip_extension", "thomas_iliopsoas", "gluteus_medius", "hip_flexors",
                               "acute_high_irritability", "_"})
            EXPECT_EQ(why.find(id), std::string::npos) << id << " in: " << why;
    }
}

TEST_F(VisitFlowTest, ForbiddenExerciseNeedsConfirmation)
{
    addPatient("Omar Haddad");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("precautions.tha_posterior", "1");
    ASSERT_TRUE(visit->analysis().precautions.count(core::Precaution::ThaPosterior));

    std::string forbidden;
    for (const auto& ex : m_frame->library().all())
        if (!core::exclusionsFor(ex, {core::Precaution::ThaPosterior}).empty()) {
            forbidden = ex.id;
            break;
        }
    ASSERT_FALSE(forbidden.empty());
    const auto before = visit->builder()->program().items.size();

    m_prompts.answers = {false};
    EXPECT_FALSE(visit->builder()->addExercise(forbidden));
    EXPECT_EQ(visit->builder()->program().items.size(), before);
    ASSERT_FALSE(m_prompts.questions.empty());
    EXPECT_NE(m_prompts.questions.back().find("hip replacement, posterior approach forbids"), std::string::npos)
        << "the reason in words: " << m_prompts.questions.back();

    m_prompts.answers = {true};
    EXPECT_TRUE(visit->builder()->addExercise(forbidden));
    EXPECT_EQ(visit->builder()->program().items.size(), before + 1);
    EXPECT_FALSE(visit->builder()->warningText().empty()) << "a forbidden exercise put back is flagged";
}

TEST_F(VisitFlowTest, EmergencyFlagLocksTheBuilder)
{
    addPatient("Grace Okafor");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("red_flags.saddle_anaesthesia", "1");
    EXPECT_TRUE(visit->reasoning()->bannerText().Contains("EMERGENCY"));
    EXPECT_TRUE(visit->builder()->locked());
    const std::string any = m_frame->library().all().front().id;
    EXPECT_FALSE(visit->builder()->addExercise(any));

    visit->form()->setValue("red_flags.saddle_anaesthesia", "");
    EXPECT_FALSE(visit->builder()->locked());
    EXPECT_TRUE(visit->reasoning()->bannerText().empty());
}

TEST_F(VisitFlowTest, UrgentReferralNeedsAcknowledgementWhichIsStored)
{
    addPatient("Ines Duarte");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    std::string urgentFlag;
    for (const auto& e : core::vocabulary<core::RedFlag>())
        if (core::defaultUrgency(e.value) == core::Urgency::Urgent) {
            urgentFlag = std::string(e.id);
            break;
        }
    visit->form()->setValue("red_flags." + urgentFlag, "1");
    ASSERT_EQ(visit->analysis().referral.level, core::Urgency::Urgent);
    EXPECT_TRUE(visit->reasoning()->bannerText().Contains("URGENT"));

    EXPECT_FALSE(visit->issue());
    ASSERT_FALSE(m_prompts.errors.empty());
    EXPECT_NE(m_prompts.errors.back().find("acknowledgement"), std::string::npos);

    visit->setAcknowledgement("GP letter given today");
    m_prompts.answers = {true};
    const auto issued = visit->issue();
    ASSERT_TRUE(issued);
    auto db = store::Database::open(dbPath());
    const auto programs = store::VisitRepository(db).programs(visit->visitId());
    ASSERT_EQ(programs.size(), 1u);
    EXPECT_EQ(programs[0].acknowledgement, "GP letter given today");
    EXPECT_EQ(programs[0].program.referralLevel, core::Urgency::Urgent);
}

TEST_F(VisitFlowTest, UnfinishedDraftIsOfferedBack)
{
    const auto patientId = addPatient("Mei Tanaka");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("rom.left.hip_abduction", "31");
    visit->form()->setValue("visit.notes", "Line one\nLine two\twith tab");
    m_prompts.answers = {false}; // do not save the visit on leaving
    m_frame->showPatientList();  // the page closes; typing goes to the draft
    EXPECT_EQ(m_frame->visitPage(), nullptr);

    m_frame->openPatient(patientId);
    m_prompts.answers = {true}; // restore the draft
    visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    EXPECT_EQ(visit->form()->value("rom.left.hip_abduction"), "31");
    EXPECT_EQ(visit->form()->value("visit.notes"), "Line one\nLine two\twith tab");
    EXPECT_NE(m_prompts.questions.back().find("unfinished"), std::string::npos);
}

TEST_F(VisitFlowTest, FirstRunOffersDemoPatientWithItsVisit)
{
    m_prompts.answers = {true};
    ASSERT_TRUE(m_frame->offerDemoPatient());
    EXPECT_EQ(m_frame->visitRows(), 1);
    EXPECT_FALSE(m_frame->offerDemoPatient()) << "offered only while the database has no patient";
}

// Issue 15 items 7 and 12: the first start asks for the clinic's details in a dialog centred on
// the main window (the old message box opened at the screen's top-left corner without a window
// manager), then who is working, then adds the demo patient when asked to.
TEST_F(VisitFlowTest, FirstStartWelcomesCentredOnTheWindowAndStoresTheClinicsDetails)
{
    ASSERT_TRUE(WelcomeDialog::isFirstStart(m_frame->database()));
    m_frame->SetPosition(wxPoint(60, 40));
    pump();
    wxRect welcomeRect;
    wxRect frameRect;
    std::string badEmailProblem;
    int staffShown = 0;
    std::vector<std::string> unexpected;
    // The dialogs are modal: a timer acts on each from inside its event loop, as a person would.
    wxTimer timer;
    timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        for (wxWindow* top : wxTopLevelWindows) {
            auto* dialog = dynamic_cast<wxDialog*>(top);
            if (!dialog || !dialog->IsModal())
                continue;
            if (auto* welcome = dynamic_cast<WelcomeDialog*>(dialog)) {
                welcomeRect = welcome->GetScreenRect();
                frameRect = m_frame->GetScreenRect();
                welcome->setField("clinic_name", "Riverside Physiotherapy");
                welcome->setField("email", "frontdesk@");
                EXPECT_FALSE(welcome->save());
                badEmailProblem = welcome->problems();
                welcome->setField("email", "frontdesk@riverside.example");
                if (auto* page = dynamic_cast<wxChoice*>(welcome->FindWindowByName("welcome.page_size")))
                    page->SetSelection(1); // US Letter
                wxCommandEvent start(wxEVT_BUTTON, wxID_OK);
                start.SetEventObject(welcome->FindWindow(wxID_OK));
                welcome->FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(start);
            } else if (auto* staff = dynamic_cast<StaffDialog*>(dialog)) {
                ++staffShown;
                EXPECT_TRUE(staff->addPerson("Jo Park", "PT"));
                staff->EndModal(wxID_OK);
            } else {
                unexpected.push_back(fromWx(dialog->GetTitle()));
                dialog->EndModal(wxID_CANCEL);
            }
        }
    });
    timer.Start(50);
    m_frame->startUp();
    timer.Stop();

    EXPECT_TRUE(unexpected.empty()) << unexpected.front();
    ASSERT_FALSE(welcomeRect.IsEmpty()) << "the welcome dialog was shown";
    const wxPoint welcomeCentre(welcomeRect.x + welcomeRect.width / 2, welcomeRect.y + welcomeRect.height / 2);
    const wxPoint frameCentre(frameRect.x + frameRect.width / 2, frameRect.y + frameRect.height / 2);
    EXPECT_NEAR(welcomeCentre.x, frameCentre.x, 4) << "centred on the main window, not at the screen's corner";
    EXPECT_NEAR(welcomeCentre.y, frameCentre.y, 4);
    EXPECT_TRUE(frameRect.Contains(welcomeRect)) << "the whole dialog lies over the window";
    EXPECT_NE(badEmailProblem.find("email"), std::string::npos) << badEmailProblem;

    const workflow::Clinic clinic = workflow::loadClinic(m_frame->database());
    EXPECT_EQ(clinic.branding.clinicName, "Riverside Physiotherapy");
    EXPECT_EQ(clinic.branding.email, "frontdesk@riverside.example");
    EXPECT_EQ(clinic.pageSize, render::PageSize::Letter);
    EXPECT_EQ(staffShown, 1) << "then who is working here";
    EXPECT_EQ(m_frame->workingClinician(), "Jo Park, PT");
    EXPECT_EQ(store::PatientRepository(m_frame->database()).count(), 1) << "the demo patient, as ticked";
    EXPECT_EQ(m_frame->visitRows(), 1);
    EXPECT_FALSE(WelcomeDialog::isFirstStart(m_frame->database())) << "welcomed once";
}

TEST_F(VisitFlowTest, LibraryBrowserFiltersByKindTargetAndText)
{
    addPatient("Ruth Adeyemi");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    LibraryBrowser* browser = visit->builder()->browser();
    const auto all = browser->shownIds().size();
    EXPECT_EQ(all, m_frame->library().size());

    browser->filter("stretch", "hamstrings", "");
    ASSERT_FALSE(browser->shownIds().empty());
    EXPECT_LT(browser->shownIds().size(), all);
    for (const auto& id : browser->shownIds()) {
        const auto* ex = m_frame->library().find(id);
        ASSERT_NE(ex, nullptr);
        EXPECT_EQ(ex->kind, core::ExerciseKind::Stretch) << id;
        EXPECT_NE(std::find(ex->targets.begin(), ex->targets.end(), core::MuscleGroup::Hamstrings), ex->targets.end())
            << id;
    }
    const auto* first = m_frame->library().find(browser->shownIds().front());
    const std::string word = first->name.substr(0, first->name.find(' '));
    browser->filter("", "", word);
    EXPECT_NE(std::find(browser->shownIds().begin(), browser->shownIds().end(), first->id), browser->shownIds().end());
    browser->filter("", "", "no exercise is called this");
    EXPECT_TRUE(browser->shownIds().empty());
}

TEST_F(VisitFlowTest, ProtocolSavedAndStartedLeavesOutWhatAPrecautionForbids)
{
    addPatient("Paul Brennan");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    ProgramBuilder* builder = visit->builder();
    // A protocol holding one exercise a posterior hip replacement forbids and one it allows.
    std::string forbidden, allowed;
    for (const auto& ex : m_frame->library().all()) {
        const bool excluded = !core::exclusionsFor(ex, {core::Precaution::ThaPosterior}).empty();
        if (excluded && forbidden.empty())
            forbidden = ex.id;
        if (!excluded && allowed.empty())
            allowed = ex.id;
    }
    ASSERT_FALSE(forbidden.empty());
    ASSERT_FALSE(allowed.empty());
    core::Program empty;
    builder->setProgram(empty, true);
    ASSERT_TRUE(builder->addExercise(forbidden));
    ASSERT_TRUE(builder->addExercise(allowed));
    const auto protocolId = builder->saveProtocol("Post-op week 2");

    visit->form()->setValue("precautions.tha_posterior", "1");
    m_prompts.answers = {false}; // asked as adding it by hand would be: no
    builder->startFromProtocol(protocolId);
    ASSERT_EQ(builder->program().items.size(), 1u);
    EXPECT_EQ(builder->program().items[0].exerciseId, allowed);
    EXPECT_NE(m_prompts.questions.back().find("Keep it in the program anyway?"), std::string::npos);
    EXPECT_TRUE(builder->warningText().Contains("was taken out")) << "said, not silent";
    EXPECT_THROW(builder->saveProtocol(""), InputError);
}

TEST_F(VisitFlowTest, SettingsDialogStoresBrandingOnlyWhenValid)
{
    SettingsDialog dialog(m_frame, m_frame->database());
    dialog.setField("clinic_name", "Riverside Physio");
    dialog.setField("therapist_name", "J. Park");
    dialog.setField("email", "front desk at riverside");
    EXPECT_FALSE(dialog.save());
    {
        auto db = store::Database::open(dbPath());
        EXPECT_FALSE(store::SettingsRepository(db).get("branding"));
    }
    dialog.setField("email", "desk@riverside.example");
    ASSERT_TRUE(dialog.save());
    auto db = store::Database::open(dbPath());
    const auto json = store::SettingsRepository(db).get("branding");
    ASSERT_TRUE(json);
    const auto branding = exchange::readBranding(*json);
    EXPECT_EQ(branding.clinicName, "Riverside Physio");
    EXPECT_EQ(branding.therapistName, "J. Park");
    EXPECT_EQ(branding.email, "desk@riverside.example");
}

// The clinic's date format is a Settings choice stored for every desk (issue 14), and the open
// visit's handout writes its date that way; large print is ticked for a patient of 75 or more and
// makes the preview's text bigger (issue 16).
TEST_F(VisitFlowTest, TheDateFormatIsAClinicSettingAndLargePrintIsOfferedFromSeventyFive)
{
    {
        SettingsDialog dialog(m_frame, m_frame->database());
        auto* format = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("settings.date_format", &dialog));
        ASSERT_NE(format, nullptr);
        const auto& formats = core::dateFormats();
        const auto iso = std::find(formats.begin(), formats.end(), core::DateFormat::Iso);
        ASSERT_NE(iso, formats.end());
        format->SetSelection(static_cast<int>(iso - formats.begin()));
        dialog.setField("clinic_name", "Riverside Physio");
        ASSERT_TRUE(dialog.save());
    }
    EXPECT_EQ(workflow::loadClinic(m_frame->database()).dateFormat, core::DateFormat::Iso);

    core::Patient older;
    older.name = "Edith Invented";
    older.birthDate = core::Date{1931, 1, 2};
    ASSERT_TRUE(m_frame->createPatient(older));
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    EXPECT_TRUE(visit->largePrint()) << "ticked for a patient of 75 or more";
    visit->form()->setValue("visit.date", "2026-11-20");
    visit->form()->setValue("pain.nprs_now", "2");
    const auto large = visit->renderPdf();
    visit->setLargePrint(false);
    const auto normal = visit->renderPdf();
    EXPECT_NE(large, normal);
    EXPECT_GT(large.size(), 0u);

    addPatient("Lena Fischer"); // born 1979
    VisitPage* younger = m_frame->newVisit();
    ASSERT_NE(younger, nullptr);
    EXPECT_FALSE(younger->largePrint());
}

TEST_F(VisitFlowTest, DeliveryAndHistoryMenuItemsExplainWhatTheyNeed)
{
    const auto* bar = m_frame->GetMenuBar();
    for (int id : {static_cast<int>(wxID_PRINT), static_cast<int>(wxID_PRINT_SETUP), static_cast<int>(kIdEmail),
                   static_cast<int>(kIdHistory)})
        EXPECT_NE(bar->FindItem(id), nullptr) << id;

    m_frame->onPrint();
    ASSERT_FALSE(m_prompts.errors.empty());
    EXPECT_NE(m_prompts.errors.back().find("Open a visit first"), std::string::npos) << m_prompts.errors.back();
    m_frame->onEmail();
    EXPECT_NE(m_prompts.errors.back().find("Open a saved visit first"), std::string::npos) << m_prompts.errors.back();

    // Email sends only what was issued, so the patient gets exactly that PDF.
    addPatient("Noor Haddad");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("pain.nprs_now", "2");
    ASSERT_TRUE(visit->saveVisit());
    ASSERT_NE(m_frame->visitPage()->visitId(), 0);
    m_frame->onEmail();
    EXPECT_NE(m_prompts.errors.back().find("Issue the program first"), std::string::npos) << m_prompts.errors.back();
}

// With no printer set up, File → Print says so before GTK's dialog, which would offer only "Print
// to File" without a word (issue 15, item 10); declining opens no dialog.
TEST_F(VisitFlowTest, PrintWithNoPrinterSaysSoFirst)
{
    addPatient("Noor Haddad");
    ASSERT_NE(m_frame->newVisit(), nullptr);
    m_frame->setPrinterList([] { return std::vector<std::string>{}; });
    m_prompts.answers = {false};
    m_frame->onPrint(); // would block in the modal print dialog if it were opened
    ASSERT_FALSE(m_prompts.questions.empty());
    EXPECT_NE(m_prompts.questions.back().find("No printer is set up on this computer"), std::string::npos)
        << m_prompts.questions.back();
    EXPECT_NE(m_prompts.questions.back().find("Save PDF"), std::string::npos) << "says what to do instead";
}

// Saved documents are named by patient, document and visit date, never "home-program.pdf"
// (issue 15, item 10).
TEST_F(VisitFlowTest, DocumentsAreOfferedUnderThePatientsNameAndTheVisitDate)
{
    addPatient("Noor Haddad");
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("visit.date", "2026-11-20");
    EXPECT_EQ(visit->documentFileName("home program"), "Noor Haddad - home program - 2026-11-20.pdf");
    EXPECT_EQ(visit->documentFileName("visit note"), "Noor Haddad - visit note - 2026-11-20.pdf");
}

} // namespace
} // namespace hiprx::app
