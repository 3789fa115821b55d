// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/exercise_editor.h"

#include "app/figure_view.h"
#include "app/wheel_guard.h"
#include "app/wx_text.h"

#include "core/error.h"
#include "core/program.h"
#include "core/vocabulary.h"
#include "store/repositories.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/gbsizer.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iterator>
#include <string_view>

namespace hiprx::app {
namespace {

/// What each movement demand means, in the words a clinician checks an exercise against.
struct DemandWords {
    core::MovementDemand demand;
    const char* label;
    const char* explanation;
};

constexpr DemandWords kDemandWords[] = {
    {core::MovementDemand::HipFlexionPast90, "Hip bent past a right angle",
     "knee comes closer to the chest than in sitting"},
    {core::MovementDemand::HipAdductionPastMidline, "Thigh crosses the midline", "knee moves across the body"},
    {core::MovementDemand::HipInternalRotation, "Hip turned inward", "under load or to the end of its range"},
    {core::MovementDemand::HipExtensionPastNeutral, "Thigh behind the body line", "as in a lunge or bridge"},
    {core::MovementDemand::HipExternalRotationEndRange, "Hip turned fully outward", "to the end of its range"},
    {core::MovementDemand::LoadedSpinalFlexion, "Back rounded under load", "or rounded to the end of its range"},
    {core::MovementDemand::EndRangeSpinalRotation, "Trunk twisted fully", "to the end of its range"},
    {core::MovementDemand::LongSupineLying, "Lying on the back", "for more than a minute or two"},
    {core::MovementDemand::ProneLying, "Lying face down", ""},
    {core::MovementDemand::Kneeling, "Kneeling on the floor", ""},
    {core::MovementDemand::DeepEndRangeStretch, "Deep passive stretch", "hanging at the end of the range"},
    {core::MovementDemand::ResistedHipAbduction, "Leg lifted out against resistance", "gravity, a band or a weight"},
    {core::MovementDemand::DynamicEndRange, "Swinging into the end of range", "swings or circles"},
    {core::MovementDemand::HeavyLoad, "Heavy load", "close to maximal effort"},
    {core::MovementDemand::SingleLegLoading, "Whole weight on one leg", ""},
    {core::MovementDemand::PressureOverTrunk, "Body weight on a roller or ball", "under the back or ribs"},
    {core::MovementDemand::LateralHipCompression, "Pressure on the outer hip",
     "lying on that side, rolling or stretching the outer thigh"},
    {core::MovementDemand::UnsupportedSingleLeg, "Standing work with no hand on a support",
     "one leg, a lunge stance, a free squat or hinge"},
    {core::MovementDemand::ActiveHipAbduction, "Hip abductors working",
     "lifting or sliding the leg out, holding the pelvis level on one leg"},
    {core::MovementDemand::WideHipAbduction, "Legs spread wide", "or knees dropped far out (butterfly, frog)"},
    {core::MovementDemand::AnteriorHipPressure, "Pressure on the front of the hip",
     "a roller or ball under the front of the thigh or hip"},
    {core::MovementDemand::StanceOnWorkingLeg, "Standing on the treated leg alone",
     "balance, step-downs, marching on the spot"},
};

/// The base postures a figure can start from, in plain words (a posture missing here shows its
/// data name with spaces).
constexpr std::pair<const char*, const char*> kPostureWords[] = {
    {"standing", "Standing"},
    {"supine", "Lying on the back, legs straight"},
    {"hook_lying", "Lying on the back, knees bent"},
    {"prone", "Lying face down"},
    {"quadruped", "On hands and knees"},
    {"kneeling", "Kneeling"},
    {"half_kneeling", "Half kneeling, one knee down"},
    {"sitting_chair", "Sitting on a chair"},
    {"sitting_floor", "Sitting on the floor, knees bent"},
    {"long_sitting", "Sitting on the floor, legs straight"},
    {"standing_front", "Standing, seen from the front"},
    {"sitting_chair_front", "Sitting on a chair, seen from the front"},
    {"sitting_floor_front", "Sitting on the floor, seen from the front"},
    {"side_lying", "Lying on the side, seen from the front"},
    {"supine_front", "Lying on the back, seen from above"},
    {"standing_above", "Standing, seen from above (arms, turning, a door beside)"},
};

std::string postureWords(std::string_view name)
{
    for (const auto& [id, words] : kPostureWords)
        if (name == id)
            return words;
    std::string out(name);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

/// What each joint angle means in each view, as the row of its spin controls says it.
struct JointWords {
    core::Joint joint;
    const char* side;  ///< side view
    const char* front; ///< front view
    const char* above; ///< standing, seen from above
};

constexpr JointWords kJointWords[] = {
    {core::Joint::Pelvis, "Whole body tilted forward", "Whole body tilted", "Whole body facing (clockwise)"},
    {core::Joint::Spine, "Back bent forward", "Back bent to the side", "Trunk turned on the hips"},
    {core::Joint::Neck, "Head bent forward", "Head tilted to the side", "Head turned"},
    {core::Joint::RightHip, "Right hip bent", "Right leg out to the side", "Right leg out to the side"},
    {core::Joint::RightKnee, "Right knee bent", "Right knee bend as seen", "Right knee bent forward"},
    {core::Joint::RightAnkle, "Right foot pulled up", "Right foot turned", "Right foot turned out"},
    {core::Joint::RightShoulder, "Right arm raised forward", "Right arm out to the side",
     "Right arm from straight ahead (+ outward)"},
    {core::Joint::RightElbow, "Right elbow bent", "Right elbow bend as seen", "Right elbow bent"},
    {core::Joint::LeftHip, "Left hip bent", "Left leg out to the side", "Left leg out to the side"},
    {core::Joint::LeftKnee, "Left knee bent", "Left knee bend as seen", "Left knee bent forward"},
    {core::Joint::LeftAnkle, "Left foot pulled up", "Left foot turned", "Left foot turned out"},
    {core::Joint::LeftShoulder, "Left arm raised forward", "Left arm out to the side",
     "Left arm from straight ahead (+ outward)"},
    {core::Joint::LeftElbow, "Left elbow bent", "Left elbow bend as seen", "Left elbow bent"},
};

const char* wordsIn(const JointWords& words, core::FigureView view)
{
    switch (view) {
    case core::FigureView::Front:
        return words.front;
    case core::FigureView::Above:
        return words.above;
    case core::FigureView::Side:
        break;
    }
    return words.side;
}

const JointWords& jointWords(core::Joint joint)
{
    for (const auto& words : kJointWords)
        if (words.joint == joint)
            return words;
    return kJointWords[0];
}

/// The angles a joint's spin control allows: its range in the view (checkPose's, so what can be
/// typed can be saved), any direction for the whole body, and never less than `current`.
std::pair<int, int> spinLimits(core::Joint joint, const core::FigureSpec& spec, const core::Pose& pose,
                               double current)
{
    std::optional<core::AngleRange> range = core::jointRange(joint, spec.view);
    if (spec.view == core::FigureView::Front) {
        const bool left = joint == core::Joint::LeftHip || joint == core::Joint::LeftKnee;
        const std::size_t k = left ? 0 : 1;
        const bool hip = joint == core::Joint::LeftHip || joint == core::Joint::RightHip;
        const bool knee = joint == core::Joint::LeftKnee || joint == core::Joint::RightKnee;
        if ((hip && pose.thighSeen[k] < 1.0) || (knee && (pose.thighSeen[k] < 1.0 || pose.shinSeen[k] < 1.0)))
            range = core::frontRangeSeenEndOn;
    }
    const core::AngleRange r = range.value_or(core::AngleRange{-180, 180});
    return {static_cast<int>(std::floor(std::min(r.min, current))), static_cast<int>(std::ceil(std::max(r.max, current)))};
}

/// The hand, foot or knee that moves most from start to end, for the arrow; nothing when none
/// moves visibly.
std::optional<core::BodyPoint> mostMoved(const core::FigureSpec& spec)
{
    const core::Skeleton a = core::solve(spec.start, spec.view);
    const core::Skeleton b = core::solve(spec.end, spec.view);
    std::optional<core::BodyPoint> best;
    double farthest = 4.0; // figure units: less is hard to see at card size
    for (core::BodyPoint point : {core::BodyPoint::RightHand, core::BodyPoint::LeftHand, core::BodyPoint::RightToe,
                                  core::BodyPoint::LeftToe, core::BodyPoint::RightKnee, core::BodyPoint::LeftKnee,
                                  core::BodyPoint::Head, core::BodyPoint::Pelvis}) {
        const double d = std::hypot(b[point].x - a[point].x, b[point].y - a[point].y);
        if (d > farthest + 0.5) {
            farthest = d;
            best = point;
        }
    }
    return best;
}

/// The key the preview draws the figure being adjusted under (a new exercise has no id yet).
constexpr const char* kOwnFigureKey = "clinic-exercise-figure-preview";

/// The editor's label for a problem path ("exercises[0].default_dose.sets" → "Sets").
std::string fieldLabel(const std::string& path)
{
    static const std::pair<const char*, const char*> kLabels[] = {
        {"name", "Name"}, {"kind", "Kind"}, {"level", "Level"}, {"targets", "Targets"},
        {"start_position", "Start position"}, {"steps", "Steps"}, {"key_cue", "Key cue"}, {"stop_if", "Stop if"},
        {"default_dose.sets", "Sets"}, {"default_dose.reps", "Repetitions"}, {"default_dose.hold_s", "Hold"},
        {"default_dose.rest_s", "Rest"}, {"default_dose.per_day", "Times a day"},
        {"default_dose.days_per_week", "Days a week"}, {"default_dose.load", "Load"},
        {"default_dose.notes", "Dose notes"}, {"default_dose", "Default dose"}, {"equipment", "Equipment"},
        {"demands", "Movement demands"}, {"easier", "Easier version"}, {"harder", "Harder version"},
        {"video_url", "Video link"}, {"picture", "Picture"}, {"figure", "Figure"}, {"id", "Name"},
    };
    std::string rest = path;
    if (const auto dot = rest.find('.'); rest.rfind("exercise", 0) == 0 && dot != std::string::npos)
        rest = rest.substr(dot + 1);
    for (const auto& [key, label] : kLabels)
        if (rest.rfind(key, 0) == 0)
            return label;
    return "Exercise";
}

/// "exercises[0].steps[1]: too long" → "Steps: too long" (the field in the editor's words).
std::string problemText(const FieldProblem& problem)
{
    std::string message = problem.message;
    if (message.rfind(problem.path + ": ", 0) == 0)
        message = message.substr(problem.path.size() + 2);
    // "exercise.own_figure.end.pose.right_elbow" → "Adjusted figure, end: Right elbow bent: …"
    if (const auto at = problem.path.find("own_figure"); at != std::string::npos) {
        std::string where = "Adjusted figure";
        const std::string rest = problem.path.substr(at);
        if (rest.find(".start.") != std::string::npos)
            where += ", start";
        else if (rest.find(".end.") != std::string::npos)
            where += ", end";
        if (const auto dot = rest.rfind('.'); dot != std::string::npos)
            if (const auto joint = core::parseJoint(rest.substr(dot + 1)))
                where += std::string(": ") + jointWords(*joint).side;
        return where + ": " + message;
    }
    return fieldLabel(problem.path) + ": " + message;
}

std::string joined(const std::vector<std::string>& items, const char* separator)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : separator) + item;
    return out;
}

/// The trimmed, non-empty pieces of `text` cut at any of `separators` (steps: lines; equipment:
/// commas or lines).
std::vector<std::string> splitTrimmed(const std::string& text, std::string_view separators)
{
    std::vector<std::string> out;
    std::string piece;
    for (char c : text + std::string(1, separators.front())) {
        if (separators.find(c) != std::string_view::npos) {
            const auto first = piece.find_first_not_of(" \t\r");
            if (first != std::string::npos)
                out.push_back(piece.substr(first, piece.find_last_not_of(" \t\r") - first + 1));
            piece.clear();
        } else {
            piece += c;
        }
    }
    return out;
}

} // namespace

