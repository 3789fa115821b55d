// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/patient_dialog.h"
#include "app/today.h"
#include "app/wx_text.h"


#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace hiprx::app {

PatientDialog::PatientDialog(wxWindow* parent, const core::Patient& patient)
    : wxDialog(parent, wxID_ANY, patient.id == 0 ? "New patient" : "Edit patient"), m_id(patient.id)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, FromDIP(2), FromDIP(10));
    grid->AddGrowableCol(1, 1);

    m_name = new wxTextCtrl(this, wxID_ANY, toWx(patient.name), wxDefaultPosition, wxSize(FromDIP(300), -1));
    addField(this, grid, "patient.name", "Name *", m_name);
    m_birth = new wxTextCtrl(this, wxID_ANY, patient.birthDate ? toWx(patient.birthDate->iso()) : wxString());
    m_birth->SetHint("YYYY-MM-DD");
    addField(this, grid, "patient.birth_date", "Birth date", m_birth);
    m_sex = new wxChoice(this, wxID_ANY);
    int i = 0;
    for (const auto& e : core::vocabulary<core::Sex>()) {
        m_sex->Append(toWx(std::string(e.label)));
        if (e.value == patient.sex)
            m_sex->SetSelection(i);
        ++i;
    }
    addField(this, grid, "patient.sex", "Sex", m_sex);
    m_externalId = new wxTextCtrl(this, wxID_ANY, toWx(patient.externalId));
    addField(this, grid, "patient.id", "Record number", m_externalId);
    m_email = new wxTextCtrl(this, wxID_ANY, toWx(patient.email));
    addField(this, grid, "patient.email", "Email", m_email);
    m_phone = new wxTextCtrl(this, wxID_ANY, toWx(patient.phone));
    addField(this, grid, "patient.phone", "Phone", m_phone);

    sizer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    SetSizerAndFit(sizer);
    m_name->SetFocus();

    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (check())
            e.Skip(); // let the dialog close with wxID_OK
    }, wxID_OK);
}

void PatientDialog::addField(wxWindow* parent, wxSizer* grid, const std::string& path, const wxString& label,
                             wxWindow* control)
{
    grid->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().Border(wxTOP, FromDIP(4)));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(control, wxSizerFlags().Expand());
    auto* problem = new wxStaticText(parent, wxID_ANY, "");
    problem->SetForegroundColour(wxColour(183, 28, 28));
    column->Add(problem);
    grid->Add(column, wxSizerFlags().Expand());
    m_controls[path] = control;
    m_problems[path] = problem;
}

core::Patient PatientDialog::patient() const
{
    core::Patient p;
    p.id = m_id;
    p.name = fromWx(m_name->GetValue().Strip(wxString::both));
    p.externalId = fromWx(m_externalId->GetValue().Strip(wxString::both));
    p.birthDate = core::Date::parse(fromWx(m_birth->GetValue().Strip(wxString::both)));
    const int sel = m_sex->GetSelection();
    p.sex = sel >= 0 ? core::vocabulary<core::Sex>()[static_cast<std::size_t>(sel)].value : core::Sex::Unknown;
    p.email = fromWx(m_email->GetValue().Strip(wxString::both));
    p.phone = fromWx(m_phone->GetValue().Strip(wxString::both));
    return p;
}

bool PatientDialog::check()
{
    auto problems = core::validatePatient(patient(), todayLocal());
    const wxString birth = m_birth->GetValue().Strip(wxString::both);
    if (!birth.empty() && !core::Date::parse(fromWx(birth)))
        problems.push_back({"patient.birth_date", "patient.birth_date: \"" + fromWx(birth) +
                                                      "\" is not a date; type it as YYYY-MM-DD"});
    for (auto& [path, label] : m_problems) {
        label->SetLabel("");
        m_controls[path]->SetBackgroundColour(wxNullColour);
        m_controls[path]->Refresh();
    }
    for (const auto& p : problems) {
        const auto it = m_problems.find(p.path);
        if (it == m_problems.end())
            continue;
        // The field is right beside the message, so the path prefix would only be noise.
        std::string text = p.message;
        if (text.rfind(p.path + ": ", 0) == 0)
            text = text.substr(p.path.size() + 2);
        it->second->SetLabel(toWx(text));
        m_controls[p.path]->SetBackgroundColour(wxColour(255, 205, 210));
        m_controls[p.path]->Refresh();
    }
    if (!problems.empty()) {
        if (auto it = m_controls.find(problems.front().path); it != m_controls.end())
            it->second->SetFocus();
    }
    Fit();
    Layout();
    return problems.empty();
}

void PatientDialog::setField(const std::string& path, const std::string& value)
{
    if (auto* text = dynamic_cast<wxTextCtrl*>(m_controls.at(path)))
        text->SetValue(toWx(value));
}

wxString PatientDialog::problemAt(const std::string& path) const
{
    const auto it = m_problems.find(path);
    return it == m_problems.end() ? wxString() : it->second->GetLabel();
}

} // namespace hiprx::app
