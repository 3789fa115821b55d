// SPDX-License-Identifier: GPL-3.0-or-later
//
// Issue 18 in the app: Library → New exercise… writes a clinic exercise with a photo; it is added
// to a program, previewed and issued, and the PDF card shows the photo, its steps and dose; a
// precaution that forbids one of its movement demands excludes it with the reason.
#include "app/assessment_form.h"
#include "app/exercise_editor.h"
#include "app/main_frame.h"
#include "app/program_builder.h"
#include "app/figure_view.h"
#include "app/wx_text.h"

#include "gui_test_support.h"

#include "core/vocabulary.h"
#include "render/canvas.h"
#include "render/picture.h"
#include "store/repositories.h"

#include <gtest/gtest.h>
#include <wx/choice.h>
#include <wx/notebook.h>
#include <wx/timer.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>

namespace hiprx::app {
namespace {

using test_support::pump;
using test_support::ScriptedPrompts;
using test_support::TempFolder;

/// A 480 × 320 PNG with a pattern no figure draws (a figure is vector paths, never an image).
std::vector<std::uint8_t> samplePhoto()
{
    render::Pixels pixels;
    pixels.width = 480;
    pixels.height = 320;
    pixels.channels = 3;
    pixels.data.resize(static_cast<std::size_t>(pixels.width * pixels.height * 3));
    for (int y = 0; y < pixels.height; ++y)
        for (int x = 0; x < pixels.width; ++x) {
            auto* px = &pixels.data[static_cast<std::size_t>((y * pixels.width + x) * 3)];
            px[0] = static_cast<std::uint8_t>(x / 2);
            px[1] = static_cast<std::uint8_t>(y / 2);
            px[2] = 160;
        }
    return render::encodePicture(pixels, core::PictureType::Png);
}

/// Image XObjects in a PDF (libharu writes their dictionaries uncompressed).
int imagesIn(const std::vector<std::uint8_t>& pdf)
{
    const std::string text(pdf.begin(), pdf.end());
    int count = 0;
    for (auto at = text.find("/Subtype /Image"); at != std::string::npos; at = text.find("/Subtype /Image", at + 1))
        ++count;
    return count;
}

std::string pdfText(const std::vector<std::uint8_t>& pdf, const std::filesystem::path& dir)
{
    const auto file = dir / "card.pdf";
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(pdf.data()),
                                                static_cast<std::streamsize>(pdf.size()));
    const std::string command = "pdftotext '" + file.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    std::array<char, 4096> buf{};
    while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()))
        out += buf.data();
    return out;
}

/// Records every point a figure is drawn through, to tell two drawings apart.
class RecordingCanvas final : public render::Canvas {
public:
    std::vector<float> points;

    void setStrokeColor(const render::Rgb&) override {}
    void setFillColor(const render::Rgb&) override {}
    void setLineWidth(float) override {}
    void setRoundLines(bool) override {}
    void moveTo(render::Point p) override { add(p); }
    void lineTo(render::Point p) override { add(p); }
    void curveTo(render::Point a, render::Point b, render::Point c) override
    {
        add(a);
        add(b);
        add(c);
    }
    void closePath() override {}
    void rectangle(const render::Box& box) override { add({box.x, box.y}); }
    void circle(render::Point centre, float) override { add(centre); }
    void stroke() override {}
    void fill() override {}
    void fillAndStroke() override {}

private:
    void add(render::Point p)
    {
        points.push_back(p.x);
        points.push_back(p.y);
    }
};

/// What the editor's preview draws, point by point.
std::vector<float> previewDrawing(const ExerciseEditor& editor)
{
    RecordingCanvas canvas;
    EXPECT_TRUE(editor.preview()->drawer().draw(editor.preview()->figure(), canvas, {0, 0, 420, 240}));
    return canvas.points;
}

