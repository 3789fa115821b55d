// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/main_frame.h"

#include "app/change_listener.h"
#include "app/login_dialog.h"
#include "app/assessment_form.h"
#include "app/email_job.h"
#include "app/history_panel.h"
#include "app/outbox_dialog.h"
#include "app/pdf_printout.h"
#include "app/patient_dialog.h"
#include "app/settings.h"
#include "app/settings_dialog.h"
#include "app/staff_dialog.h"
#include "app/today.h"
#include "app/visit_number.h"
#include "app/exercise_editor.h"
#include "app/welcome_dialog.h"
#include "app/wx_text.h"

#include "exchange/figure_json.h"
#include "delivery/email_template.h"
#include "exchange/json_format.h"
#include "exchange/smtp_json.h"
#include "render/home_program.h"
#include "render/output_file.h"
#include "store/app_paths.h"
#include "store/backup_folder.h"
#include "store/draft_repository.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"
#include "store/staff_repository.h"
#include "workflow/email.h"
#include "workflow/follow_up.h"
#include "workflow/import.h"
#include "workflow/referral.h"
#include "workflow/visit_note.h"

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/utils.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/toolbar.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace hiprx::app {

namespace {

enum Page { kListPage = 0, kPatientPage = 1, kVisitPage = 2 };

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("Could not read " + path.string() + ".");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

/// Notes the time of every key and mouse input anywhere in HipRx (the idle lock's clock).
class InputWatch : public wxEventFilter {
public:
    InputWatch() : m_last(wxGetLocalTime()) { wxEvtHandler::AddFilter(this); }
    ~InputWatch() override { wxEvtHandler::RemoveFilter(this); }
    InputWatch(const InputWatch&) = delete;
    InputWatch& operator=(const InputWatch&) = delete;
    int FilterEvent(wxEvent& event) override
    {
        const wxEventType type = event.GetEventType();
        if (type == wxEVT_KEY_DOWN || type == wxEVT_CHAR || type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN ||
            type == wxEVT_MOUSEWHEEL || type == wxEVT_MOTION)
            m_last = wxGetLocalTime();
        return Event_Skip;
    }
    long idle() const { return wxGetLocalTime() - m_last; }
    void touch() { m_last = wxGetLocalTime(); }

private:
    long m_last;
};

MainFrame::MainFrame(store::Database database)
    : wxFrame(nullptr, wxID_ANY, "HipRx", wxDefaultPosition, wxSize(960, 640)), m_db(std::move(database)),
      m_emailJob(std::make_unique<EmailJob>(*this))
{
    m_prompts.confirm = [this](const wxString& q) {
        return wxMessageBox(q, "HipRx", wxYES_NO | wxICON_QUESTION, this) == wxYES;
    };
    m_prompts.error = [this](const wxString& m) { wxMessageBox(m, "HipRx", wxOK | wxICON_WARNING, this); };
    m_prompts.status = [this](const wxString& s) { SetStatusText(s); };
    m_prompts.ask = [this](const wxString& q, const wxString& initial) {
        return wxGetTextFromUser(q, "HipRx", initial, this);
    };
    m_prompts.askSecret = [this](const wxString& q) { return wxGetPasswordFromUser(q, "HipRx", {}, this); };

    const Settings settings;
    SetSize(FromDIP(settings.windowSize()));
    if (settings.windowMaximized())
        Maximize();

    restoreWorkingClinician();
    loadLibrary();
    buildMenus();
    buildToolbar();
    CreateStatusBar();

    m_book = new wxSimplebook(this);
    m_book->AddPage(buildListPage(m_book), "Patients");
    m_book->AddPage(buildPatientPage(m_book), "Patient");
    m_visitHolder = new wxPanel(m_book);
    m_visitHolder->SetSizer(new wxBoxSizer(wxVERTICAL));
    m_book->AddPage(m_visitHolder, "Visit");

    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::onClose, this);
    applyRole();
    refreshPatients();
    refreshRecentMenu();
    SetStatusText(toWx(databaseStatus()));
    startListening();
    // The idle lock (clinic mode): checked twice a minute against the clinic's time.
    m_inputWatch = std::make_unique<InputWatch>();
    m_lockTimer.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { lockIfIdle(); }, m_lockTimer.GetId());
    m_lockTimer.Start(30'000);
}

MainFrame::~MainFrame()
{
    m_lockTimer.Stop();
    stopListening();
    // The pages use m_db (the visit page writes its draft as it closes): destroy them while it is open.
    m_visit = nullptr;
    DestroyChildren();
}

long MainFrame::secondsIdle() const { return m_inputWatch ? m_inputWatch->idle() : 0; }

void MainFrame::lockIfIdle()
{
    if (m_locked || !m_db.isServer() || m_clinic.lockAfterMinutes <= 0)
        return;
    if (secondsIdle() >= static_cast<long>(m_clinic.lockAfterMinutes) * 60)
        lockNow();
}

bool MainFrame::lockNow(const std::function<bool(LoginDialog&)>& ask)
{
    if (m_locked || !m_db.isServer())
        return true;
    m_locked = true;
    if (m_visit != nullptr)
        m_visit->flushDraft(); // the typing is safe whatever happens next
    Hide();
    const std::string login = m_db.login();
    LoginDialog dialog(nullptr, m_db.location(), login);
    dialog.SetTitle("HipRx is locked");
    dialog.lockToLogin();
    for (;;) {
        const bool chosen = ask ? ask(dialog) : dialog.ShowModal() == wxID_OK;
        if (!chosen) {
            // Nobody unlocked it: HipRx closes, the open visit's typing already in its draft.
            stopListening();
            Destroy();
            return false;
        }
        try {
            store::Database::openLocation(m_db.location(), {login, dialog.password()}); // the password is right
            break;
        } catch (const std::exception& e) {
            dialog.showProblem(e.what());
        }
    }
    m_locked = false;
    if (m_inputWatch)
        m_inputWatch->touch();
    Show();
    Raise();
    return true;
}

std::string MainFrame::databaseStatus() const
{
    if (!m_db.isServer())
        return "Database: " + m_db.location();
    return "Clinic server: " + m_db.location() + " — logged in as " + m_db.login();
}

void MainFrame::startListening()
{
    if (!m_db.isServer())
        return;
    try {
        m_listener = std::make_unique<ChangeListener>(
            m_db.listen(), *this, [this](const std::vector<store::Change>& changes) { onRemoteChanges(changes); },
            [this](const std::string& why) {
                m_listener.reset();
                SetStatusText(toWx("Changes made at other desks are no longer shown as they happen (" + why +
                                   "). Search again to see them."));
            });
    } catch (const std::exception& e) {
        SetStatusText(toWx(std::string("Changes made at other desks will not show until you search again: ") +
                           e.what()));
    }
}

void MainFrame::stopListening()
{
    m_listener.reset();
}

void MainFrame::onRemoteChanges(const std::vector<store::Change>& changes)
{
    bool patients = false;
    bool thisPatient = false;
    bool thisVisit = false;
    bool outbox = false;
    bool settings = false;
    for (const store::Change& c : changes) {
        patients = patients || c.table == "patients";
        settings = settings || c.table == "settings";
        outbox = outbox || c.table == "outbox" || c.table == "outbox_discarded";
        thisPatient = thisPatient || (m_patientId != 0 && c.patientId == m_patientId);
        thisVisit = thisVisit || (m_visit != nullptr && c.table == "visits" &&
                                  c.row == std::to_string(m_visit->visitId()));
    }
    if (settings) { // e.g. the administrator's new idle-lock time applies at every desk at once
        try {
            m_clinic.lockAfterMinutes = workflow::loadClinic(m_db).lockAfterMinutes;
        } catch (const std::exception&) {
            // keep the time read at start; the next change or start reads it again
        }
    }
    const int page = m_book->GetSelection();
    if (patients && page == 0)
        refreshPatients();
    if (thisPatient && page == 1)
        refreshVisits();
    if (outbox && m_outbox != nullptr)
        m_outbox->refresh();
    if (thisVisit && m_visit->changedElsewhere())
        SetStatusText("This visit was just saved at another desk. Your next save would be refused: go back to "
                      "the patient and open the visit again to see their change (your typing is kept as a draft).");
}

void MainFrame::setPrompts(Prompts prompts)
{
    // Only what is given is replaced; the rest stay message boxes.
    if (prompts.confirm)
        m_prompts.confirm = std::move(prompts.confirm);
    if (prompts.error)
        m_prompts.error = std::move(prompts.error);
    if (prompts.status)
        m_prompts.status = std::move(prompts.status);
    if (prompts.ask)
        m_prompts.ask = std::move(prompts.ask);
    if (prompts.askSecret)
        m_prompts.askSecret = std::move(prompts.askSecret);
}

void MainFrame::loadLibrary()
{
    // The clinic's settings, the library (built-ins refreshed from the data folder, plus the
    // clinic's own exercises) and the figures in the clinic's colour. What cannot be read is said.
    m_clinic = workflow::loadClinic(m_db);
    // An older HipRx kept the reference set and page size per computer: move them to the clinic once.
    Settings settings;
    try {
        const store::Actor actor{m_clinician};
        if (const auto legacy = settings.legacyNormSet();
            legacy && !store::SettingsRepository(m_db).get(workflow::kNormSetKey)) {
            workflow::saveNormSet(m_db, *legacy, actor);
            m_clinic.norms = *legacy;
        }
        if (const auto legacy = settings.legacyPageSize();
            legacy && !store::SettingsRepository(m_db).get(workflow::kPageSizeKey)) {
            workflow::savePageSize(m_db, *legacy, actor);
            m_clinic.pageSize = *legacy;
        }
        settings.forgetLegacyClinicSettings();
    } catch (const std::exception&) {
        // A read-only database keeps the defaults; nothing is lost.
    }
    auto materials = workflow::loadMaterials(m_db, m_clinic.branding.accentColor);
    // The open visit's builder draws with the old figures until it is told of the new ones below:
    // keep them alive until then.
    const auto oldFigures = std::move(m_figures);
    const auto oldPictures = std::move(m_pictures);
    m_library = std::move(materials.library);
    m_figures = std::move(materials.figures);
    m_pictures = std::move(materials.pictures); // points into m_figures, which moves without moving
    m_pictureProblems = materials.pictureProblems;
    if (m_visit)
        m_visit->setContext(visitContext());
    std::string problems;
    for (const auto& list : {m_clinic.problems, materials.problems})
        for (const std::string& p : list)
            problems += (problems.empty() ? "" : "\n\n") + p;
    if (!problems.empty())
        CallAfter([this, problems] { m_prompts.error(toWx(problems)); });
}

void MainFrame::restoreWorkingClinician()
{
    m_clinician.clear();
    try {
        if (const std::int64_t staff = Settings().workingStaff(m_db.location()); staff != 0)
            if (const auto member = store::StaffRepository(m_db).find(staff); member && member->active)
                m_clinician = core::staffLabel(*member);
    } catch (const std::exception&) {
        // Nobody chosen: File → Who is working… asks.
    }
}

bool MainFrame::setWorkingClinician(std::int64_t staffId)
{
    const auto member = store::StaffRepository(m_db).find(staffId);
    if (!member || !member->active)
        return false;
    m_clinician = core::staffLabel(*member);
    Settings().setWorkingStaff(m_db.location(), staffId);
    SetStatusText(toWx("Working as " + m_clinician + "."));
    return true;
}

bool MainFrame::chooseClinician()
{
    StaffDialog dialog(this, m_db, Settings().workingStaff(m_db.location()), m_clinician);
    if (dialog.ShowModal() != wxID_OK || dialog.chosen() == 0)
        return false;
    return setWorkingClinician(dialog.chosen());
}

void MainFrame::buildMenus()
{
    auto* file = new wxMenu;
    file->Append(wxID_NEW, toWx("&New patient…\tCtrl+N"), "Add a patient");
    file->Append(wxID_SAVE, "&Save visit\tCtrl+S", "Save the findings of the open visit");
    file->Append(kIdSavePdf, toWx("Save P&DF…\tCtrl+Shift+S"), "Save the home program as a PDF file");
    file->Append(kIdVisitNote, toWx("&Visit note…"), "Save the record of this visit (subjective, objective, "
                                                    "assessment, plan) as a PDF");
    file->Append(kIdReferralLetter, toWx("&Referral letter…"), "Save the letter to the doctor for an urgent or "
                                                               "emergency referral as a PDF");
    file->AppendSeparator();
    file->Append(wxID_PRINT, toWx("&Print…\tCtrl+P"), "Print the home program");
    file->Append(wxID_PRINT_SETUP, toWx("Page Set&up…"), "Paper and printer");
    file->Append(kIdEmail, toWx("&Email program…\tCtrl+E"), "Send the home program to the patient");
    const int outboxId = file->Append(wxID_ANY, toWx("&Outbox…"), "Emails not sent yet: why, and retry")->GetId();
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            OutboxDialog dialog(this, m_db, visitContext().clinician);
            setOpenOutbox(&dialog); // other desks' messages appear in it as they are queued
            dialog.ShowModal();
            setOpenOutbox(nullptr);
        },
        outboxId);
    file->AppendSeparator();
    file->Append(kIdBackupNow, toWx("&Back up now"), "Copy the database into the backup folder");
    file->AppendSeparator();
    file->Append(wxID_PREFERENCES, toWx("Se&ttings…\tCtrl+,"), "Clinic branding, norms, page size, database");
    file->Append(kIdWhoIsWorking, toWx("&Who is working…"), "Choose who works at this computer, or add a person");
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { chooseClinician(); }, kIdWhoIsWorking);
    file->AppendSeparator();
    file->Append(wxID_EXIT, "&Quit\tCtrl+Q", "Close HipRx");

    auto* patient = new wxMenu;
    patient->Append(kIdFindPatient, toWx("&Find…\tCtrl+F"), "Search the patient list");
    patient->Append(kIdEditPatient, toWx("&Edit patient…"), "Correct the open patient's details");
    patient->Append(kIdNewVisit, "New &visit\tCtrl+Shift+N", "Start an assessment for the open patient");
    patient->Append(kIdHistory, toWx("&History…\tCtrl+H"), "Earlier visits and programs of the open patient");
    patient->AppendSeparator();
    m_recentMenu = new wxMenu;
    patient->AppendSubMenu(m_recentMenu, "&Recent patients");
    patient->Append(kIdBackToList, "&Back to patient list\tAlt+Home", "Show the patient list");

    auto* library = new wxMenu;
    const int clinicExercisesId =
        library->Append(wxID_ANY, toWx("&Clinic exercises…"), "The clinic's own exercises: new, edit, retire")->GetId();
    const int newExerciseId =
        library->Append(wxID_ANY, toWx("&New exercise…"), "Write an exercise of the clinic's own")->GetId();
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onClinicExercises(false); }, clinicExercisesId);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onClinicExercises(true); }, newExerciseId);

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, "&About HipRx", "Version and licence");

    auto* bar = new wxMenuBar;
    bar->Append(file, "&File");
    bar->Append(patient, "&Patient");
    bar->Append(library, "&Library");
    bar->Append(help, "&Help");
    SetMenuBar(bar);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::onAbout, this, wxID_ABOUT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { showPatientList(); m_search->SetFocus(); }, kIdFindPatient);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onNewPatient(); }, wxID_NEW);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onEditPatient(); }, kIdEditPatient);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { newVisit(); }, kIdNewVisit);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { showPatientList(); }, kIdBackToList);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (m_visit)
            m_visit->saveVisit();
    }, wxID_SAVE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (m_visit)
            m_visit->savePdfAs();
    }, kIdSavePdf);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onVisitNote(); }, kIdVisitNote);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onReferralLetter(); }, kIdReferralLetter);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onPrint(); }, wxID_PRINT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onPageSetup(); }, wxID_PRINT_SETUP);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onEmail(); }, kIdEmail);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onHistory(); }, kIdHistory);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onSettings(); }, wxID_PREFERENCES);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { backUpNow(); }, kIdBackupNow);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        const auto recent = Settings().recentPatients(m_db.location());
        const auto index = static_cast<std::size_t>(e.GetId() - kIdRecentFirst);
        if (index < recent.size())
            openPatient(recent[index]);
    }, kIdRecentFirst, kIdRecentLast);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_visit != nullptr); }, wxID_SAVE);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_visit != nullptr); }, kIdSavePdf);
    for (const int id : {static_cast<int>(kIdVisitNote), static_cast<int>(kIdReferralLetter)})
        Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_visit && m_visit->visitId() != 0); }, id);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_patientId != 0); }, kIdEditPatient);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_patientId != 0 && m_mayRecordFindings); },
         kIdNewVisit);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_patientId != 0 && m_mayRecordFindings); },
         kIdHistory);
}