std::string newExerciseId(const std::string& name, const core::ExerciseLibrary& library)
{
    std::string base = "clinic_";
    bool gap = false;
    for (unsigned char c : name) {
        if (std::isalnum(c) && c < 0x80) {
            if (gap && base.back() != '_')
                base += '_';
            base += static_cast<char>(std::tolower(c));
            gap = false;
        } else {
            gap = true;
        }
        if (base.size() >= 48)
            break;
    }
    if (base == "clinic_")
        base += "exercise";
    std::string id = base;
    for (int n = 2; library.find(id); ++n)
        id = base + "_" + std::to_string(n);
    return id;
}

core::ClinicExercise duplicateBuiltin(const core::Exercise& builtin, const core::ExerciseLibrary& library)
{
    core::ClinicExercise copy;
    copy.exercise = builtin;
    copy.exercise.builtin = false;
    copy.exercise.sources.clear();
    copy.exercise.name = builtin.name + " (clinic)";
    copy.exercise.id = newExerciseId(copy.exercise.name, library);
    if (copy.exercise.figureId.empty())
        copy.exercise.figureId = builtin.id;
    return copy;
}

ExerciseEditor::ExerciseEditor(wxWindow* parent, store::Database& db, const core::ExerciseLibrary& library,
                               const render::FigureLibrary& figures, core::ClinicExercise exercise, bool isNew,
                               std::string actor)
    : wxDialog(parent, wxID_ANY, isNew ? "New clinic exercise" : "Edit clinic exercise", wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db), m_library(library), m_figures(figures), m_start(std::move(exercise)), m_isNew(isNew),
      m_actor(std::move(actor)), m_picture(m_start.picture), m_own(m_start.figure)
{
    SetName("hiprx-exercise-editor");
    m_autoArrow = m_own && !m_own->arrow;
    build(m_start);
    guardMouseWheel(this); // the wheel never steps an angle or a dose the therapist did not choose
}

