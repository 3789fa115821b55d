// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/pdf_printout.h"
#include "app/visit_page.h"

#include "core/exercise.h"
#include "render/figure_drawer.h"
#include "store/change_feed.h"
#include "store/database.h"
#include "workflow/clinic.h"

#include <wx/cmndata.h>
#include <wx/frame.h>
#include <wx/timer.h>

#include <cstdint>
#include <memory>
#include <optional>

class wxListCtrl;
class wxSearchCtrl;
class wxSimplebook;
class wxStaticText;

namespace hiprx::app {

/// Menu ids the other features are wired to (see onPrint/onEmail/onHistory).
enum MenuId {
    kIdFindPatient = wxID_HIGHEST + 1,
    kIdEmail,
    kIdHistory,
    kIdEditPatient,
    kIdNewVisit,
    kIdBackToList,
    kIdSavePdf,
    kIdBackupNow,
    kIdWhoIsWorking,
    kIdVisitNote,
    kIdReferralLetter,
    kIdRecentFirst, // kIdRecentFirst … + Settings::kMaxRecent - 1
    kIdRecentLast = kIdRecentFirst + 16,
};

/// The HipRx main window: menus, toolbar, status bar, and three pages — the patient list with
/// search as you type, one patient's page with their visits, and the visit being worked on.
class EmailJob;
class ChangeListener;
class LoginDialog;
class OutboxDialog;
class InputWatch;

class MainFrame : public wxFrame {
public:
    /// Takes the open database for the lifetime of the window.
    explicit MainFrame(store::Database database);
    ~MainFrame() override;

    /// Replaces the message boxes that `prompts` gives (GUI tests answer questions without dialogs).
    void setPrompts(Prompts prompts);
    /// How File → Print learns the installed printers (default: installedPrinters(); tests replace it).
    void setPrinterList(std::function<std::vector<std::string>()> printers) { m_printers = std::move(printers); }

    /// Rows shown in the patient list (for tests).
    int patientRows() const;
    /// Runs the search as if the user had typed `text`.
    void search(const wxString& text);

    /// Stores a new patient (validated by the store) and opens their page; nothing on error.
    std::optional<std::int64_t> createPatient(const core::Patient& patient);
    /// Shows a patient's page with their visits.
    void openPatient(std::int64_t id);
    /// Starts a new visit for the open patient (offering back an unfinished draft).
    VisitPage* newVisit();
    /// Opens a stored visit of the open patient.
    VisitPage* openVisit(std::int64_t visitId);
    /// Back to the patient list (the open visit's typing goes to its draft).
    void showPatientList();
    /// The visit page when one is open.
    VisitPage* visitPage() const { return m_visit; }
    /// Rows in the open patient's visit list.
    int visitRows() const;
    std::int64_t openPatientId() const { return m_patientId; }
    const core::ExerciseLibrary& library() const { return m_library; }
    /// The open database (dialogs that read and write settings).
    store::Database& database() { return m_db; }

    /// File → Back up now: a dated copy in the backup folder; false (after telling the user) on failure.
    bool backUpNow();
    /// The backup folder chosen in Settings, or backups/ beside the database.
    std::filesystem::path backupFolder() const;
    /// Closes the open visit (asking to save it) and continues on the database at `location` (a file,
    /// created when new, or a clinic server after a login). On failure or a cancelled login the
    /// current database stays open, the user is told why, and false.
    bool switchDatabase(const std::string& location);
    /// Clinic mode: what other desks committed (the listener calls it; tests call it directly).
    void onRemoteChanges(const std::vector<store::Change>& changes);
    /// The program last issued at visit `visitId`, exactly as it was handed over (its stored PDF),
    /// saved to `file`: a reprint that never opens the findings, so the front desk may do it on a
    /// clinic server. False, after saying why, when there is none or it cannot be written.
    bool saveIssuedProgram(std::int64_t visitId, const std::filesystem::path& file);
    /// Emails the program last issued at visit `visitId` to `address` (asked, with this as the
    /// suggestion), through the outbox: what File → Email does for the open visit and the patient
    /// page's "Email issued program…" for the selected one, without opening the findings.
    void emailIssuedProgram(std::int64_t visitId, const std::string& address);
    /// Whether this login records findings (false for the front desk of a clinic server): the
    /// patient page then offers the issued programs (save, email) and not the visits' findings.
    bool offersFindings() const { return m_mayRecordFindings; }
    /// The Outbox window while it is open, refreshed when another desk queues, sends or discards a
    /// message (nullptr when closed).
    void setOpenOutbox(OutboxDialog* outbox) { m_outbox = outbox; }
    /// Clinic mode: locks the desk (the window hidden, the open visit's typing in its draft) until
    /// the person logged in gives their password again; Cancel quits HipRx, the draft kept. `ask`
    /// answers the dialog in tests. True when unlocked.
    bool lockNow(const std::function<bool(LoginDialog&)>& ask = {});
    /// Clinic mode: locks when nobody has used this desk for the clinic's time (the timer calls it).
    void lockIfIdle();
    /// Seconds since the last key or mouse input in HipRx.
    long secondsIdle() const;