void MainFrame::buildToolbar()
{
    auto* tools = CreateToolBar(wxTB_HORIZONTAL | wxTB_TEXT | wxTB_FLAT);
    const wxSize size = FromDIP(wxSize(24, 24));
    tools->AddTool(wxID_NEW, "New patient", wxArtProvider::GetBitmapBundle(wxART_NEW, wxART_TOOLBAR, size),
                   "New patient (Ctrl+N)");
    tools->AddTool(kIdFindPatient, "Find", wxArtProvider::GetBitmapBundle(wxART_FIND, wxART_TOOLBAR, size),
                   "Find a patient (Ctrl+F)");
    tools->AddTool(kIdNewVisit, "New visit", wxArtProvider::GetBitmapBundle(wxART_ADD_BOOKMARK, wxART_TOOLBAR, size),
                   "New visit for this patient (Ctrl+Shift+N)");
    tools->AddTool(wxID_SAVE, "Save visit", wxArtProvider::GetBitmapBundle(wxART_FILE_SAVE, wxART_TOOLBAR, size),
                   "Save the visit (Ctrl+S)");
    tools->AddTool(wxID_PRINT, "Print", wxArtProvider::GetBitmapBundle(wxART_PRINT, wxART_TOOLBAR, size),
                   "Print the home program (Ctrl+P)");
    tools->Realize();
}

