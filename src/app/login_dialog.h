// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode: "Log in to the clinic server". Each person logs in as themselves; the password is
// handed to the server for this session and never stored by HipRx (the system keyring may remember
// it when the person asks). A login that fails says why in the dialog and lets the person try again.
#pragma once

#include "store/database.h"

#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <string>

class wxCheckBox;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::delivery {
class PasswordStore;
}

namespace hiprx::app {

class LoginDialog : public wxDialog {
public:
    /// `location`: the server's address as configured (no password); `login`: the name to offer.
    LoginDialog(wxWindow* parent, const std::string& location, const std::string& login);

    std::string login() const;
    std::string password() const;
    /// Shows why the last attempt failed, under the fields, and empties the password.
    void showProblem(const std::string& problem);
    std::string problem() const;
    /// The idle lock: only the person logged in may unlock; the login cannot be changed.
    void lockToLogin();
    /// For tests: fills the fields as a person would type them.
    void setTyped(const std::string& login, const std::string& password);
    /// Offers "Remember my password on this computer" (only where a keyring keeps it across
    /// restarts), ticked when a password is already remembered.
    void offerToRemember(const std::string& where, bool remembered);
    /// The person ticked "Remember my password" (false when it was not offered).
    bool remember() const;
    /// For tests: ticks or clears the box as a person would.
    void setRemember(bool remember);

private:
    wxTextCtrl* m_login = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxCheckBox* m_remember = nullptr;
    wxStaticText* m_problem = nullptr;
};

/// Opens a database location: a file at once, a clinic server after a login (the dialog is shown
/// again, with the server's reason, until the login works or the person cancels). `ask` runs the
/// dialog and returns whether the person chose Log in (tests answer it themselves). nullopt when
/// cancelled; a file that cannot be opened throws as store::Database::open does.
///
/// `keyring` (default: the process-wide delivery::passwordStore()): when it keeps passwords across
/// restarts, the dialog offers to remember the password there, keyed by the server's address and the
/// login, never in HipRx's own files. A remembered password logs in without the dialog; one that no
/// longer works is forgotten and the dialog says so.
std::optional<store::Database> openWithLogin(wxWindow* parent, const std::string& location,
                                             const std::function<bool(LoginDialog&)>& ask = {},
                                             delivery::PasswordStore* keyring = nullptr);

} // namespace hiprx::app
