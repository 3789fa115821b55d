// SPDX-License-Identifier: GPL-3.0-or-later
//
// "Who is working at this desk?": the clinic's staff list to choose from, and a row to add a
// person (name and credentials). The choice names the audit log's actor and the clinician of new
// visits; it is remembered on this computer (Settings) until someone else chooses.
#pragma once

#include "core/staff.h"
#include "store/database.h"

#include <wx/dialog.h>

#include <cstdint>
#include <string>
#include <vector>

class wxListBox;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {

class StaffDialog : public wxDialog {
public:
    /// `current`: the person working now (selected), 0 for none; `actor` names who adds people.
    StaffDialog(wxWindow* parent, store::Database& db, std::int64_t current, std::string actor);

    /// The selected person's id; 0 when nobody is selected.
    std::int64_t chosen() const;
    /// Selects a person by id; false when they are not on the list.
    bool choose(std::int64_t id);
    /// Adds a person and selects them; false (the problem shown under the fields) when invalid.
    bool addPerson(const std::string& name, const std::string& credentials);
    /// The problem shown after a failed add (empty when none).
    std::string problem() const;

private:
    void refresh(std::int64_t select);

    store::Database& m_db;
    std::string m_actor;
    std::vector<core::StaffMember> m_staff;
    wxListBox* m_list = nullptr;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_credentials = nullptr;
    wxStaticText* m_problem = nullptr;
};

} // namespace hiprx::app
