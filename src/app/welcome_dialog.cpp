// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/welcome_dialog.h"

#include "app/wx_text.h"

#include "core/date.h"
#include "core/error.h"
#include "exchange/json_format.h"
#include "store/repositories.h"
#include "workflow/clinic.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace hiprx::app {

WelcomeDialog::WelcomeDialog(wxWindow* parent, store::Database& db, std::string actor)
    : wxDialog(parent, wxID_ANY, "Welcome to HipRx", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE),
      m_db(db), m_actor(std::move(actor))
{
    SetName("hiprx-welcome");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, "Welcome to HipRx");
    heading->SetFont(heading->GetFont().Scaled(1.4f).Bold());
    sizer->Add(heading, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap * 2));
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   toWx("Your clinic's details head every home program, visit note and letter "
                                        "you give out. Fill in what you have now; everything here can be changed "
                                        "later in File → Settings."));
    intro->Wrap(FromDIP(560));
    sizer->Add(intro, wxSizerFlags().Border(wxALL, gap * 2));

    const workflow::Clinic stored = workflow::loadClinic(m_db);
    auto* grid = new wxFlexGridSizer(2, gap, gap + FromDIP(4));
    grid->AddGrowableCol(1, 1);
    auto text = [&](const std::string& key, const wxString& label, const std::string& value, const wxString& hint,
                    bool multi = false) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().Border(wxTOP, FromDIP(4)));
        auto* t = new wxTextCtrl(this, wxID_ANY, toWx(value), wxDefaultPosition,
                                 wxSize(FromDIP(320), multi ? FromDIP(52) : -1), multi ? wxTE_MULTILINE : 0);
        t->SetName(toWx("welcome." + key));
        t->SetHint(hint);
        grid->Add(t, wxSizerFlags().Expand());
        m_text[key] = t;
    };
    text("clinic_name", "&Clinic name", stored.branding.clinicName, "e.g. Riverside Physiotherapy");
    text("address", "&Address", stored.branding.address, "", true);
    text("phone", "&Phone", stored.branding.phone, "");
    text("email", "&Email", stored.branding.email, "e.g. frontdesk@example.org");

    grid->Add(new wxStaticText(this, wxID_ANY, "Pape&r size"), wxSizerFlags().CenterVertical());
    m_page = new wxChoice(this, wxID_ANY);
    m_page->SetName("welcome.page_size");
    m_page->Append("A4");
    m_page->Append("US Letter");
    m_page->SetSelection(stored.pageSize == render::PageSize::Letter ? 1 : 0);
    grid->Add(m_page);
    grid->Add(new wxStaticText(this, wxID_ANY, "&Dates written as"), wxSizerFlags().CenterVertical());
    m_dateFormat = new wxChoice(this, wxID_ANY);
    m_dateFormat->SetName("welcome.date_format");
    for (std::size_t f = 0; f < core::dateFormats().size(); ++f) {
        m_dateFormat->Append(toWx(core::dateFormatLabel(core::dateFormats()[f])));
        if (core::dateFormats()[f] == stored.dateFormat)
            m_dateFormat->SetSelection(static_cast<int>(f));
    }
    grid->Add(m_dateFormat);
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap * 2));

    m_demo = new wxCheckBox(this, wxID_ANY,
                            "Add a de&mo patient (an invented desk worker) to try a whole visit in a minute");
    m_demo->SetName("welcome.demo");
    m_demo->SetValue(true);
    sizer->Add(m_demo, wxSizerFlags().Border(wxALL, gap * 2));

    m_problems = new wxStaticText(this, wxID_ANY, "");
    m_problems->SetForegroundColour(wxColour(183, 28, 28));
    sizer->Add(m_problems, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap * 2));

    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel("&Start");
    if (auto* cancel = FindWindow(wxID_CANCEL))
        cancel->SetLabel("S&kip for now");
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap * 2));
    SetSizerAndFit(sizer);

    // Start stores what was typed; a problem keeps the dialog open with the field named.
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (save())
            e.Skip();
    }, wxID_OK);
    m_text.at("clinic_name")->SetFocus();
    // Centred on the main window (a message box would open wherever the window manager puts it,
    // which without one is the top-left corner of the screen).
    CentreOnParent();
}

bool WelcomeDialog::isFirstStart(store::Database& db)
{
    return store::PatientRepository(db).count() == 0 &&
           !store::SettingsRepository(db).get(workflow::kBrandingKey).has_value();
}

core::Branding WelcomeDialog::branding() const
{
    core::Branding b = workflow::loadClinic(m_db).branding;
    auto get = [&](const char* key) { return fromWx(m_text.at(key)->GetValue().Strip(wxString::both)); };
    b.clinicName = get("clinic_name");
    b.address = get("address");
    b.phone = get("phone");
    b.email = get("email");
    return b;
}

void WelcomeDialog::setField(const std::string& key, const std::string& value) { m_text.at(key)->SetValue(toWx(value)); }

bool WelcomeDialog::save()
{
    std::string json;
    try {
        // Reading our own JSON back runs the same checks as Settings (e-mail address, lengths).
        json = exchange::writeBranding(branding());
        exchange::readBranding(json);
    } catch (const InputError& e) {
        m_problems->SetLabel(toWx(formatProblems(e.problems())));
        m_problems->Wrap(FromDIP(560));
        Fit();
        return false;
    }
    const store::Actor actor{m_actor};
    const int dateSel = m_dateFormat->GetSelection();
    m_db.transaction([&] {
        store::SettingsRepository(m_db).set(workflow::kBrandingKey, json, actor);
        workflow::savePageSize(m_db, m_page->GetSelection() == 1 ? render::PageSize::Letter : render::PageSize::A4,
                               actor);
        if (dateSel >= 0)
            workflow::saveDateFormat(m_db, core::dateFormats()[static_cast<std::size_t>(dateSel)], actor);
    });
    m_problems->SetLabel("");
    return true;
}

std::string WelcomeDialog::problems() const { return fromWx(m_problems->GetLabel()); }

bool WelcomeDialog::addDemoPatient() const { return m_demo->GetValue(); }

void WelcomeDialog::setAddDemoPatient(bool add) { m_demo->SetValue(add); }

} // namespace hiprx::app