ExerciseEditor::~ExerciseEditor() = default;

void ExerciseEditor::build(const core::ClinicExercise& start)
{
    const core::Exercise& ex = start.exercise;
    const int gap = FromDIP(6);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* book = new wxNotebook(this, wxID_ANY);
    // Page 1: what the patient reads.
    auto* sheet = new wxPanel(book);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);

    // Left column: what the patient reads.
    auto* left = new wxFlexGridSizer(2, gap, gap * 2);
    left->AddGrowableCol(1, 1);
    auto label = [&](const wxString& text) {
        left->Add(new wxStaticText(sheet, wxID_ANY, text), wxSizerFlags().Border(wxTOP, FromDIP(4)));
    };
    auto text = [&](const std::string& key, const wxString& caption, const std::string& value, int lines,
                    const wxString& hint = {}) {
        label(caption);
        auto* t = new wxTextCtrl(sheet, wxID_ANY, toWx(value), wxDefaultPosition,
                                 wxSize(FromDIP(360), lines > 1 ? FromDIP(18 * lines) : -1),
                                 lines > 1 ? wxTE_MULTILINE : 0);
        t->SetName(toWx("exercise." + key));
        if (!hint.empty() && lines == 1) // GTK shows no hint in a multi-line box
            t->SetHint(hint);
        left->Add(t, wxSizerFlags().Expand());
        m_text[key] = t;
    };
    text("name", "&Name", ex.name, 1, "as the patient reads it, e.g. Wall sit");
    label("&Kind");
    m_kind = new wxChoice(sheet, wxID_ANY);
    m_kind->SetName("exercise.kind");
    for (const auto& entry : core::vocabulary<core::ExerciseKind>()) {
        m_kind->Append(toWx(std::string(entry.label)));
        if (entry.value == ex.kind)
            m_kind->SetSelection(m_kind->GetCount() - 1);
    }
    left->Add(m_kind);
    label("&Level (1 easiest - 5 hardest)");
    m_level = new wxSpinCtrl(sheet, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                             core::kExerciseLevelRange.min, core::kExerciseLevelRange.max,
                             ex.level > 0 ? ex.level : 2);
    m_level->SetName("exercise.level");
    left->Add(m_level);
    text("start_position", "Start &position", ex.startPosition, 2, "one sentence");
    text("steps", "&Steps (one a line)", joined(ex.steps, "\n"), 5);
    text("key_cue", "Key &cue", ex.keyCue, 1, "the one thing to get right");
    text("stop_if", "S&top if", ex.stopIf, 1, "e.g. pain spreads down the leg");
    text("equipment", "E&quipment", joined(ex.equipment, ", "), 1, "comma between items, e.g. mat, chair");
    text("video_url", "&Video link", ex.videoUrl, 1, "https://… (printed as a QR code)");

    label("Default dose");
    auto* dose = new wxFlexGridSizer(4, FromDIP(2), gap);
    auto spin = [&](const std::string& key, const wxString& caption, int value, int min, int max) {
        dose->Add(new wxStaticText(sheet, wxID_ANY, caption), wxSizerFlags().CenterVertical());
        auto* s = new wxSpinCtrl(sheet, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                                 min, max, value);
        s->SetName(toWx("exercise.dose." + key));
        dose->Add(s);
        m_dose[key] = s;
    };
    const core::Dose& d = ex.defaultDose;
    spin("sets", "Sets", d.sets, 1, core::DoseLimits::kMaxSets);
    spin("reps", "Reps", d.reps, 1, core::DoseLimits::kMaxReps);
    spin("hold_s", "Hold s", d.holdS, 0, core::DoseLimits::kMaxHoldS);
    spin("rest_s", "Rest s", d.restS, 0, core::DoseLimits::kMaxRestS);
    spin("per_day", "A day", d.perDay, 1, core::DoseLimits::kMaxPerDay);
    spin("days_per_week", "Days/wk", d.daysPerWeek, 1, 7);
    left->Add(dose);
    text("load", "Load", d.load, 1, "band colour, weight or body weight");
    text("dose_notes", "Dose notes", d.notes, 1, "e.g. each direction");

    columns->Add(left, wxSizerFlags(1).Expand().Border(wxALL, gap * 2));
    sheet->SetSizer(columns);
    book->AddPage(sheet, "What the patient reads");

    // Page 2: what the precaution screen and the planner read.
    sheet = new wxPanel(book);
    auto* right = new wxBoxSizer(wxVERTICAL);
    m_sided = new wxCheckBox(sheet, wxID_ANY, "Done with one leg at a time (left and right are separate)");
    m_sided->SetName("exercise.sided");
    m_sided->SetValue(ex.sided);
    right->Add(m_sided, wxSizerFlags().Border(wxBOTTOM, gap));
    right->Add(new wxStaticText(sheet, wxID_ANY, "&Targets"));
    wxArrayString targetNames;
    for (const auto& entry : core::vocabulary<core::MuscleGroup>())
        targetNames.Add(toWx(std::string(entry.label)));
    m_targets = new wxCheckListBox(sheet, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(300), FromDIP(110)),
                                   targetNames);
    m_targets->SetName("exercise.targets");
    {
        unsigned i = 0;
        for (const auto& entry : core::vocabulary<core::MuscleGroup>()) {
            m_targets->Check(i, std::find(ex.targets.begin(), ex.targets.end(), entry.value) != ex.targets.end());
            ++i;
        }
    }
    right->Add(m_targets, wxSizerFlags().Expand().Border(wxBOTTOM, gap));
    auto* demandBox = new wxStaticBoxSizer(wxVERTICAL, sheet,
                                           "What it asks of the body (precautions exclude it by these)");
    for (const auto& words : kDemandWords) {
        std::string caption = words.label;
        if (*words.explanation)
            caption += std::string(" - ") + words.explanation;
        auto* box = new wxCheckBox(demandBox->GetStaticBox(), wxID_ANY, toWx(caption));
        box->SetName(toWx("exercise.demand." + std::string(core::toId(words.demand))));
        box->SetValue(ex.demands.count(words.demand) > 0);
        demandBox->Add(box, wxSizerFlags().Border(wxTOP, FromDIP(1)));
        m_demands.push_back(box);
    }
    right->Add(demandBox, wxSizerFlags().Expand().Border(wxBOTTOM, gap));
    m_leftOutFor = new wxStaticText(sheet, wxID_ANY, "");
    right->Add(m_leftOutFor, wxSizerFlags().Expand());
    auto* page2 = new wxBoxSizer(wxVERTICAL);
    page2->Add(right, wxSizerFlags(1).Expand().Border(wxALL, gap * 2));
    sheet->SetSizer(page2);
    book->AddPage(sheet, "Targets and demands");

    // Page 3: the picture on the card, and the easier and harder versions.
    sheet = new wxPanel(book);
    right = new wxBoxSizer(wxVERTICAL);
    auto* pictureBox = new wxStaticBoxSizer(wxVERTICAL, sheet, "Picture on the handout card");
    auto* pictureParent = pictureBox->GetStaticBox();
    auto* figureRow = new wxBoxSizer(wxHORIZONTAL);
    m_useFigure = new wxRadioButton(pictureParent, wxID_ANY, "&Figure of", wxDefaultPosition, wxDefaultSize,
                                    wxRB_GROUP);
    figureRow->Add(m_useFigure, wxSizerFlags().CenterVertical());
    m_figureChoice = new wxChoice(pictureParent, wxID_ANY);
    m_figureChoice->SetName("exercise.figure");
    std::vector<const core::Exercise*> withFigures;
    for (const auto& other : m_library.all())
        if (other.builtin && m_figures.has(other.figureId.empty() ? other.id : other.figureId))
            withFigures.push_back(&other);
    std::sort(withFigures.begin(), withFigures.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
    for (const auto* other : withFigures) {
        const std::string figure = other->figureId.empty() ? other->id : other->figureId;
        m_figureIds.push_back(figure);
        m_figureChoice->Append(toWx(other->name));
        if (figure == ex.figureId)
            m_figureChoice->SetSelection(m_figureChoice->GetCount() - 1);
    }
    figureRow->Add(m_figureChoice, wxSizerFlags(1).Border(wxLEFT, gap));
    pictureBox->Add(figureRow, wxSizerFlags().Expand());
    auto* ownRow = new wxBoxSizer(wxHORIZONTAL);
    m_useOwnFigure = new wxRadioButton(pictureParent, wxID_ANY, "&Adjust a figure, starting from");
    m_useOwnFigure->SetName("exercise.own_figure");
    ownRow->Add(m_useOwnFigure, wxSizerFlags().CenterVertical());
    m_baseChoice = new wxChoice(pictureParent, wxID_ANY);
    m_baseChoice->SetName("exercise.own_figure.base");
    for (std::string_view posture : core::basePoseNames()) {
        m_bases.push_back({std::string(posture), {}});
        m_baseChoice->Append(toWx("Posture: " + postureWords(posture)));
    }
    for (std::size_t i = 0; i < m_figureIds.size(); ++i) {
        m_bases.push_back({{}, m_figureIds[i]});
        m_baseChoice->Append(toWx("Figure of " + fromWx(m_figureChoice->GetString(static_cast<unsigned>(i)))));
    }
    ownRow->Add(m_baseChoice, wxSizerFlags(1).Border(wxLEFT, gap));
    pictureBox->Add(ownRow, wxSizerFlags().Expand().Border(wxTOP, gap));
    auto* pictureRow = new wxBoxSizer(wxHORIZONTAL);
    m_usePicture = new wxRadioButton(pictureParent, wxID_ANY, "&Photo or drawing");
    pictureRow->Add(m_usePicture, wxSizerFlags().CenterVertical());
    auto* choose = new wxButton(pictureParent, wxID_ANY, toWx("Ch&oose file…"));
    pictureRow->Add(choose, wxSizerFlags().Border(wxLEFT, gap));
    pictureBox->Add(pictureRow, wxSizerFlags().Border(wxTOP, gap));
    m_pictureInfo = new wxStaticText(pictureParent, wxID_ANY, "");
    pictureBox->Add(m_pictureInfo, wxSizerFlags().Border(wxTOP, FromDIP(2)));
    auto* previewRow = new wxBoxSizer(wxHORIZONTAL);
    m_preview = new FigurePanel(pictureParent, m_figures, wxID_ANY, FromDIP(wxSize(420, 240)));
    m_preview->SetMinSize(FromDIP(wxSize(420, 240)));
    previewRow->Add(m_preview, wxSizerFlags(1).Top());
    buildJointGrid(pictureParent, previewRow);
    pictureBox->Add(previewRow, wxSizerFlags().Expand().Border(wxTOP, gap));
    right->Add(pictureBox, wxSizerFlags().Expand().Border(wxBOTTOM, gap * 2));
    auto* links = new wxFlexGridSizer(2, gap, gap * 2);
    links->AddGrowableCol(1, 1);
    // Easier/harder: one link each here (more stay as they were).
    m_linkIds.push_back("");
    std::vector<const core::Exercise*> others;
    for (const auto& other : m_library.all())
        if (other.id != ex.id)
            others.push_back(&other);
    std::sort(others.begin(), others.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
    auto linkChoice = [&](const wxString& caption, const std::vector<std::string>& current, const char* name) {
        links->Add(new wxStaticText(sheet, wxID_ANY, caption), wxSizerFlags().CenterVertical());
        auto* c = new wxChoice(sheet, wxID_ANY);
        c->SetName(name);
        c->Append("(none)");
        c->SetSelection(0);
        for (const auto* other : others) {
            c->Append(toWx(other->name));
            if (!current.empty() && current.front() == other->id)
                c->SetSelection(c->GetCount() - 1);
        }
        links->Add(c, wxSizerFlags().Expand());
        return c;
    };
    for (const auto* other : others)
        m_linkIds.push_back(other->id);
    m_easier = linkChoice("&Easier version", ex.easier, "exercise.easier");
    m_harder = linkChoice("&Harder version", ex.harder, "exercise.harder");
    right->Add(links, wxSizerFlags().Expand());
    auto* page3 = new wxBoxSizer(wxVERTICAL);
    page3->Add(right, wxSizerFlags(1).Expand().Border(wxALL, gap * 2));
    sheet->SetSizer(page3);
    book->AddPage(sheet, "Picture and links");
    outer->Add(book, wxSizerFlags(1).Expand().Border(wxALL, gap));

    m_problems = new wxStaticText(this, wxID_ANY, "");
    m_problems->SetForegroundColour(wxColour(183, 28, 28));
    outer->Add(m_problems, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap * 2));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel("&Save exercise");
    outer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap * 2));
    SetSizerAndFit(outer);

    (m_picture ? m_usePicture : m_own ? m_useOwnFigure : m_useFigure)->SetValue(true);
    m_useFigure->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { refreshPreview(); });
    m_useOwnFigure->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
        if (!m_own) {
            // Start from the built-in figure chosen above, else from standing.
            std::size_t from = 0;
            const int figure = m_figureChoice->GetSelection();
            for (std::size_t i = 0; i < m_bases.size(); ++i)
                if (figure >= 0 && m_bases[i].figureId == m_figureIds[static_cast<std::size_t>(figure)])
                    from = i;
            m_baseChoice->SetSelection(static_cast<int>(from));
            startOwnFigure(from);
        }
        refreshPreview();
    });
    m_baseChoice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (const int sel = m_baseChoice->GetSelection(); sel >= 0)
            startOwnFigure(static_cast<std::size_t>(sel));
    });
    m_usePicture->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
        if (!m_picture)
            choosePictureFile();
        refreshPreview();
    });
    m_figureChoice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        m_useFigure->SetValue(true);
        refreshPreview();
    });
    choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choosePictureFile(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (save())
            e.Skip();
    }, wxID_OK);
    for (auto* box : m_demands)
        box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refreshLeftOutFor(); });
    refreshLeftOutFor();
    refreshPreview();
    m_text.at("name")->SetFocus();
    CentreOnParent();
}

