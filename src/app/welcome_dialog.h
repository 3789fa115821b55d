// SPDX-License-Identifier: GPL-3.0-or-later
//
// The first start: "Welcome to HipRx". Asks for the clinic details that head every handout,
// note and letter (name, address, phone, email), the paper size and how dates are written, and
// offers the demo patient. Shown centred on the main window, before anyone has typed a patient,
// only while the database has neither patients nor stored clinic details. Everything here can be
// changed later in File → Settings.
#pragma once

#include "core/branding.h"
#include "store/database.h"

#include <wx/dialog.h>

#include <map>
#include <string>

class wxCheckBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {

class WelcomeDialog : public wxDialog {
public:
    /// `actor`: who is named in the record of changes for what is saved (may be empty at a first start).
    WelcomeDialog(wxWindow* parent, store::Database& db, std::string actor);

    /// Sets a field by its key: clinic_name, address, phone, email (tests).
    void setField(const std::string& key, const std::string& value);
    /// Checks and stores the clinic details, paper size and date format in one transaction;
    /// false (the problems shown, naming each field) when something is invalid; nothing is saved then.
    bool save();
    /// The problems shown after a failed save (empty when none).
    std::string problems() const;
    /// Whether the therapist wants the demo patient.
    bool addDemoPatient() const;
    void setAddDemoPatient(bool add);

    /// True when this is a first start: no patient and no clinic details stored yet.
    static bool isFirstStart(store::Database& db);

private:
    core::Branding branding() const;

    store::Database& m_db;
    std::string m_actor;
    std::map<std::string, wxTextCtrl*> m_text;
    wxChoice* m_page = nullptr;
    wxChoice* m_dateFormat = nullptr;
    wxCheckBox* m_demo = nullptr;
    wxStaticText* m_problems = nullptr;
};

} // namespace hiprx::app