/// Fills in what the patient reads and the targets of a simple standing exercise.
void fillInOverheadReach(ExerciseEditor& editor)
{
    editor.setField("name", "Overhead reach");
    if (auto* kind = dynamic_cast<wxChoice*>(editor.FindWindowByName("exercise.kind")))
        kind->SetSelection(1); // strengthening
    editor.setTarget(core::MuscleGroup::GluteusMedius, true);
    editor.setField("start_position", "Standing tall, feet hip-width apart.");
    editor.setField("steps", "Stand tall with your arm by your side.\nRaise your arm forward and up.\nLower it slowly.");
    editor.setField("key_cue", "Keep your ribs down.");
    editor.setField("stop_if", "Your shoulder hurts.");
}

class ClinicExerciseGui : public testing::Test {
protected:
    void SetUp() override
    {
        m_frame = new MainFrame(store::Database::open(m_dir.path() / "gui.sqlite"));
        m_frame->setPrompts(m_prompts.prompts());
        m_frame->SetSize(1280, 800);
        m_frame->Show();
        pump();
    }
    void TearDown() override
    {
        m_prompts.fallback = false;
        m_frame->Destroy();
        pump();
    }

    /// Library → New exercise…, typed as a therapist would, with a photo; returns the editor's
    /// problems after a first Save with the name left out (the dialog must stay open and say so).
    std::string writeExerciseWithPhoto()
    {
        std::string firstProblems;
        bool editorSeen = false;
        wxTimer timer;
        timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
            for (wxWindow* top : wxTopLevelWindows) {
                auto* dialog = dynamic_cast<wxDialog*>(top);
                if (!dialog || !dialog->IsModal())
                    continue;
                if (auto* editor = dynamic_cast<ExerciseEditor*>(dialog)) {
                    if (editorSeen)
                        continue;
                    editorSeen = true;
                    editor->setField("steps", "Stand with your back against a wall, feet a step forward.\n"
                                              "Slide down until your knees are bent to a right angle.\n"
                                              "Hold, then slide back up.");
                    EXPECT_FALSE(editor->save()) << "no name";
                    firstProblems = editor->problems();
                    editor->setField("name", "Wall sit with a ball");
                    if (auto* kind = dynamic_cast<wxChoice*>(editor->FindWindowByName("exercise.kind")))
                        kind->SetSelection(1); // strengthening
                    editor->setTarget(core::MuscleGroup::Quadriceps, true);
                    editor->setField("start_position", "Standing with your back against a smooth wall.");
                    editor->setField("key_cue", "Keep your knees over your feet.");
                    editor->setField("stop_if", "Your knee or hip hurts more than a little.");
                    editor->setField("sets", "3");
                    editor->setField("reps", "5");
                    editor->setField("hold_s", "20");
                    editor->setField("equipment", "wall, soft ball");
                    editor->setDemand(core::MovementDemand::HipFlexionPast90, true);
                    EXPECT_TRUE(editor->importPicture(samplePhoto()));
                    EXPECT_TRUE(editor->hasPicture());
                    EXPECT_TRUE(editor->preview()->hasFigure()) << "the photo is previewed";
                    // With HIPRX_SCREENSHOT_DIR set, the README's picture of the editor.
                    if (const char* dir = std::getenv("HIPRX_SCREENSHOT_DIR")) {
                        pump(400);
                        const std::string command =
                            "import -window root '" + std::string(dir) + "/app-16-exercise-editor.png'";
                        EXPECT_EQ(std::system(command.c_str()), 0) << command;
                        for (wxWindow* child : editor->GetChildren())
                            if (auto* book = dynamic_cast<wxNotebook*>(child))
                                book->SetSelection(2);
                        pump(400);
                        const std::string picture =
                            "import -window root '" + std::string(dir) + "/app-17-exercise-picture.png'";
                        EXPECT_EQ(std::system(picture.c_str()), 0) << picture;
                    }
                    wxCommandEvent save(wxEVT_BUTTON, wxID_OK);
                    save.SetEventObject(editor->FindWindow(wxID_OK));
                    editor->FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(save);
                } else if (auto* list = dynamic_cast<ClinicExercisesDialog*>(dialog)) {
                    if (!editorSeen)
                        continue;
                    EXPECT_EQ(list->rows(), 1);
                    list->EndModal(wxID_CLOSE);
                } else {
                    dialog->EndModal(wxID_CANCEL);
                }
            }
        });
        timer.Start(50);
        m_frame->onClinicExercises(true);
        timer.Stop();
        EXPECT_TRUE(editorSeen);
        return firstProblems;
    }

    /// Runs Library → Clinic exercises… with `onEditor` driving the editor (opened for a new
    /// exercise, or for the first listed one when `editFirst`) and pressing Save.
    void withEditor(bool editFirst, const std::function<void(ExerciseEditor&)>& onEditor)
    {
        bool editorSeen = false;
        bool listSeen = false;
        wxTimer timer;
        timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
            for (wxWindow* top : wxTopLevelWindows) {
                auto* dialog = dynamic_cast<wxDialog*>(top);
                if (!dialog || !dialog->IsModal())
                    continue;
                if (auto* editor = dynamic_cast<ExerciseEditor*>(dialog)) {
                    if (editorSeen)
                        continue;
                    editorSeen = true;
                    onEditor(*editor);
                    wxCommandEvent save(wxEVT_BUTTON, wxID_OK);
                    save.SetEventObject(editor->FindWindow(wxID_OK));
                    editor->FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(save);
                    EXPECT_EQ(editor->problems(), "");
                    if (editor->IsModal()) // not saved: close it, the test has failed already
                        editor->EndModal(wxID_CANCEL);
                } else if (auto* list = dynamic_cast<ClinicExercisesDialog*>(dialog)) {
                    if (!editorSeen && editFirst && !listSeen) {
                        listSeen = true;
                        list->CallAfter([list] { list->editExercise(0); });
                    } else if (editorSeen) {
                        list->EndModal(wxID_CLOSE);
                    }
                } else {
                    dialog->EndModal(wxID_CANCEL);
                }
            }
        });
        timer.Start(50);
        m_frame->onClinicExercises(!editFirst);
        timer.Stop();
        EXPECT_TRUE(editorSeen);
    }

    std::int64_t addPatient()
    {
        core::Patient p;
        p.name = "Imogen Walsh";
        p.birthDate = core::Date{1970, 6, 14};
        const auto id = m_frame->createPatient(p);
        EXPECT_TRUE(id);
        return id.value_or(0);
    }

    TempFolder m_dir;
    ScriptedPrompts m_prompts;
    MainFrame* m_frame = nullptr;
};