void ExerciseEditor::refreshPreview()
{
    const bool picture = m_usePicture->GetValue() && m_picture;
    const bool own = m_useOwnFigure->GetValue() && m_own;
    m_jointPanel->Enable(own);
    if (own) {
        // The figure library's own drawing code, in the clinic's colours, with the one figure.
        core::FigureSpec spec = *m_own;
        spec.id = kOwnFigureKey;
        auto drawer = std::make_unique<render::FigureLibrary>(
            std::map<std::string, core::FigureSpec>{{kOwnFigureKey, spec}}, m_figures.style());
        m_preview->setDrawer(*drawer);
        m_ownDrawer = std::move(drawer);
        m_preview->setFigure(kOwnFigureKey);
        m_pictureInfo->SetLabel(m_picture ? "A picture is kept; choose Photo or drawing to use it." : "");
    } else if (picture) {
        // The card's own drawing code, with the picture under a key of its own (a new exercise has
        // no id until it is saved).
        const std::string key = "clinic-exercise-picture-preview";
        std::map<std::string, core::ExercisePicture, std::less<>> one{{key, *m_picture}};
        m_previewDrawer = std::make_unique<render::PictureFigures>(std::move(one), &m_figures);
        m_preview->setDrawer(*m_previewDrawer);
        m_preview->setFigure(key);
        m_pictureInfo->SetLabel(toWx(std::string(m_picture->type == core::PictureType::Png ? "PNG" : "JPEG") + ", " +
                                     std::to_string(m_picture->width) + " × " + std::to_string(m_picture->height) +
                                     " pixels"));
    } else {
        m_preview->setDrawer(m_figures);
        const int sel = m_figureChoice->GetSelection();
        m_preview->setFigure(sel >= 0 ? m_figureIds[static_cast<std::size_t>(sel)] : std::string());
        m_pictureInfo->SetLabel(m_picture ? "A picture is kept; choose Photo or drawing to use it." : "");
    }
}

