// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/staff_dialog.h"

#include "app/wx_text.h"

#include "core/error.h"
#include "store/staff_repository.h"

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace hiprx::app {

StaffDialog::StaffDialog(wxWindow* parent, store::Database& db, std::int64_t current, std::string actor)
    : wxDialog(parent, wxID_ANY, "Who is working?", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db), m_actor(std::move(actor))
{
    SetName("hiprx-staff");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                "Choose who is working at this computer. Visits you start name you as the "
                                "clinician, and the record of changes names you."),
               wxSizerFlags().Border(wxALL, gap));
    m_list = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(380), FromDIP(160)));
    m_list->SetName("staff.list");
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));

    auto* add = new wxFlexGridSizer(3, FromDIP(4), gap);
    add->AddGrowableCol(0, 2);
    add->AddGrowableCol(1, 1);
    add->Add(new wxStaticText(this, wxID_ANY, "&Name (not on the list yet)"));
    add->Add(new wxStaticText(this, wxID_ANY, "Cre&dentials, e.g. PT, DPT"));
    add->AddSpacer(0);
    m_name = new wxTextCtrl(this, wxID_ANY);
    m_name->SetName("staff.name");
    m_credentials = new wxTextCtrl(this, wxID_ANY);
    m_credentials->SetName("staff.credentials");
    auto* addButton = new wxButton(this, wxID_ADD, "&Add");
    add->Add(m_name, wxSizerFlags().Expand());
    add->Add(m_credentials, wxSizerFlags().Expand());
    add->Add(addButton);
    sizer->Add(add, wxSizerFlags().Expand().Border(wxALL, gap));
    m_problem = new wxStaticText(this, wxID_ANY, "");
    m_problem->SetForegroundColour(wxColour(183, 28, 28));
    sizer->Add(m_problem, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));

    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel("&Work as this person");
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizerAndFit(sizer);

    addButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        addPerson(fromWx(m_name->GetValue()), fromWx(m_credentials->GetValue()));
    });
    m_list->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
        if (auto* ok = FindWindow(wxID_OK))
            ok->Enable(chosen() != 0);
    });
    m_list->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
        if (chosen() != 0)
            EndModal(wxID_OK);
    });
    refresh(current);
    if (m_staff.empty())
        m_name->SetFocus();
    else
        m_list->SetFocus();
    CentreOnParent();
}

void StaffDialog::refresh(std::int64_t select)
{
    m_staff = store::StaffRepository(m_db).list();
    m_list->Clear();
    for (const auto& member : m_staff)
        m_list->Append(toWx(core::staffLabel(member)));
    choose(select);
    if (auto* ok = FindWindow(wxID_OK))
        ok->Enable(chosen() != 0);
}

std::int64_t StaffDialog::chosen() const
{
    const int row = m_list->GetSelection();
    return row == wxNOT_FOUND ? 0 : m_staff.at(static_cast<std::size_t>(row)).id;
}

bool StaffDialog::choose(std::int64_t id)
{
    for (std::size_t i = 0; i < m_staff.size(); ++i)
        if (m_staff[i].id == id) {
            m_list->SetSelection(static_cast<int>(i));
            if (auto* ok = FindWindow(wxID_OK))
                ok->Enable(true);
            return true;
        }
    return false;
}

bool StaffDialog::addPerson(const std::string& name, const std::string& credentials)
{
    try {
        const std::int64_t id = store::StaffRepository(m_db).add({0, name, credentials, true}, {m_actor});
        m_name->Clear();
        m_credentials->Clear();
        m_problem->SetLabel("");
        refresh(id);
        Layout();
        return true;
    } catch (const InputError& e) {
        m_problem->SetLabel(toWx(plainProblems(e.problems())));
    } catch (const std::exception& e) {
        m_problem->SetLabel(toWx(std::string("The person was not added: ") + e.what()));
    }
    Layout();
    Fit();
    return false;
}

std::string StaffDialog::problem() const { return fromWx(m_problem->GetLabel()); }

} // namespace hiprx::app