TEST_F(ClinicExerciseGui, AnExerciseWithAPhotoIsWrittenIssuedAndPrintedWithItsPhotoStepsAndDose)
{
    const std::string problems = writeExerciseWithPhoto();
    EXPECT_NE(problems.find("Name"), std::string::npos) << "the field is named in words: " << problems;
    EXPECT_EQ(problems.find("exercises[0]"), std::string::npos) << "no JSON path on screen: " << problems;

    const auto stored = store::ExerciseRepository(m_frame->database()).clinicExercises();
    ASSERT_EQ(stored.size(), 1U);
    const core::ClinicExercise& exercise = stored.front();
    EXPECT_EQ(exercise.exercise.name, "Wall sit with a ball");
    EXPECT_EQ(exercise.exercise.steps.size(), 3U);
    EXPECT_EQ(exercise.exercise.defaultDose.holdS, 20);
    ASSERT_TRUE(exercise.picture.has_value());
    EXPECT_EQ(exercise.picture->width, 480);
    ASSERT_NE(m_frame->library().find(exercise.exercise.id), nullptr) << "offered in the builder at once";

    addPatient();
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    const std::size_t suggested = visit->builder()->program().items.size();
    ASSERT_TRUE(visit->builder()->addExercise(exercise.exercise.id));
    ASSERT_EQ(visit->builder()->program().items.size(), suggested + 1);
    EXPECT_TRUE(visit->builder()->figurePanel()->hasFigure()) << "the builder shows the photo";

    const std::vector<std::uint8_t> preview = visit->renderPdf();
    EXPECT_EQ(imagesIn(preview), 1) << "the card shows the photo (figures are drawn as paths)";
    const std::string text = pdfText(preview, m_dir.path());
    EXPECT_NE(text.find("Wall sit with a ball"), std::string::npos);
    EXPECT_NE(text.find("Slide down until your knees"), std::string::npos) << text;
    EXPECT_NE(text.find("20"), std::string::npos) << "the hold in the dose";

    ASSERT_TRUE(visit->saveVisit());
    m_prompts.answers = {true}; // "Issue this program as version 1?"
    const auto issued = visit->issue();
    ASSERT_TRUE(issued.has_value());
    EXPECT_EQ(imagesIn(issued->pdf), 1) << "the issued handout carries the photo too";
}