wxWindow* MainFrame::buildListPage(wxWindow* parent)
{
    auto* panel = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(panel, wxID_ANY, "Patients");
    heading->SetFont(heading->GetFont().Scaled(1.4f).Bold());
    m_search = new wxSearchCtrl(panel, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_search->SetDescriptiveText("Search by name, birth date (1961-04) or record number");
    m_search->ShowCancelButton(true);
    m_patients = new wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_patients->AppendColumn("Name", wxLIST_FORMAT_LEFT, FromDIP(320));
    m_patients->AppendColumn("Born", wxLIST_FORMAT_LEFT, FromDIP(120));
    m_patients->AppendColumn("Record number", wxLIST_FORMAT_LEFT, FromDIP(160));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(panel, wxID_ANY, toWx("&New patient…"));
    auto* open = new wxButton(panel, wxID_OPEN, "&Open");
    buttons->Add(add, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    buttons->Add(open);

    sizer->Add(heading, wxSizerFlags().Border(wxALL, FromDIP(12)));
    sizer->Add(m_search, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    sizer->Add(m_patients, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    sizer->Add(buttons, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    panel->SetSizer(sizer);

    auto openSelected = [this] {
        const long row = m_patients->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (row >= 0 && static_cast<std::size_t>(row) < m_listed.size())
            openPatient(m_listed[static_cast<std::size_t>(row)].id);
    };
    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refreshPatients(); });
    m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { m_search->Clear(); });
    // Enter in the search box opens the first match: find and open a patient without the mouse.
    m_search->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (!m_listed.empty())
            openPatient(m_listed.front().id);
    });
    m_patients->Bind(wxEVT_LIST_ITEM_ACTIVATED, [openSelected](wxListEvent&) { openSelected(); });
    open->Bind(wxEVT_BUTTON, [openSelected](wxCommandEvent&) { openSelected(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onNewPatient(); });
    return panel;
}

namespace {
std::filesystem::path askPdfPath(wxWindow* parent, const wxString& title, const wxString& name);
} // namespace

wxWindow* MainFrame::buildPatientPage(wxWindow* parent)
{
    auto* panel = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_patientHeading = new wxStaticText(panel, wxID_ANY, "");
    m_patientHeading->SetFont(m_patientHeading->GetFont().Scaled(1.4f).Bold());
    m_patientDetails = new wxStaticText(panel, wxID_ANY, "");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* back = new wxButton(panel, wxID_ANY, toWx("← &Patients"));
    auto* edit = new wxButton(panel, wxID_ANY, toWx("&Edit details…"));
    auto* visit = new wxButton(panel, wxID_ANY, "&New visit");
    auto* history = new wxButton(panel, wxID_ANY, toWx("&History…"));
    auto* open = new wxButton(panel, wxID_ANY, "&Open visit");
    auto* reprint = new wxButton(panel, wxID_ANY, toWx("Issued &program as PDF…"));
    reprint->SetToolTip("The program last issued at the selected visit, exactly as it was handed over");
    auto* email = new wxButton(panel, wxID_ANY, toWx("E&mail issued program…"));
    email->SetToolTip("Send the program last issued at the selected visit to the patient");
    for (auto* b : {back, edit, visit, open, history, reprint, email})
        buttons->Add(b, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    m_findingsActions = {visit, open, history};
    m_visits = new wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_visits->AppendColumn("Date", wxLIST_FORMAT_LEFT, FromDIP(110));
    m_visits->AppendColumn("Clinician", wxLIST_FORMAT_LEFT, FromDIP(160));
    m_visits->AppendColumn("Complaint", wxLIST_FORMAT_LEFT, FromDIP(420));
    m_visits->AppendColumn("Programs issued", wxLIST_FORMAT_RIGHT, FromDIP(120));

    sizer->Add(m_patientHeading, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    sizer->Add(m_patientDetails, wxSizerFlags().Border(wxALL, FromDIP(12)));
    sizer->Add(buttons, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    auto* label = new wxStaticText(panel, wxID_ANY, "Visits");
    label->SetFont(label->GetFont().Bold());
    sizer->Add(label, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    sizer->Add(m_visits, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    panel->SetSizer(sizer);

    auto openSelected = [this] {
        if (const auto id = selectedVisit())
            openVisit(id); // refused, with a word, to a login that may not read findings
    };
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showPatientList(); });
    edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onEditPatient(); });
    visit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { newVisit(); });
    history->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onHistory(); });
    open->Bind(wxEVT_BUTTON, [openSelected](wxCommandEvent&) { openSelected(); });
    reprint->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto id = selectedVisit();
        if (id == 0)
            return;
        const auto file = askPdfPath(this, "Save the issued program", "home-program.pdf");
        if (!file.empty())
            saveIssuedProgram(id, file);
    });
    email->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto id = selectedVisit();
        if (id == 0)
            return;
        const auto patient = store::PatientRepository(m_db).find(m_patientId);
        emailIssuedProgram(id, patient ? patient->email : std::string());
    });
    m_visits->Bind(wxEVT_LIST_ITEM_ACTIVATED, [openSelected](wxListEvent&) { openSelected(); });
    return panel;
}

