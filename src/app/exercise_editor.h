// SPDX-License-Identifier: GPL-3.0-or-later
//
// The clinic's own exercises in the app (Library menu): a list of them (retired ones marked) with
// New, Duplicate a built-in, Edit and Retire / Offer again, and the editor for one exercise —
// name, kind, level, targets, start position, numbered steps, key cue, stop-if line, default dose,
// equipment, movement demands as plain-language boxes, easier/harder links, video link, and its
// picture: a built-in figure, a figure of its own (a built-in figure or a base posture with the
// joint angles of its start and end frames adjusted) or a photo or drawing (PNG/JPEG, checked and
// scaled down on import), previewed live by the same drawing code as the PDF card. Everything is checked before anything is
// saved; each problem names its field. Saving goes through store::ExerciseRepository, which
// screens ids and links and writes the audit row.
#pragma once

#include "core/clinic_exercise.h"
#include "render/figure_drawer.h"
#include "render/picture.h"
#include "store/database.h"

#include <wx/dialog.h>

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

class wxCheckBox;
class wxCheckListBox;
class wxChoice;
class wxListCtrl;
class wxRadioButton;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {

class FigurePanel;

/// Edits one clinic exercise. `library` holds every exercise (retired ones too) for the links and
/// the built-in figures; `figures` draws them (and gives their poses to adjust). Both must outlive
/// the dialog.
class ExerciseEditor : public wxDialog {
public:
    ExerciseEditor(wxWindow* parent, store::Database& db, const core::ExerciseLibrary& library,
                   const render::FigureLibrary& figures, core::ClinicExercise exercise, bool isNew, std::string actor);
    ~ExerciseEditor() override;

    /// The exercise as typed (not checked).
    core::ClinicExercise exercise() const;
    /// Checks everything (fields, picture, links, id) and saves in one transaction; false with the
    /// problems shown, each naming its field, and nothing saved.
    bool save();
    std::string problems() const;

    /// Test hooks, as a person would type or choose.
    void setField(const std::string& key, const std::string& value);
    void setDemand(core::MovementDemand demand, bool on);
    void setTarget(core::MuscleGroup group, bool on);
    /// Imports a picture file's bytes (checked and scaled down); false with the problem shown.
    bool importPicture(std::vector<std::uint8_t> bytes);
    /// Shows a built-in figure instead of a picture.
    void useFigure(const std::string& figureId);
    bool hasPicture() const { return m_picture.has_value(); }
    const FigurePanel* preview() const { return m_preview; }
    /// Chooses "Adjust a figure" starting from `base`: a base posture's name (`standing`) or a
    /// built-in figure's id (`glute_bridge`); false when there is no such choice.
    bool adjustFigureFrom(const std::string& base);
    /// Sets a joint's angle of the start (or end) frame as its spin control would.
    void setJointAngle(bool endFrame, core::Joint joint, int degrees);
    /// The angle a joint's spin control shows, or nothing when the control is hidden.
    std::optional<int> jointAngle(bool endFrame, core::Joint joint) const;
    /// The figure being adjusted (nothing when none was started).
    const std::optional<core::FigureSpec>& ownFigure() const { return m_own; }

private:
    void build(const core::ClinicExercise& start);
    void refreshPreview();
    void refreshLeftOutFor();
    void choosePictureFile();
    void buildJointGrid(wxWindow* parent, wxSizer* into);
    /// Starts the own figure from base choice `index`, shows its angles and previews it.
    void startOwnFigure(std::size_t index);
    /// Shows the own figure's angles in the spin controls (labels and limits follow its view).
    void showAngles();
    void onAngle(bool endFrame, core::Joint joint);

    store::Database& m_db;
    const core::ExerciseLibrary& m_library;
    const render::FigureLibrary& m_figures;
    core::ClinicExercise m_start;
    bool m_isNew;
    std::string m_actor;