TEST_F(ClinicExerciseGui, APrecautionThatForbidsOneOfItsDemandsExcludesItWithTheReason)
{
    writeExerciseWithPhoto();
    const auto stored = store::ExerciseRepository(m_frame->database()).clinicExercises();
    ASSERT_EQ(stored.size(), 1U);
    addPatient();
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    visit->form()->setValue("precautions.tha_posterior", "1");
    pump();
    for (const auto& item : visit->builder()->program().items)
        EXPECT_NE(item.exerciseId, stored.front().exercise.id) << "never suggested under the precaution";
    m_prompts.questions.clear();
    m_prompts.answers = {false}; // do not add it anyway
    EXPECT_FALSE(visit->builder()->addExercise(stored.front().exercise.id));
    ASSERT_FALSE(m_prompts.questions.empty());
    const std::string& question = m_prompts.questions.back();
    EXPECT_NE(question.find("Wall sit with a ball"), std::string::npos) << question;
    EXPECT_NE(question.find("hip"), std::string::npos) << "the reason, in words: " << question;
}

TEST_F(ClinicExerciseGui, RetiringKeepsItForIssuedProgramsAndStopsOfferingIt)
{
    writeExerciseWithPhoto();
    const std::string id = store::ExerciseRepository(m_frame->database()).clinicExercises().front().exercise.id;
    const render::FigureLibrary noFigures{{}, {}};
    std::vector<std::string> asked;
    {
        ClinicExercisesDialog dialog(m_frame, m_frame->database(), noFigures, "Jo Park, PT", [&](const wxString& q) {
            asked.push_back(fromWx(q));
            return true;
        });
        ASSERT_EQ(dialog.rows(), 1);
        EXPECT_TRUE(dialog.toggleRetired(0));
        EXPECT_TRUE(dialog.changed());
    }
    ASSERT_EQ(asked.size(), 1U) << "retiring asks first";
    EXPECT_NE(asked.front().find("Wall sit with a ball"), std::string::npos);
    EXPECT_TRUE(store::ExerciseRepository(m_frame->database()).findClinicExercise(id)->retired);
    EXPECT_EQ(store::ExerciseRepository(m_frame->database()).load().find(id), nullptr) << "no longer offered";
}

TEST_F(ClinicExerciseGui, EveryMovementDemandTheScreenKnowsHasItsBoxSoNoneIsDroppedOnSave)
{
    // A clinic exercise copied from a built-in one keeps its demands only if the editor has a box
    // for each (single-leg balance carries "standing on the treated leg alone").
    withEditor(false, [&](ExerciseEditor& editor) {
        fillInOverheadReach(editor);
        for (const auto& entry : core::vocabulary<core::MovementDemand>())
            EXPECT_NE(editor.FindWindowByName(toWx("exercise.demand." + std::string(entry.id))), nullptr)
                << "no box for " << entry.id;
    });
}