    /// The person working at this desk, as named on new visits and in the audit log ("Jane Park,
    /// PT"); empty when nobody has been chosen (the clinic's default therapist is used then).
    const std::string& workingClinician() const { return m_clinician; }
    /// Makes staff member `staffId` the person working here (remembered on this computer); false
    /// when there is no such active person.
    bool setWorkingClinician(std::int64_t staffId);
    /// File → Who is working…: asks and sets the person working here. True when someone was chosen.
    bool chooseClinician();
    /// The clinic's settings as read from the database (branding, reference set, page size).
    const workflow::Clinic& clinic() const { return m_clinic; }

    /// What the app does once its window is up: on a first start (no patient, no clinic details)
    /// the welcome dialog asks for the clinic's details and whether to add the demo patient; then
    /// who is working here (unless this computer remembers); then the demo patient when wanted.
    void startUp();
    /// Offers a demo patient when the database has no patient yet (first run). True when created.
    bool offerDemoPatient();
    /// Adds the demo patient and opens it, without asking; false when the database has patients.
    bool addDemoPatient();

    // One function per feature another part of HipRx completes (the lead wires them):
    void onPrint();     ///< File → Print… (wxID_PRINT): the open visit's PDF, through the print dialog
    void onPageSetup(); ///< File → Page Setup… (wxID_PRINT_SETUP)
    void onEmail();     ///< File → Email program… (kIdEmail): the issued PDF, via the outbox
    void onHistory();
    /// Library → Clinic exercises… (or New exercise…, which opens the editor at once).
    void onClinicExercises(bool startNew);   ///< Patient → History… (kIdHistory): visits, changes, charts, programs
    void onVisitNote();      ///< File → Visit note…: asks where, then writeVisitNote
    void onReferralLetter(); ///< File → Referral letter…: asks where, then writeReferralLetter

    /// The open saved visit's note (workflow::visitNoteInput) as a PDF at `file`; false, after
    /// saying why, when no saved visit is open or it cannot be written.
    bool writeVisitNote(const std::filesystem::path& file);
    /// The open saved visit's referral letter; refused (said why) when its referral is neither
    /// urgent nor emergency.
    bool writeReferralLetter(const std::filesystem::path& file);

private:
    /// "Database: FILE", or "Clinic server: URL — logged in as LOGIN".
    std::string databaseStatus() const;
    void startListening();
    void stopListening();
    void buildMenus();
    void buildToolbar();
    wxWindow* buildListPage(wxWindow* parent);
    wxWindow* buildPatientPage(wxWindow* parent);
    void refreshPatients();
    void refreshVisits();
    void refreshRecentMenu();
    void closeVisit();
    void onNewPatient();
    void onEditPatient();
    void onSettings();
    void onAbout(wxCommandEvent&);
    void onClose(wxCloseEvent& event);
    VisitContext visitContext();
    void showError(const wxString& message);
    void loadLibrary();
    void restoreWorkingClinician();
    /// Asks the database what this login may do and shows the patient page's actions to match.
    void applyRole();
    std::int64_t selectedVisit();

    store::Database m_db;

    std::unique_ptr<ChangeListener> m_listener; ///< clinic mode: changes from other desks
    std::unique_ptr<InputWatch> m_inputWatch;   ///< when this desk was last used (the idle lock)
    wxTimer m_lockTimer;
    bool m_locked = false;
    OutboxDialog* m_outbox = nullptr;
    workflow::Clinic m_clinic;
    std::string m_clinician;
    core::ExerciseLibrary m_library;
    std::unique_ptr<render::FigureLibrary> m_figures;
    /// The clinic exercises' pictures in front of m_figures (null when none has one).
    std::unique_ptr<render::PictureFigures> m_pictures;
    /// Pictures that could not be drawn on a card while rendering (said after each render).
    std::shared_ptr<std::vector<std::string>> m_pictureProblems = std::make_shared<std::vector<std::string>>();
    Prompts m_prompts;
    std::function<std::vector<std::string>()> m_printers = installedPrinters;
    wxPrintDialogData m_printData;
    /// Declared after everything its callbacks use: its destructor waits for a running send.
    std::unique_ptr<EmailJob> m_emailJob;
    std::int64_t m_patientId = 0;
    std::vector<core::Patient> m_listed;
    std::vector<std::int64_t> m_visitIds;
    bool m_mayRecordFindings = true;

    wxSimplebook* m_book = nullptr;
    wxSearchCtrl* m_search = nullptr;
    wxListCtrl* m_patients = nullptr;
    wxStaticText* m_patientHeading = nullptr;
    wxStaticText* m_patientDetails = nullptr;
    wxListCtrl* m_visits = nullptr;
    std::vector<wxWindow*> m_findingsActions; ///< the patient page's buttons that open findings
    wxPanel* m_visitHolder = nullptr;
    VisitPage* m_visit = nullptr;
    wxMenu* m_recentMenu = nullptr;
};

} // namespace hiprx::app