std::int64_t MainFrame::selectedVisit()
{
    const long row = m_visits->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= m_visitIds.size()) {
        SetStatusText("Select a visit first.");
        return 0;
    }
    return m_visitIds[static_cast<std::size_t>(row)];
}

void MainFrame::applyRole()
{
    try {
        m_mayRecordFindings = store::VisitRepository(m_db).mayRecordFindings();
    } catch (const std::exception&) {
        m_mayRecordFindings = true; // the server still refuses what the login may not do
    }
    for (auto* action : m_findingsActions)
        action->Show(m_mayRecordFindings);
    // The front desk's visit list has no complaint to show.
    if (m_visits != nullptr)
        m_visits->SetColumnWidth(2, m_mayRecordFindings ? FromDIP(420) : 0);
    if (!m_findingsActions.empty())
        m_findingsActions.front()->GetParent()->Layout();
}

void MainFrame::search(const wxString& text)
{
    m_search->ChangeValue(text);
    refreshPatients();
}

int MainFrame::patientRows() const { return m_patients->GetItemCount(); }
int MainFrame::visitRows() const { return m_visits->GetItemCount(); }

void MainFrame::refreshPatients()
{
    try {
        m_listed = store::PatientRepository(m_db).search(fromWx(m_search->GetValue()));
    } catch (const std::exception& e) {
        showError(toWx(std::string("The patient list could not be read.\n\n") + e.what()));
        m_listed.clear();
    }
    m_patients->Freeze();
    m_patients->DeleteAllItems();
    long row = 0;
    for (const auto& p : m_listed) {
        m_patients->InsertItem(row, toWx(p.name));
        m_patients->SetItem(row, 1, p.birthDate ? toWx(p.birthDate->iso()) : wxString());
        m_patients->SetItem(row, 2, toWx(p.externalId));
        ++row;
    }
    if (row > 0)
        m_patients->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    m_patients->Thaw();
    if (row >= store::PatientRepository::kListLimit)
        SetStatusText(wxString::Format(toWx("The first %ld matches are shown; type more of the name, a birth date "
                                            "or a record number to narrow the list."),
                                       row));
    else
        SetStatusText(wxString::Format("%ld patient(s) shown", row));
}

