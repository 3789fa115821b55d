// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/main_frame.h"
#include "app/wx_text.h"

#include "store/repositories.h"

#include <wx/aboutdlg.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

namespace hiprx::app {

namespace {

enum MenuId { kIdFindPatient = wxID_HIGHEST + 1 };

} // namespace

MainFrame::MainFrame(store::Database database)
    : wxFrame(nullptr, wxID_ANY, "HipRx", wxDefaultPosition, wxSize(960, 640)), m_db(std::move(database))
{
    buildMenus();

    auto* panel = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(panel, wxID_ANY, "Patients");
    heading->SetFont(heading->GetFont().Scaled(1.4f).Bold());
    m_search = new wxSearchCtrl(panel, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_search->SetDescriptiveText("Search by name, birth date (1961-04) or record number");
    m_search->ShowCancelButton(true);
    m_patients = new wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_patients->AppendColumn("Name", wxLIST_FORMAT_LEFT, FromDIP(320));
    m_patients->AppendColumn("Born", wxLIST_FORMAT_LEFT, FromDIP(120));
    m_patients->AppendColumn("External id", wxLIST_FORMAT_LEFT, FromDIP(160));

    sizer->Add(heading, wxSizerFlags().Border(wxALL, FromDIP(12)));
    sizer->Add(m_search, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    sizer->Add(m_patients, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    panel->SetSizer(sizer);

    CreateStatusBar();
    SetStatusText(toWx("Database: " + m_db.path().string()));

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refreshPatients(); });
    m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { m_search->Clear(); });
    refreshPatients();
}

void MainFrame::buildMenus()
{
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, "&Quit\tCtrl+Q", "Close HipRx");
    auto* patient = new wxMenu;
    patient->Append(kIdFindPatient, toWx("&Find…\tCtrl+F"), "Search the patient list");
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, "&About HipRx", "Version and licence");

    auto* bar = new wxMenuBar;
    bar->Append(file, "&File");
    bar->Append(patient, "&Patient");
    bar->Append(help, "&Help");
    SetMenuBar(bar);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::onAbout, this, wxID_ABOUT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_search->SetFocus(); }, kIdFindPatient);
}

void MainFrame::search(const wxString& text)
{
    m_search->ChangeValue(text);
    refreshPatients();
}

int MainFrame::patientRows() const { return m_patients->GetItemCount(); }

void MainFrame::refreshPatients()
{
    const auto found = store::PatientRepository(m_db).search(fromWx(m_search->GetValue()), 200);
    m_patients->Freeze();
    m_patients->DeleteAllItems();
    long row = 0;
    for (const auto& p : found) {
        m_patients->InsertItem(row, toWx(p.name));
        m_patients->SetItem(row, 1, p.birthDate ? toWx(p.birthDate->iso()) : wxString());
        m_patients->SetItem(row, 2, toWx(p.externalId));
        ++row;
    }
    m_patients->Thaw();
    SetStatusText(wxString::Format("%ld patient(s) shown", row));
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