void ExerciseEditor::refreshLeftOutFor()
{
    // Which precautions would leave it out, as the screen will (the same rule table).
    core::Exercise probe;
    for (std::size_t i = 0; i < m_demands.size(); ++i)
        if (m_demands[i]->GetValue())
            probe.demands.insert(kDemandWords[i].demand);
    std::set<core::Precaution> all;
    for (const auto& entry : core::vocabulary<core::Precaution>())
        all.insert(entry.value);
    std::set<std::string> names;
    for (const auto& exclusion : core::exclusionsFor(probe, all))
        if (const auto precaution = core::fromId<core::Precaution>(exclusion.cause))
            names.insert(std::string(core::label(*precaution)));
    std::string text = names.empty() ? "No precaution leaves it out." : "Left out for patients with: ";
    std::string list;
    for (const auto& name : names)
        list += (list.empty() ? "" : "; ") + name;
    m_leftOutFor->SetLabel(toWx(text + list + (names.empty() ? "" : ".")));
    m_leftOutFor->Wrap(FromDIP(520));
}

void ExerciseEditor::choosePictureFile()
{
    wxFileDialog dialog(this, "Choose a photo or drawing", "", "", "Pictures (*.png;*.jpg;*.jpeg)|*.png;*.jpg;*.jpeg",
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) {
        if (!m_picture)
            m_useFigure->SetValue(true);
        return;
    }
    std::ifstream in(dialog.GetPath().fn_str(), std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        m_problems->SetLabel("Picture: the file could not be read.");
        return;
    }
    if (bytes.size() > render::PictureFileLimits::kMaxFileBytes) {
        m_problems->SetLabel(toWx("Picture: the file is larger than " +
                                  std::to_string(render::PictureFileLimits::kMaxFileBytes / (1024 * 1024)) +
                                  " MB; make it smaller first."));
        return;
    }
    importPicture(std::move(bytes));
}