void MainFrame::refreshRecentMenu()
{
    while (m_recentMenu->GetMenuItemCount() > 0)
        m_recentMenu->Destroy(m_recentMenu->FindItemByPosition(0));
    int index = 0;
    store::PatientRepository patients(m_db);
    for (auto id : Settings().recentPatients(m_db.location())) {
        if (const auto p = patients.find(id))
            m_recentMenu->Append(kIdRecentFirst + index, toWx(p->name));
        ++index;
    }
    if (index == 0)
        m_recentMenu->Append(wxID_ANY, "(none yet)")->Enable(false);
}

std::optional<std::int64_t> MainFrame::createPatient(const core::Patient& patient)
{
    try {
        const auto id = store::PatientRepository(m_db).create(patient, {visitContext().clinician});
        openPatient(id);
        return id;
    } catch (const InputError& e) {
        showError(toWx("The patient was not added:\n\n" + formatProblems(e.problems())));
    } catch (const std::exception& e) {
        showError(toWx(std::string("The patient was not added.\n\n") + e.what()));
    }
    return std::nullopt;
}

void MainFrame::onNewPatient()
{
    PatientDialog dialog(this, core::Patient{});
    if (dialog.ShowModal() == wxID_OK)
        createPatient(dialog.patient());
}

void MainFrame::onEditPatient()
{
    if (m_patientId == 0)
        return;
    const auto current = store::PatientRepository(m_db).find(m_patientId);
    if (!current)
        return;
    // Read with the record: a save over another desk's change made while the dialog is open is refused.
    const std::int64_t opened = store::PatientRepository(m_db).rowVersion(m_patientId);
    PatientDialog dialog(this, *current);
    if (dialog.ShowModal() != wxID_OK)
        return;
    try {
        store::PatientRepository(m_db).update(dialog.patient(), {visitContext().clinician}, opened);
        openPatient(m_patientId);
    } catch (const store::ConflictError& e) {
        showError(toWx(std::string("The patient's details were not saved.\n\n") + e.what()));
        openPatient(m_patientId); // shows what the other desk saved
    } catch (const std::exception& e) {
        showError(toWx(std::string("The patient's details were not saved.\n\n") + e.what()));
    }
}

void MainFrame::openPatient(std::int64_t id)
{
    closeVisit();
    const auto patient = store::PatientRepository(m_db).find(id);
    if (!patient) {
        showError("That patient is no longer in the database. The list has been refreshed.");
        refreshPatients();
        return;
    }
    m_patientId = id;
    Settings().addRecentPatient(m_db.location(), id);
    refreshRecentMenu();
    m_patientHeading->SetLabel(toWx(patient->name));
    std::string details;
    if (patient->birthDate) {
        details += "Born " + patient->birthDate->iso();
        details += " (" + std::to_string(core::Date::yearsBetween(*patient->birthDate, todayLocal())) + " years)";
    }
    if (patient->sex != core::Sex::Unknown)
        details += (details.empty() ? "" : "   ·   ") + std::string(core::label(patient->sex));
    if (!patient->externalId.empty())
        details += (details.empty() ? "" : "   ·   ") + std::string("Record ") + patient->externalId;
    if (!patient->phone.empty())
        details += (details.empty() ? "" : "   ·   ") + patient->phone;
    if (!patient->email.empty())
        details += (details.empty() ? "" : "   ·   ") + patient->email;
    m_patientDetails->SetLabel(toWx(details));
    refreshVisits();
    m_book->ChangeSelection(kPatientPage);
    SetTitle(toWx(patient->name + " — HipRx"));
}

void MainFrame::refreshVisits()
{
    const auto visits = store::VisitRepository(m_db).listForPatient(m_patientId);
    m_visitIds.clear();
    m_visits->Freeze();
    m_visits->DeleteAllItems();
    long row = 0;
    for (const auto& v : visits) {
        m_visits->InsertItem(row, toWx(v.date));
        m_visits->SetItem(row, 1, toWx(v.clinician));
        m_visits->SetItem(row, 2, toWx(v.complaint));
        m_visits->SetItem(row, 3, wxString::Format("%d", v.issuedPrograms));
        m_visitIds.push_back(v.id);
        ++row;
    }
    const bool drafts = !store::DraftRepository(m_db).forPatient(m_patientId).empty();
    if (drafts)
        SetStatusText("This patient has an unfinished assessment or program changes; opening the visit offers "
                      "them back.");
    m_visits->Thaw();
    if (!drafts)
        SetStatusText(wxString::Format("%ld visit(s)", row));
}

VisitContext MainFrame::visitContext()
{
    VisitContext context;
    context.norms = m_clinic.norms;
    context.pageSize = m_clinic.pageSize;
    context.dateFormat = m_clinic.dateFormat;
    context.branding = m_clinic.branding;
    // The clinic exercises' own photos in front of the figures, as the CLI's handouts have them.
    context.figures = m_pictures ? static_cast<const render::FigureDrawer*>(m_pictures.get()) : m_figures.get();
    // The person working here; without one, the clinic's default therapist (as before staff lists).
    context.clinician = m_clinician;
    if (context.clinician.empty() && m_db.isServer())
        context.clinician = m_db.login(); // on a clinic server the login is who did it, never the default
    if (context.clinician.empty()) {
        context.clinician = context.branding.therapistName;
        if (!context.branding.therapistCredentials.empty() && !context.clinician.empty())
            context.clinician += ", " + context.branding.therapistCredentials;
    }
    return context;
}

