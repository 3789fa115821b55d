// SPDX-License-Identifier: GPL-3.0-or-later
//
// New / edit patient: the patient's details, checked with core::validatePatient, each problem shown
// under its own field; OK does nothing until every field is acceptable.
#pragma once

#include "core/assessment.h"

#include <wx/dialog.h>

#include <map>
#include <string>
#include <vector>

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {

class PatientDialog : public wxDialog {
public:
    /// `patient` fills the fields (id 0 = a new patient).
    PatientDialog(wxWindow* parent, const core::Patient& patient);

    /// The patient as typed (id kept from the constructor). Unparseable dates are left empty and
    /// reported by check().
    core::Patient patient() const;
    /// Validates; marks each problem at its field. True when the patient may be saved.
    bool check();
    /// Sets a field by its path ("patient.name", "patient.birth_date", …) as the user would (tests).
    void setField(const std::string& path, const std::string& value);
    /// The problem text shown under a field ("" when none).
    wxString problemAt(const std::string& path) const;

private:
    void addField(wxWindow* parent, wxSizer* grid, const std::string& path, const wxString& label, wxWindow* control);

    std::int64_t m_id = 0;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_externalId = nullptr;
    wxTextCtrl* m_birth = nullptr;
    wxChoice* m_sex = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxTextCtrl* m_phone = nullptr;
    std::map<std::string, wxWindow*> m_controls;
    std::map<std::string, wxStaticText*> m_problems;
};

} // namespace hiprx::app