bool ExerciseEditor::importPicture(std::vector<std::uint8_t> bytes)
{
    try {
        m_picture = render::preparePicture(std::move(bytes), "picture");
    } catch (const InputError& e) {
        std::string text;
        for (const auto& p : e.problems())
            text += (text.empty() ? "" : "\n") + problemText(p);
        m_problems->SetLabel(toWx(text));
        Layout();
        return false;
    }
    m_problems->SetLabel("");
    m_usePicture->SetValue(true);
    refreshPreview();
    return true;
}

void ExerciseEditor::useFigure(const std::string& figureId)
{
    for (std::size_t i = 0; i < m_figureIds.size(); ++i)
        if (m_figureIds[i] == figureId)
            m_figureChoice->SetSelection(static_cast<int>(i));
    m_useFigure->SetValue(true);
    refreshPreview();
}

core::ClinicExercise ExerciseEditor::exercise() const
{
    core::ClinicExercise out = m_start;
    core::Exercise& ex = out.exercise;
    const auto get = [&](const char* key) { return fromWx(m_text.at(key)->GetValue().Strip(wxString::both)); };
    ex.builtin = false;
    ex.name = get("name");
    if (m_isNew)
        ex.id = newExerciseId(ex.name, m_library);
    if (const int k = m_kind->GetSelection(); k >= 0)
        ex.kind = core::vocabulary<core::ExerciseKind>()[static_cast<std::size_t>(k)].value;
    ex.level = m_level->GetValue();
    ex.sided = m_sided->GetValue();
    ex.targets.clear();
    {
        unsigned i = 0;
        for (const auto& entry : core::vocabulary<core::MuscleGroup>())
            if (m_targets->IsChecked(i++))
                ex.targets.push_back(entry.value);
    }
    ex.startPosition = get("start_position");
    ex.steps = splitTrimmed(fromWx(m_text.at("steps")->GetValue()), "\n");
    ex.keyCue = get("key_cue");
    ex.stopIf = get("stop_if");
    ex.equipment = splitTrimmed(get("equipment"), ",\n");
    ex.videoUrl = get("video_url");
    ex.defaultDose.sets = m_dose.at("sets")->GetValue();
    ex.defaultDose.reps = m_dose.at("reps")->GetValue();
    ex.defaultDose.holdS = m_dose.at("hold_s")->GetValue();
    ex.defaultDose.restS = m_dose.at("rest_s")->GetValue();
    ex.defaultDose.perDay = m_dose.at("per_day")->GetValue();
    ex.defaultDose.daysPerWeek = m_dose.at("days_per_week")->GetValue();
    ex.defaultDose.load = get("load");
    ex.defaultDose.notes = get("dose_notes");
    ex.demands.clear();
    for (std::size_t i = 0; i < m_demands.size(); ++i)
        if (m_demands[i]->GetValue())
            ex.demands.insert(kDemandWords[i].demand);
    const auto link = [&](wxChoice* choice, std::vector<std::string>& links) {
        const int sel = choice->GetSelection();
        const std::string id = sel > 0 ? m_linkIds[static_cast<std::size_t>(sel)] : std::string();
        if (!links.empty())
            links.erase(links.begin());
        if (!id.empty())
            links.insert(links.begin(), id);
    };
    link(m_easier, ex.easier);
    link(m_harder, ex.harder);
    const int figure = m_figureChoice->GetSelection();
    out.picture.reset();
    out.figure.reset();
    if (m_usePicture->GetValue() && m_picture) {
        out.picture = m_picture; // the store makes the picture its figure
    } else if (m_useOwnFigure->GetValue() && m_own) {
        out.figure = m_own; // … and the own figure too, under the exercise's id
        out.figure->id = ex.id;
    } else {
        ex.figureId = figure >= 0 ? m_figureIds[static_cast<std::size_t>(figure)] : std::string();
    }
    return out;
}

bool ExerciseEditor::save()
{
    const core::ClinicExercise candidate = exercise();
    store::ExerciseRepository repo(m_db);
    const std::vector<FieldProblem> problems = repo.problemsWith({candidate});
    if (!problems.empty()) {
        std::string text;
        for (const auto& p : problems)
            text += (text.empty() ? "" : "\n") + problemText(p);
        m_problems->SetLabel(toWx(text));
        m_problems->Wrap(GetClientSize().x - FromDIP(24));
        Layout();
        return false;
    }
    try {
        repo.saveClinicExercise(candidate, {m_actor});
    } catch (const std::exception& e) {
        m_problems->SetLabel(toWx(std::string("The exercise could not be saved: ") + e.what()));
        Layout();
        return false;
    }
    m_problems->SetLabel("");
    return true;
}

std::string ExerciseEditor::problems() const { return fromWx(m_problems->GetLabel()); }