VisitPage* MainFrame::newVisit() { return openVisit(0); }

VisitPage* MainFrame::openVisit(std::int64_t visitId)
{
    if (m_patientId == 0)
        return nullptr;
    if (!m_mayRecordFindings) { // whatever asked (a shortcut, a recent patient): the findings are not this login's
        SetStatusText(toWx("Your login saves or emails the program issued at a visit; the findings are for the "
                           "therapists."));
        return nullptr;
    }
    closeVisit();
    const auto patient = store::PatientRepository(m_db).find(m_patientId);
    if (!patient)
        return nullptr;
    m_visitHolder->Freeze();
    m_visit = new VisitPage(m_visitHolder, m_db, m_library, *patient, visitId, visitContext(), m_prompts);
    // An urgent or emergency referral: the letter to the doctor is offered as soon as it is issued.
    m_visit->setOnIssued([this](const core::Analysis& analysis) {
        if (!workflow::referralLetterDue(analysis))
            return;
        const bool emergency = analysis.referral.level == core::Urgency::Emergency;
        if (m_prompts.confirm(toWx(std::string(emergency ? "This patient needs emergency care today."
                                                         : "This patient needs to see a doctor this week.") +
                                   "\n\nWrite the referral letter for the " +
                                   (emergency ? "emergency department" : "doctor") + " now?")))
            CallAfter([this] { onReferralLetter(); });
    });
    m_visitHolder->GetSizer()->Add(m_visit, wxSizerFlags(1).Expand());
    m_visitHolder->Layout();
    m_visitHolder->Thaw();
    m_book->ChangeSelection(kVisitPage);
    SetStatusText(visitId == 0 ? toWx("New visit: what you type is kept as a draft until you save it.")
                               : toWx("Visit " + std::to_string(visitNumber(
                                                     store::VisitRepository(m_db).listForPatient(m_patientId), visitId)) +
                                      " opened."));
    m_visit->offerDraft();
    if (auto* first = m_visit->form()->field("visit.complaint"))
        first->SetFocus();
    return m_visit;
}

void MainFrame::closeVisit()
{
    if (!m_visit)
        return;
    m_visit->flushDraft();
    if (m_visit->hasUnsavedChanges()) {
        const bool program = m_visit->hasUnissuedProgram();
        if (m_prompts.confirm(toWx(std::string("Save this visit's findings") +
                                   (program ? " and your program changes (not issued yet)" : "") +
                                   " before leaving it?\n\n(What you changed is kept as a draft either way and is "
                                   "offered back when you open the visit again.)")))
            m_visit->saveVisit();
    }
    m_visitHolder->GetSizer()->Detach(m_visit);
    m_visit->Destroy();
    m_visit = nullptr;
}

void MainFrame::showPatientList()
{
    closeVisit();
    m_patientId = 0;
    refreshPatients();
    m_book->ChangeSelection(kListPage);
    SetTitle("HipRx");
}

void MainFrame::startUp()
{
    std::optional<bool> demoWanted; // set when the welcome dialog asked
    if (WelcomeDialog::isFirstStart(m_db)) {
        WelcomeDialog welcome(this, m_db, m_clinician);
        demoWanted = welcome.ShowModal() == wxID_OK && welcome.addDemoPatient();
    }
    if (workingClinician().empty())
        chooseClinician();
    if (!demoWanted)
        offerDemoPatient();
    else if (*demoWanted)
        addDemoPatient();
}

bool MainFrame::offerDemoPatient()
{
    if (store::PatientRepository(m_db).count() > 0)
        return false;
    if (!m_prompts.confirm("Welcome to HipRx.\n\nAdd a demo patient (an invented desk worker with tight hip "
                           "flexors) so you can try the whole visit - assessment, reasoning, program and "
                           "PDF - in a minute?"))
        return false;
    return addDemoPatient();
}

bool MainFrame::addDemoPatient()
{
    if (store::PatientRepository(m_db).count() > 0)
        return false;
    try {
        const auto file = store::AppPaths().assetsDir() / "examples" / "desk_worker_tight_hip_flexors.json";
        const auto assessment = exchange::readAssessment(readFile(file), todayLocal());
        // Patient and visit in one transaction, as `hiprx-cli import` files them.
        const auto filed = workflow::importAssessment(m_db, assessment, {visitContext().clinician});
        openPatient(filed.patientId);
        return true;
    } catch (const std::exception& e) {
        showError(toWx(std::string("The demo patient could not be added.\n\n") + e.what()));
        return false;
    }
}

void MainFrame::onPrint()
{
    if (!m_visit) {
        m_prompts.error(toWx("Open a visit first: File → Print prints that visit's home program."));
        return;
    }
    if (m_printers().empty() &&
        !m_prompts.confirm(toWx("No printer is set up on this computer, so the print dialog can only save to a "
                                "file.\n\nTo print on paper, add the printer in the system's printer settings "
                                "and choose Print again, or save the PDF (Preview and issue → Save PDF…) and "
                                "print it from another computer.\n\nOpen the print dialog anyway?")))
        return;
    try {
        // The very PDF the preview shows and Issue stores: no second layout that could drift.
        printPdf(this, m_visit->renderPdf(), toWx("Home program"), m_printData);
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The program could not be printed.\n\n") + e.what() +
                             "\n\nSave it as a PDF (Preview and issue → Save PDF…) and print the file instead."));
    }
}

void MainFrame::onPageSetup() { pageSetup(this, m_printData); }

void MainFrame::onEmail()
{
    if (!m_visit || m_visit->visitId() == 0) {
        m_prompts.error(toWx("Open a saved visit first: File → Email sends the program issued at that visit."));
        return;
    }
    emailIssuedProgram(m_visit->visitId(), m_visit->patient().email);
}