    std::map<std::string, wxTextCtrl*> m_text;
    std::map<std::string, wxSpinCtrl*> m_dose;
    wxChoice* m_kind = nullptr;
    wxSpinCtrl* m_level = nullptr;
    wxCheckBox* m_sided = nullptr;
    wxCheckListBox* m_targets = nullptr;
    std::vector<wxCheckBox*> m_demands;
    wxChoice* m_easier = nullptr;
    wxChoice* m_harder = nullptr;
    std::vector<std::string> m_linkIds; ///< "" then every other exercise, by name
    wxChoice* m_figureChoice = nullptr;
    std::vector<std::string> m_figureIds; ///< built-in figures, in the choice's order
    wxRadioButton* m_useFigure = nullptr;
    wxRadioButton* m_usePicture = nullptr;
    wxStaticText* m_pictureInfo = nullptr;
    FigurePanel* m_preview = nullptr;
    std::unique_ptr<render::PictureFigures> m_previewDrawer;
    std::optional<core::ExercisePicture> m_picture;
    /// "Adjust a figure": what it can start from (a posture's name or a built-in figure's id).
    struct BaseChoice {
        std::string posture;
        std::string figureId;
    };
    wxRadioButton* m_useOwnFigure = nullptr;
    wxChoice* m_baseChoice = nullptr;
    std::vector<BaseChoice> m_bases;
    std::optional<core::FigureSpec> m_own;
    bool m_showingAngles = false; ///< the spin controls are being set from the figure, not by a person
    bool m_autoArrow = false; ///< the arrow follows the point that moves most (figures from a posture)
    std::unique_ptr<render::FigureLibrary> m_ownDrawer;
    wxWindow* m_jointPanel = nullptr;
    wxStaticText* m_viewInfo = nullptr;
    std::array<wxStaticText*, core::kJointCount> m_jointLabels{};
    std::array<std::array<wxSpinCtrl*, core::kJointCount>, 2> m_angles{}; ///< [start, end][joint]
    wxStaticText* m_leftOutFor = nullptr;
    wxStaticText* m_problems = nullptr;
};

/// Library → Clinic exercises…: the clinic's own exercises with New, Duplicate a built-in, Edit
/// and Retire / Offer again. `figures` (the built-in figures) must outlive the dialog; the app
/// reloads its library once the dialog is closed when changed() is true.
class ClinicExercisesDialog : public wxDialog {
public:
    ClinicExercisesDialog(wxWindow* parent, store::Database& db, const render::FigureLibrary& figures, std::string actor,
                          std::function<bool(const wxString&)> confirm);

    /// Rows listed (tests).
    int rows() const;
    /// True once something was saved or retired.
    bool changed() const { return m_changed; }
    /// Opens the editor for a new exercise, a copy of the built-in `builtinId` when given (tests
    /// drive the returned editor; the list is refreshed when it is closed).
    void newExercise(const std::string& builtinId = {});
    /// Opens the editor for the exercise in `row` (tests drive it; the list is refreshed after).
    void editExercise(int row);
    /// Retires (or offers again) the exercise in `row`; asks first. False when nothing changed.
    bool toggleRetired(int row);

private:
    void refresh();
    void edit(core::ClinicExercise exercise, bool isNew);
    int selected() const;

    store::Database& m_db;
    const render::FigureLibrary& m_figures;
    std::string m_actor;
    std::function<bool(const wxString&)> m_confirm;
    bool m_changed = false;
    core::ExerciseLibrary m_all; ///< every exercise, retired ones too (links, built-ins to copy)
    std::vector<core::ClinicExercise> m_exercises;
    wxListCtrl* m_list = nullptr;
};

/// A new clinic exercise's id from its name ("Wall sit, short" → "clinic_wall_sit_short"), not
/// used by any exercise in `library`.
std::string newExerciseId(const std::string& name, const core::ExerciseLibrary& library);

/// A built-in exercise copied as the start of a clinic exercise: a new id, "(clinic)" after its
/// name, no sources; its figure kept.
core::ClinicExercise duplicateBuiltin(const core::Exercise& builtin, const core::ExerciseLibrary& library);

} // namespace hiprx::app