void ExerciseEditor::buildJointGrid(wxWindow* parent, wxSizer* into)
{
    // Rows: the whole body, back and head (start, end), then each joint of the right and the left
    // leg and arm (start and end of each side). Limits follow the view (showAngles).
    m_jointPanel = new wxPanel(parent, wxID_ANY);
    m_jointPanel->SetName("exercise.own_figure.angles");
    auto* grid = new wxGridBagSizer(FromDIP(2), FromDIP(6));
    const auto caption = [&](const wxString& text, int row, int col, int span = 1) {
        auto* t = new wxStaticText(m_jointPanel, wxID_ANY, text);
        grid->Add(t, wxGBPosition(row, col), wxGBSpan(1, span), wxALIGN_CENTER_HORIZONTAL | wxALIGN_BOTTOM);
    };
    m_viewInfo = new wxStaticText(m_jointPanel, wxID_ANY, "");
    grid->Add(m_viewInfo, wxGBPosition(0, 0), wxGBSpan(1, 5));
    caption("Start", 1, 1);
    caption("End", 1, 2);
    int row = 2;
    const auto spinRow = [&](core::Joint joint, int col) {
        const auto j = static_cast<std::size_t>(joint);
        if (col == 1) {
            m_jointLabels[j] = new wxStaticText(m_jointPanel, wxID_ANY, "");
            grid->Add(m_jointLabels[j], wxGBPosition(row, 0), wxDefaultSpan, wxALIGN_CENTER_VERTICAL);
        }
        for (int frame = 0; frame < 2; ++frame) {
            auto* spin = new wxSpinCtrl(m_jointPanel, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                                        wxSP_ARROW_KEYS, -180, 180, 0);
            spin->SetName(toWx(std::string(frame == 0 ? "exercise.own_figure.start." : "exercise.own_figure.end.") +
                               std::string(core::jointName(joint))));
            const bool end = frame == 1;
            spin->Bind(wxEVT_SPINCTRL, [this, end, joint](wxSpinEvent&) { onAngle(end, joint); });
            spin->Bind(wxEVT_TEXT, [this, end, joint](wxCommandEvent&) { onAngle(end, joint); });
            grid->Add(spin, wxGBPosition(row, col + frame));
            m_angles[static_cast<std::size_t>(frame)][j] = spin;
        }
    };
    for (core::Joint joint : {core::Joint::Pelvis, core::Joint::Spine, core::Joint::Neck}) {
        spinRow(joint, 1);
        ++row;
    }
    // The leg and arm joints: right side (start, end), then left side (start, end), one row each.
    caption("Right side", row, 1, 2);
    caption("Left side", row, 3, 2);
    ++row;
    caption("Start", row, 1);
    caption("End", row, 2);
    caption("Start", row, 3);
    caption("End", row, 4);
    ++row;
    const std::pair<core::Joint, core::Joint> limbs[] = {
        {core::Joint::RightHip, core::Joint::LeftHip},           {core::Joint::RightKnee, core::Joint::LeftKnee},
        {core::Joint::RightAnkle, core::Joint::LeftAnkle},       {core::Joint::RightShoulder, core::Joint::LeftShoulder},
        {core::Joint::RightElbow, core::Joint::LeftElbow},
    };
    for (const auto& [right, left] : limbs) {
        spinRow(right, 1);
        spinRow(left, 3);
        // One label for both sides: "Hip bent" rather than "Right hip bent".
        m_jointLabels[static_cast<std::size_t>(left)] = nullptr;
        ++row;
    }
    auto* note = new wxStaticText(m_jointPanel, wxID_ANY,
                                  "Angles in degrees. The card shows the right side working; for the left side "
                                  "it is drawn mirrored.");
    note->Wrap(FromDIP(480));
    grid->Add(note, wxGBPosition(row, 0), wxGBSpan(1, 5), wxTOP, FromDIP(4));
    m_jointPanel->SetSizer(grid);
    into->Add(m_jointPanel, wxSizerFlags().Border(wxLEFT, FromDIP(12)));
    showAngles();
}

void ExerciseEditor::showAngles()
{
    m_showingAngles = true;
    const core::FigureView view = m_own ? m_own->view : core::FigureView::Side;
    m_viewInfo->SetLabel(!m_own                               ? "Choose what the figure starts from."
                         : view == core::FigureView::Side  ? "Seen from the side."
                         : view == core::FigureView::Front ? "Seen from the front."
                                                           : "Standing, seen from above: the person faces up.");
    for (std::size_t j = 0; j < core::kJointCount; ++j) {
        const auto joint = static_cast<core::Joint>(j);
        if (auto* label = m_jointLabels[j]) {
            std::string words = wordsIn(jointWords(joint), view);
            if (const auto cut = words.find("Right "); cut == 0)
                words = std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(words[6])))) +
                        words.substr(7);
            label->SetLabel(toWx(words));
        }
        for (std::size_t frame = 0; frame < 2; ++frame) {
            wxSpinCtrl* spin = m_angles[frame][j];
            if (!m_own) {
                spin->SetValue(0);
                continue;
            }
            const core::Pose& pose = frame == 0 ? m_own->start : m_own->end;
            const auto [min, max] = spinLimits(joint, *m_own, pose, pose[joint]);
            spin->SetRange(min, max);
            spin->SetValue(static_cast<int>(std::lround(pose[joint])));
        }
    }
    m_showingAngles = false;
    m_jointPanel->Layout();
}

void ExerciseEditor::startOwnFigure(std::size_t index)
{
    if (index >= m_bases.size())
        return;
    const BaseChoice& base = m_bases[index];
    core::FigureSpec spec;
    if (!base.posture.empty()) {
        const auto posture = core::basePose(base.posture);
        if (!posture)
            return;
        spec.view = posture->view;
        spec.start = posture->pose;
        spec.end = posture->pose;
        m_autoArrow = true;
    } else if (const core::FigureSpec* figure = m_figures.find(base.figureId)) {
        spec = *figure;
        m_autoArrow = false;
    } else {
        return;
    }
    m_own = spec;
    m_useOwnFigure->SetValue(true);
    showAngles();
    refreshPreview();
}

void ExerciseEditor::onAngle(bool endFrame, core::Joint joint)
{
    if (!m_own || m_showingAngles)
        return;
    wxSpinCtrl* spin = m_angles[endFrame ? 1 : 0][static_cast<std::size_t>(joint)];
    core::Pose& pose = endFrame ? m_own->end : m_own->start;
    const int value = spin->GetValue();
    // A value shown rounded is kept as it was until the therapist changes it.
    if (static_cast<int>(std::lround(pose[joint])) == value)
        return;
    pose[joint] = value;
    if (m_autoArrow)
        m_own->arrow = mostMoved(*m_own);
    refreshPreview();
}

bool ExerciseEditor::adjustFigureFrom(const std::string& base)
{
    for (std::size_t i = 0; i < m_bases.size(); ++i)
        if (m_bases[i].posture == base || m_bases[i].figureId == base) {
            m_baseChoice->SetSelection(static_cast<int>(i));
            startOwnFigure(i);
            return true;
        }
    return false;
}

void ExerciseEditor::setJointAngle(bool endFrame, core::Joint joint, int degrees)
{
    m_angles[endFrame ? 1 : 0][static_cast<std::size_t>(joint)]->SetValue(degrees);
    onAngle(endFrame, joint);
}

std::optional<int> ExerciseEditor::jointAngle(bool endFrame, core::Joint joint) const
{
    const wxSpinCtrl* spin = m_angles[endFrame ? 1 : 0][static_cast<std::size_t>(joint)];
    if (!spin || !m_jointPanel->IsEnabled())
        return std::nullopt;
    return spin->GetValue();
}