void MainFrame::emailIssuedProgram(std::int64_t visitId, const std::string& address)
{
    if (m_emailJob->running()) {
        m_prompts.error(toWx("An email is still being sent. Wait for it, or cancel it, then try again."));
        return;
    }
    try {
        // What may be sent is the workflow's decision (issued, PDF stored, never an emergency).
        workflow::programToSend(m_db, visitId);
        const core::SmtpSettings smtp = workflow::clinicSmtp(m_db, m_clinic);
        const wxString to = m_prompts.ask("Send the home program to this address:", toWx(address));
        if (to.empty())
            return;
        std::optional<std::string> password = SmtpPasswordStore::load(smtp);
        if (!password && !smtp.user.empty()) {
            const wxString entered = m_prompts.askSecret(toWx("Password for " + smtp.user + " on " + smtp.host + ":"));
            if (entered.empty())
                return;
            password = fromWx(entered);
            std::string ignored; // a store that refuses just means asking again next time
            SmtpPasswordStore::save(smtp, *password, ignored);
            if (const auto notice = SmtpPasswordStore::fallbackNotice(); !notice.empty())
                m_prompts.status(toWx(notice));
        }
        auto email = workflow::composeProgramEmail(m_db, m_clinic, smtp, {visitId, 0, fromWx(to), todayLocal()});
        const store::Actor actor{visitContext().clinician};
        const std::int64_t outboxId = workflow::queueEmail(m_db, email, actor);
        // A small window shows the send with Cancel; only the server's answer says "sent".
        sendWithProgress(this, *m_emailJob, smtp, std::move(email.message), password.value_or(""),
                         toWx("Sending the program to " + fromWx(to) + "…"), outboxId,
                         [this, outboxId, actor](const delivery::SendResult& result) {
                             workflow::recordSend(m_db, outboxId, result, actor);
                             if (result.sent())
                                 SetStatusText("The program was sent.");
                             else
                                 m_prompts.error(toWx("The program was not sent: " + result.message +
                                                      "\n\nIt is kept in the outbox: File → Outbox… to retry."));
                         });
    } catch (const InputError& e) {
        m_prompts.error(toWx(plainProblems(e.problems())));
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The email could not be prepared.\n\n") + e.what()));
    }
}

namespace {

/// Asks where to save a document; empty when cancelled.
std::filesystem::path askPdfPath(wxWindow* parent, const wxString& title, const wxString& name)
{
    wxFileDialog ask(parent, title, "", name, "PDF files (*.pdf)|*.pdf", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK)
        return {};
    return std::filesystem::path(fromWx(ask.GetPath()));
}

} // namespace

bool MainFrame::saveIssuedProgram(std::int64_t visitId, const std::filesystem::path& file)
{
    try {
        const auto issued = store::VisitRepository(m_db).latestProgram(visitId);
        if (!issued) {
            m_prompts.error("No program was issued at this visit.");
            return false;
        }
        if (issued->pdf.empty()) {
            m_prompts.error("This program was issued without its PDF being kept, so it cannot be reprinted "
                            "exactly; a therapist can print it again from the visit.");
            return false;
        }
        render::writeFileAtomically(
            file, std::string_view(reinterpret_cast<const char*>(issued->pdf.data()), issued->pdf.size()));
        SetStatusText(toWx("Saved program version " + std::to_string(issued->version) + " as issued to " +
                           file.string()));
        return true;
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The issued program was not saved.\n\n") + e.what()));
        return false;
    }
}

bool MainFrame::writeVisitNote(const std::filesystem::path& file)
{
    if (!m_visit || m_visit->visitId() == 0) {
        m_prompts.error(toWx("Save the visit first: the visit note records a saved visit."));
        return false;
    }
    try {
        // The note filed when the program was issued is the record of the visit, byte for byte.
        if (const auto filed = workflow::filedVisitNote(m_db, m_visit->visitId())) {
            render::writeFile(filed->pdf, file);
            SetStatusText(toWx("Visit note saved as filed with program version " + std::to_string(filed->version) +
                               ": " + file.string()));
            return true;
        }
        const auto input = workflow::visitNoteInput(m_db, m_visit->clinic(), m_visit->visitId(), todayLocal());
        render::writeFile(workflow::renderVisitNote(input, m_clinic.pageSize), file);
        SetStatusText(toWx("Visit note saved: " + file.string()));
        return true;
    } catch (const InputError& e) {
        m_prompts.error(toWx(plainProblems(e.problems())));
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The visit note was not saved.\n\n") + e.what()));
    }
    return false;
}

bool MainFrame::writeReferralLetter(const std::filesystem::path& file)
{
    if (!m_visit || m_visit->visitId() == 0) {
        m_prompts.error(toWx("Save the visit first: the referral letter is written for a saved visit."));
        return false;
    }
    try {
        const auto input = workflow::referralLetterInput(m_db, m_visit->clinic(), m_visit->visitId(), todayLocal());
        render::writeFile(workflow::renderReferralLetter(input, m_clinic.pageSize), file);
        SetStatusText(toWx("Referral letter saved: " + file.string()));
        return true;
    } catch (const InputError& e) {
        m_prompts.error(toWx(plainProblems(e.problems())));
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The referral letter was not saved.\n\n") + e.what()));
    }
    return false;
}

void MainFrame::onVisitNote()
{
    if (!m_visit || m_visit->visitId() == 0) {
        writeVisitNote({}); // says what to do
        return;
    }
    if (const auto file = askPdfPath(this, "Save the visit note", m_visit->documentFileName("visit note")); !file.empty())
        writeVisitNote(file);
}

void MainFrame::onReferralLetter()
{
    if (!m_visit || m_visit->visitId() == 0 || !workflow::referralLetterDue(m_visit->analysis())) {
        if (m_visit && m_visit->visitId() != 0)
            m_prompts.error(toWx("This visit has no urgent or emergency referral, so there is no referral letter. "
                                 "A routine finding is in the visit note and the progress report."));
        else
            writeReferralLetter({}); // says what to do
        return;
    }
    if (const auto file = askPdfPath(this, "Save the referral letter", m_visit->documentFileName("referral letter")); !file.empty())
        writeReferralLetter(file);
}

