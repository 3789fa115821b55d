// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/database.h"

#include <wx/frame.h>

class wxListCtrl;
class wxSearchCtrl;

namespace hiprx::app {

/// The HipRx main window: menus, the patient list with search as you type, a status bar.
class MainFrame : public wxFrame {
public:
    /// Takes the open database for the lifetime of the window.
    explicit MainFrame(store::Database database);

    /// Rows shown in the patient list (for tests).
    int patientRows() const;
    /// Runs the search as if the user had typed `text`.
    void search(const wxString& text);

private:
    void buildMenus();
    void refreshPatients();
    void onAbout(wxCommandEvent&);

    store::Database m_db;
    wxSearchCtrl* m_search = nullptr;
    wxListCtrl* m_patients = nullptr;
};

} // namespace hiprx::app