TEST_F(ClinicExerciseGui, AFigureAdjustedFromAPostureIsPreviewedSavedReopenedAndDrawnOnTheCard)
{
    const double standingShoulder = core::basePose("standing")->pose[core::Joint::RightShoulder];
    withEditor(false, [&](ExerciseEditor& editor) {
        fillInOverheadReach(editor);
        ASSERT_TRUE(editor.adjustFigureFrom("standing"));
        ASSERT_TRUE(editor.preview()->hasFigure());
        EXPECT_EQ(editor.jointAngle(false, core::Joint::RightShoulder), static_cast<int>(standingShoulder));
        const std::vector<float> before = previewDrawing(editor);
        editor.setJointAngle(false, core::Joint::RightShoulder, 90);
        editor.setJointAngle(true, core::Joint::RightShoulder, 160);
        EXPECT_NE(previewDrawing(editor), before) << "the preview follows the angle at once";
        ASSERT_TRUE(editor.ownFigure().has_value());
        EXPECT_EQ(editor.ownFigure()->start[core::Joint::RightShoulder], 90);
        EXPECT_EQ(editor.ownFigure()->arrow, core::BodyPoint::RightHand) << "the arrow follows the hand";
        // With HIPRX_SCREENSHOT_DIR set, the README's picture of the Picture tab with an adjusted figure.
        if (const char* dir = std::getenv("HIPRX_SCREENSHOT_DIR")) {
            for (wxWindow* child : editor.GetChildren())
                if (auto* book = dynamic_cast<wxNotebook*>(child))
                    book->SetSelection(2);
            pump(400);
            const std::string command = "import -window root '" + std::string(dir) + "/app-18-exercise-own-figure.png'";
            EXPECT_EQ(std::system(command.c_str()), 0) << command;
        }
    });
    auto stored = store::ExerciseRepository(m_frame->database()).clinicExercises();
    ASSERT_EQ(stored.size(), 1U);
    ASSERT_TRUE(stored.front().figure.has_value());
    EXPECT_FALSE(stored.front().picture.has_value());
    EXPECT_EQ(stored.front().figure->start[core::Joint::RightShoulder], 90);
    const std::string id = stored.front().exercise.id;

    addPatient();
    VisitPage* visit = m_frame->newVisit();
    ASSERT_NE(visit, nullptr);
    ASSERT_TRUE(visit->builder()->addExercise(id));
    EXPECT_TRUE(visit->builder()->figurePanel()->hasFigure()) << "the builder draws the own figure";
    const std::vector<std::uint8_t> adjusted = visit->renderPdf();
    EXPECT_EQ(imagesIn(adjusted), 0) << "a figure is drawn, not pasted as a picture";
    EXPECT_NE(pdfText(adjusted, m_dir.path()).find("Overhead reach"), std::string::npos);

    // Reopened, the editor shows the saved angles; set back to standing's, the card changes.
    withEditor(true, [&](ExerciseEditor& editor) {
        EXPECT_EQ(editor.jointAngle(false, core::Joint::RightShoulder), 90);
        EXPECT_EQ(editor.jointAngle(true, core::Joint::RightShoulder), 160);
        editor.setJointAngle(false, core::Joint::RightShoulder, static_cast<int>(standingShoulder));
    });
    stored = store::ExerciseRepository(m_frame->database()).clinicExercises();
    ASSERT_EQ(stored.size(), 1U);
    EXPECT_EQ(stored.front().figure->start[core::Joint::RightShoulder], standingShoulder);
    const std::vector<std::uint8_t> base = visit->renderPdf();
    EXPECT_EQ(visit->renderPdf(), base) << "the handout is drawn the same each time";
    EXPECT_NE(base, adjusted) << "the card draws the clinic's figure, not a fixed one";

    ASSERT_TRUE(visit->saveVisit());
    m_prompts.answers = {true}; // "Issue this program as version 1?"
    const auto issued = visit->issue();
    ASSERT_TRUE(issued.has_value());
    EXPECT_NE(pdfText(issued->pdf, m_dir.path()).find("Overhead reach"), std::string::npos);
}

} // namespace
} // namespace hiprx::app