void MainFrame::onHistory()
{
    if (m_patientId == 0) {
        m_prompts.error(toWx("Open a patient first to see their history."));
        return;
    }
    if (!m_mayRecordFindings) {
        SetStatusText(toWx("The history shows findings, which are for the therapists."));
        return;
    }
    const VisitContext context = visitContext();
    std::optional<core::NextProgram> next;
    std::int64_t atVisit = 0;
    showHistoryDialog(this, m_db, m_patientId,
                      {context.norms, context.pageSize, context.branding, context.dateFormat, &m_library,
                       [&next, &atVisit](const core::NextProgram& chosen, std::int64_t visitId) {
                           next = chosen;
                           atVisit = visitId;
                       }});
    // The dialog closes itself once the therapist accepts: the program goes to the follow-up just
    // recorded (no program issued at it yet), else to a new visit; drafted until it is issued.
    if (next)
        if (auto* visit = atVisit != 0 ? openVisit(atVisit) : newVisit())
            visit->startFromNextProgram(*next);
}

void MainFrame::onClinicExercises(bool startNew)
{
    ClinicExercisesDialog dialog(this, m_db, *m_figures, visitContext().clinician, m_prompts.confirm);
    if (startNew)
        dialog.CallAfter([&dialog] { dialog.newExercise(); });
    dialog.ShowModal();
    if (!dialog.changed())
        return;
    // After the dialog: it draws with the figures loadLibrary replaces.
    loadLibrary();
    SetStatusText("The clinic's exercises are saved and offered in the program builder.");
}

void MainFrame::onSettings()
{
    SettingsDialog dialog(this, m_db, visitContext().clinician);
    if (dialog.ShowModal() != wxID_OK)
        return;
    loadLibrary(); // the clinic's settings may have changed; the open visit is told of them there
    const std::string chosen = Settings().databasePath();
    std::error_code ec;
    const bool same = chosen == m_db.location() ||
                      (!m_db.isServer() && !store::Database::isServerLocation(chosen) &&
                       std::filesystem::equivalent(chosen, m_db.path(), ec));
    if (!chosen.empty() && !same)
        switchDatabase(chosen);
    else
        SetStatusText("Settings saved.");
}

bool MainFrame::switchDatabase(const std::string& location)
{
    const std::filesystem::path path = location; // for the messages
    if (m_emailJob && m_emailJob->running()) {
        m_prompts.error(toWx("An email is being sent from the current database. HipRx changes to " +
                             path.string() + " when it next starts, or choose Settings again once the send "
                             "has finished."));
        return false;
    }
    try {
        closeVisit();
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The open visit could not be saved, so HipRx stays on the current "
                                         "database.\n\n") + e.what()));
        return false;
    }
    try {
        std::optional<store::Database> opened = openWithLogin(this, location);
        if (!opened) { // the login was cancelled
            Settings().setDatabasePath(m_db.location());
            SetStatusText(toWx("HipRx stays on " + m_db.location() + "."));
            return false;
        }
        stopListening();
        m_db = std::move(*opened);
    } catch (const std::exception& e) {
        // Back to the database in use, so that the next start does not fail on the same one.
        Settings().setDatabasePath(m_db.location());
        m_prompts.error(toWx(std::string("HipRx could not open the database ") + location + ", so it stays on " +
                             m_db.location() + ".\n\n" + e.what()));
        return false;
    }
    startListening();
    restoreWorkingClinician(); // staff numbers belong to their database
    loadLibrary(); // the clinic's own exercises and branding live in the database
    applyRole();   // another login may do other things
    showPatientList();
    refreshRecentMenu();
    SetStatusText(toWx(databaseStatus()));
    return true;
}

std::filesystem::path MainFrame::backupFolder() const
{
    const std::string chosen = Settings().backupDir();
    if (chosen.empty() && m_db.isServer())
        return store::AppPaths().backupsDir(); // not used: a server's backups are the server's
    return chosen.empty() ? m_db.path().parent_path() / "backups" : std::filesystem::path(chosen);
}

bool MainFrame::backUpNow()
{
    if (m_db.isServer()) {
        m_prompts.error(toWx("This computer uses the clinic server " + m_db.location() +
                             ". Its backups are the server's: the clinic's administrator makes them there "
                             "(hiprx-cli backup FILE, which runs pg_dump; see the README, Clinic mode)."));
        return false;
    }
    try {
        wxBusyCursor busy;
        const auto written = store::BackupFolder(backupFolder()).write(m_db);
        SetStatusText(toWx("Backed up to " + written.string()));
        return true;
    } catch (const std::exception& e) {
        m_prompts.error(toWx(std::string("The backup was not written.\n\n") + e.what() +
                             "\n\nCheck that the backup folder (Settings) exists on a disk with room, and "
                             "that you may write to it."));
        return false;
    }
}

void MainFrame::showError(const wxString& message) { m_prompts.error(message); }

void MainFrame::onClose(wxCloseEvent& event)
{
    try {
        closeVisit();
    } catch (const std::exception& e) {
        if (event.CanVeto() &&
            !m_prompts.confirm(toWx(std::string("The visit could not be saved: ") + e.what() + "\n\nClose anyway?"))) {
            event.Veto();
            return;
        }
    }
    // The daily backup, written as the app closes so that it holds the day's work. 20 hours, not 24,
    // so that closing at about the same time each evening still makes one.
    constexpr auto kDailyBackupAge = std::chrono::hours(20);
    bool dailyBackupDue = false;
    if (m_db.isServer()) {
        // the server's backups are its administrator's
    } else try {
        dailyBackupDue = store::BackupFolder(backupFolder()).due(nowInstant(), kDailyBackupAge);
    } catch (const std::exception&) {
        dailyBackupDue = true; // an unreadable folder: let backUpNow() say what is wrong
    }
    if (dailyBackupDue && !backUpNow() && event.CanVeto() &&
        !m_prompts.confirm(toWx("Close HipRx without today's backup?"))) {
        event.Veto();
        return;
    }
    Settings settings;
    settings.setWindowMaximized(IsMaximized());
    if (!IsMaximized())
        settings.setWindowSize(ToDIP(GetSize()));
    event.Skip();
}

void MainFrame::onAbout(wxCommandEvent&)
{
    wxAboutDialogInfo info;
    info.SetName("HipRx");
    info.SetVersion(HIPRX_VERSION);
    info.SetDescription("Hip and lower-back assessment, clinical reasoning and home exercise programs\n"
                        "for physical therapists.");
    info.SetLicence("GPL-3.0-or-later. HipRx supports, and never replaces, the clinician's judgement.");
    wxAboutBox(info, this);
}

} // namespace hiprx::app
