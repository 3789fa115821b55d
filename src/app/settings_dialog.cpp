// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/settings_dialog.h"
#include "app/settings.h"
#include "app/wx_text.h"

#include "exchange/json_format.h"
#include "store/app_paths.h"
#include "store/repositories.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/clrpicker.h>
#include <wx/filepicker.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace hiprx::app {

SettingsDialog::SettingsDialog(wxWindow* parent, store::Database& db)
    : wxDialog(parent, wxID_ANY, "Settings", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db)
{
    core::Branding current;
    try {
        if (const auto json = store::SettingsRepository(m_db).get("branding"))
            current = exchange::readBranding(*json);
    } catch (const std::exception&) {
        // Start from defaults when the stored branding cannot be read; saving replaces it.
    }
    const Settings settings;

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* book = new wxNotebook(this, wxID_ANY);

    auto* clinic = new wxPanel(book);
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    grid->AddGrowableCol(1, 1);
    auto text = [&](const std::string& key, const wxString& label, const std::string& value, bool multi = false) {
        grid->Add(new wxStaticText(clinic, wxID_ANY, label), wxSizerFlags().Border(wxTOP, FromDIP(4)));
        auto* t = new wxTextCtrl(clinic, wxID_ANY, toWx(value), wxDefaultPosition,
                                 wxSize(FromDIP(340), multi ? FromDIP(50) : -1), multi ? wxTE_MULTILINE : 0);
        t->SetName(toWx(key));
        grid->Add(t, wxSizerFlags().Expand());
        m_text[key] = t;
    };
    text("clinic_name", "Clinic name", current.clinicName);
    text("address", "Address", current.address, true);
    text("phone", "Phone", current.phone);
    text("email", "Email", current.email);
    text("website", "Website", current.website);
    grid->Add(new wxStaticText(clinic, wxID_ANY, "Logo (PNG or JPEG)"), wxSizerFlags().CenterVertical());
    m_logo = new wxFilePickerCtrl(clinic, wxID_ANY, toWx(current.logoPath), "Choose the clinic logo",
                                  "Images (*.png;*.jpg;*.jpeg)|*.png;*.jpg;*.jpeg", wxDefaultPosition,
                                  wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    grid->Add(m_logo, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(clinic, wxID_ANY, "Accent colour"), wxSizerFlags().CenterVertical());
    m_accent = new wxColourPickerCtrl(clinic, wxID_ANY, wxColour(toWx(current.accentColor)));
    grid->Add(m_accent);
    text("therapist_name", "Therapist name", current.therapistName);
    text("therapist_credentials", "Credentials", current.therapistCredentials);
    auto* clinicSizer = new wxBoxSizer(wxVERTICAL);
    clinicSizer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    clinic->SetSizer(clinicSizer);
    book->AddPage(clinic, "Clinic and therapist");

    auto* machine = new wxPanel(book);
    auto* mgrid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    mgrid->AddGrowableCol(1, 1);
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "Norm reference set"), wxSizerFlags().CenterVertical());
    m_norms = new wxChoice(machine, wxID_ANY);
    int i = 0;
    for (auto set : core::normSets()) {
        m_norms->Append(toWx(std::string(core::normSetLabel(set))));
        if (set == settings.normSet())
            m_norms->SetSelection(i);
        ++i;
    }
    mgrid->Add(m_norms);
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "Page size"), wxSizerFlags().CenterVertical());
    m_page = new wxChoice(machine, wxID_ANY);
    m_page->Append("A4");
    m_page->Append("US Letter");
    m_page->SetSelection(settings.pageSize() == render::PageSize::Letter ? 1 : 0);
    mgrid->Add(m_page);
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "Database file"), wxSizerFlags().CenterVertical());
    m_database = new wxTextCtrl(machine, wxID_ANY,
                                toWx(settings.databasePath().empty() ? m_db.path().string() : settings.databasePath()));
    mgrid->Add(m_database, wxSizerFlags().Expand());
    mgrid->AddSpacer(0);
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "A new database location is used from the next start."));
    mgrid->Add(new wxStaticText(machine, wxID_ANY, "Backup folder"), wxSizerFlags().CenterVertical());
    std::string backups = settings.backupDir();
    if (backups.empty()) {
        try {
            backups = store::AppPaths().backupsDir().string();
        } catch (const std::exception&) {
        }
    }
    m_backups = new wxDirPickerCtrl(machine, wxID_ANY, toWx(backups), "Folder for backups", wxDefaultPosition,
                                    wxDefaultSize, wxDIRP_USE_TEXTCTRL);
    mgrid->Add(m_backups, wxSizerFlags().Expand());
    auto* machineSizer = new wxBoxSizer(wxVERTICAL);
    machineSizer->Add(mgrid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    machine->SetSizer(machineSizer);
    book->AddPage(machine, "This computer");

    sizer->Add(book, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
    m_problems = new wxStaticText(this, wxID_ANY, "");
    m_problems->SetForegroundColour(wxColour(183, 28, 28));
    sizer->Add(m_problems, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    SetSizerAndFit(sizer);

    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (save())
            e.Skip();
    }, wxID_OK);
}

core::Branding SettingsDialog::branding() const
{
    core::Branding b;
    auto get = [&](const char* key) { return fromWx(m_text.at(key)->GetValue().Strip(wxString::both)); };
    b.clinicName = get("clinic_name");
    b.address = get("address");
    b.phone = get("phone");
    b.email = get("email");
    b.website = get("website");
    b.therapistName = get("therapist_name");
    b.therapistCredentials = get("therapist_credentials");
    b.logoPath = fromWx(m_logo->GetPath());
    b.accentColor = fromWx(m_accent->GetColour().GetAsString(wxC2S_HTML_SYNTAX));
    return b;
}

void SettingsDialog::setField(const std::string& key, const std::string& value)
{
    m_text.at(key)->SetValue(toWx(value));
}

bool SettingsDialog::save()
{
    try {
        // Reading our own JSON back runs the exchange layer's checks (e-mail, colour) in one place.
        const std::string json = exchange::writeBranding(branding());
        exchange::readBranding(json);
        store::SettingsRepository(m_db).set("branding", json, {branding().therapistName});
    } catch (const InputError& e) {
        m_problems->SetLabel(toWx(formatProblems(e.problems())));
        Fit();
        return false;
    } catch (const std::exception& e) {
        m_problems->SetLabel(toWx(std::string("The settings could not be saved: ") + e.what()));
        Fit();
        return false;
    }
    Settings settings;
    const int normSel = m_norms->GetSelection();
    if (normSel >= 0)
        settings.setNormSet(core::normSets()[static_cast<std::size_t>(normSel)]);
    settings.setPageSize(m_page->GetSelection() == 1 ? render::PageSize::Letter : render::PageSize::A4);
    const std::string dbPath = fromWx(m_database->GetValue().Strip(wxString::both));
    settings.setDatabasePath(dbPath == m_db.path().string() ? settings.databasePath() : dbPath);
    settings.setBackupDir(fromWx(m_backups->GetPath()));
    return true;
}

} // namespace hiprx::app