void ExerciseEditor::setField(const std::string& key, const std::string& value)
{
    if (const auto t = m_text.find(key); t != m_text.end()) {
        t->second->SetValue(toWx(value));
        return;
    }
    if (const auto s = m_dose.find(key); s != m_dose.end())
        s->second->SetValue(std::stoi(value));
}

void ExerciseEditor::setDemand(core::MovementDemand demand, bool on)
{
    for (std::size_t i = 0; i < m_demands.size(); ++i)
        if (kDemandWords[i].demand == demand)
            m_demands[i]->SetValue(on);
}

void ExerciseEditor::setTarget(core::MuscleGroup group, bool on)
{
    unsigned i = 0;
    for (const auto& entry : core::vocabulary<core::MuscleGroup>()) {
        if (entry.value == group)
            m_targets->Check(i, on);
        ++i;
    }
}

// ---------------------------------------------------------------------------------------------

ClinicExercisesDialog::ClinicExercisesDialog(wxWindow* parent, store::Database& db, const render::FigureLibrary& figures,
                                             std::string actor, std::function<bool(const wxString&)> confirm)
    : wxDialog(parent, wxID_ANY, "Clinic exercises", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db), m_figures(figures), m_actor(std::move(actor)), m_confirm(std::move(confirm))
{
    SetName("hiprx-clinic-exercises");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   "The clinic's own exercises. They are screened by the same precautions as the "
                                   "built-in ones. A retired exercise is no longer offered; programs already issued "
                                   "with it keep it as it was.");
    intro->Wrap(FromDIP(620));
    sizer->Add(intro, wxSizerFlags().Border(wxALL, gap));
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(640), FromDIP(260)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("clinic_exercises.list");
    m_list->AppendColumn("Exercise", wxLIST_FORMAT_LEFT, FromDIP(280));
    m_list->AppendColumn("Kind", wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn("Picture", wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn("Offered", wxLIST_FORMAT_LEFT, FromDIP(110));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, toWx("&New…"));
    auto* copy = new wxButton(this, wxID_ANY, toWx("&Duplicate a built-in…"));
    auto* edit = new wxButton(this, wxID_ANY, toWx("&Edit…"));
    auto* retire = new wxButton(this, wxID_ANY, toWx("&Retire / offer again"));
    for (auto* b : {add, copy, edit, retire})
        row->Add(b, wxSizerFlags().Border(wxRIGHT, gap));
    sizer->Add(row, wxSizerFlags().Border(wxALL, gap));
    sizer->Add(CreateStdDialogButtonSizer(wxCLOSE), wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { newExercise(); });
    copy->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::vector<const core::Exercise*> builtins;
        for (const auto& ex : m_all.all())
            if (ex.builtin)
                builtins.push_back(&ex);
        std::sort(builtins.begin(), builtins.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
        wxArrayString names;
        for (const auto* ex : builtins)
            names.Add(toWx(ex->name));
        wxSingleChoiceDialog pick(this, "Which built-in exercise should the new one start from?",
                                  "Duplicate a built-in", names);
        if (pick.ShowModal() == wxID_OK && pick.GetSelection() >= 0)
            newExercise(builtins[static_cast<std::size_t>(pick.GetSelection())]->id);
    });
    const auto editSelected = [this] {
        if (const int chosen = selected(); chosen >= 0)
            this->edit(m_exercises[static_cast<std::size_t>(chosen)], false);
    };
    edit->Bind(wxEVT_BUTTON, [editSelected](wxCommandEvent&) { editSelected(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [editSelected](wxListEvent&) { editSelected(); });
    retire->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const int chosen = selected(); chosen >= 0)
            toggleRetired(chosen);
    });
    refresh();
    CentreOnParent();
}

void ClinicExercisesDialog::refresh()
{
    store::ExerciseRepository repo(m_db);
    m_all = repo.loadWithRetired();
    m_exercises = repo.clinicExercises();
    std::sort(m_exercises.begin(), m_exercises.end(),
              [](const auto& a, const auto& b) { return a.exercise.name < b.exercise.name; });
    m_list->DeleteAllItems();
    long i = 0;
    for (const auto& c : m_exercises) {
        m_list->InsertItem(i, toWx(c.exercise.name));
        m_list->SetItem(i, 1, toWx(std::string(core::label(c.exercise.kind))));
        m_list->SetItem(i, 2, c.picture                      ? "photo or drawing"
                              : c.figure                     ? "adjusted figure"
                              : c.exercise.figureId.empty() ? "none"
                                                             : "figure");
        m_list->SetItem(i, 3, c.retired ? "retired" : "yes");
        ++i;
    }
}

int ClinicExercisesDialog::rows() const { return m_list->GetItemCount(); }

int ClinicExercisesDialog::selected() const
{
    return static_cast<int>(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
}

void ClinicExercisesDialog::newExercise(const std::string& builtinId)
{
    core::ClinicExercise start;
    if (const auto* builtin = builtinId.empty() ? nullptr : m_all.find(builtinId)) {
        start = duplicateBuiltin(*builtin, m_all);
    } else {
        start.exercise.builtin = false;
        start.exercise.level = 2;
    }
    edit(std::move(start), true);
}

void ClinicExercisesDialog::edit(core::ClinicExercise exercise, bool isNew)
{
    ExerciseEditor editor(this, m_db, m_all, m_figures, std::move(exercise), isNew, m_actor);
    if (editor.ShowModal() == wxID_OK) {
        m_changed = true;
        refresh();
    }
}

void ClinicExercisesDialog::editExercise(int row)
{
    if (row >= 0 && row < static_cast<int>(m_exercises.size()))
        edit(m_exercises[static_cast<std::size_t>(row)], false);
}

bool ClinicExercisesDialog::toggleRetired(int row)
{
    if (row < 0 || row >= static_cast<int>(m_exercises.size()))
        return false;
    const core::ClinicExercise& c = m_exercises[static_cast<std::size_t>(row)];
    const bool retire = !c.retired;
    const std::string question =
        retire ? "Retire " + c.exercise.name +
                     "?\n\nIt is no longer offered for new programs; programs already issued with it keep it."
               : "Offer " + c.exercise.name + " again for new programs?";
    if (m_confirm && !m_confirm(toWx(question)))
        return false;
    store::ExerciseRepository(m_db).setRetired(c.exercise.id, retire, {m_actor});
    m_changed = true;
    refresh();
    return true;
}

} // namespace hiprx::app
