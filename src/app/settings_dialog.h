// SPDX-License-Identifier: GPL-3.0-or-later
//
// Settings: clinic branding and therapist (stored in the database, key "branding"), and this
// machine's choices (norm set, page size, database and backup folders; stored in wxConfig).
#pragma once

#include "core/branding.h"
#include "store/database.h"

#include <wx/dialog.h>

#include <map>
#include <string>

class wxChoice;
class wxColourPickerCtrl;
class wxDirPickerCtrl;
class wxFilePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {

class SettingsDialog : public wxDialog {
public:
    SettingsDialog(wxWindow* parent, store::Database& db);

    /// The branding as typed.
    core::Branding branding() const;
    /// Checks and stores everything; false (with the problems shown) when something is invalid.
    bool save();
    /// Sets a branding text field by its JSON key (tests).
    void setField(const std::string& key, const std::string& value);

private:
    store::Database& m_db;
    std::map<std::string, wxTextCtrl*> m_text;
    wxFilePickerCtrl* m_logo = nullptr;
    wxColourPickerCtrl* m_accent = nullptr;
    wxChoice* m_norms = nullptr;
    wxChoice* m_page = nullptr;
    wxTextCtrl* m_database = nullptr;
    wxDirPickerCtrl* m_backups = nullptr;
    wxStaticText* m_problems = nullptr;
};

} // namespace hiprx::app
