// SPDX-License-Identifier: GPL-3.0-or-later
//
// Settings: clinic branding and therapist (stored in the database, key "branding"), the clinic's
// outgoing mail server (database, key "smtp"; its password only in the system keyring), and this
// machine's choices (norm set, page size, database and backup folders; stored in wxConfig).
#pragma once

#include "core/branding.h"
#include "core/smtp_settings.h"
#include "store/database.h"

#include <wx/dialog.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

class wxChoice;
class wxColourPickerCtrl;
class wxDirPickerCtrl;
class wxFilePickerCtrl;
class wxNotebook;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace hiprx::app {

class EmailJob;

class SettingsDialog : public wxDialog {
public:
    /// `actor`: the person working, named in the audit log for what is saved.
    SettingsDialog(wxWindow* parent, store::Database& db, std::string actor = {});
    ~SettingsDialog() override;

    /// The branding as typed.
    core::Branding branding() const;
    /// Checks and stores everything; false (with the problems shown) when something is invalid.
    bool save();
    /// Sets a branding text field by its JSON key (tests).
    void setField(const std::string& key, const std::string& value);

    /// The Email page as typed and checked; nullopt when it is left empty (email not set up).
    /// Throws InputError listing every problem by field path (smtp.port, smtp.sender_address, …)
    /// with the allowed range.
    std::optional<core::SmtpSettings> smtpSettings() const;
    /// Sets an Email page text field by its JSON key: host, port, user, sender_name,
    /// sender_address, or password (tests).
    void setSmtpField(const std::string& key, const std::string& value);
    void setSmtpSecurity(core::SmtpSecurity security);
    /// Shows the page with this index (0 clinic, 1 email, 2 this computer).
    void showPage(int index);
    /// The problems shown under the pages after a failed save (empty when none).
    std::string problems() const;
    /// "Send test message": checks the Email page and sends a short message (no attachment) to the
    /// sender address with the settings as typed, in the background with progress and Cancel.
    /// Saves nothing. False (with the reason in testResult()) when nothing was sent off.
    bool sendTestMessage();
    /// True while the test message is being sent.
    bool testSending() const;
    /// The outcome of the last test message, in plain words.
    std::string testResult() const;
    /// Whether this login may change the clinic's settings (on a clinic server only an
    /// administrator may: the clinic's pages are then shown read-only and OK keeps only what
    /// belongs to this computer).
    bool clinicEditable() const { return m_clinicEditable; }
    /// Clinic mode: the minutes after which an unused desk locks (0 = never), as typed (tests).
    void setLockAfter(int minutes);

private:
    /// The database location and backup folder (this computer's; wxConfig). Always true.
    bool saveThisComputer();

    store::Database& m_db;
    std::string m_actor;
    std::map<std::string, wxTextCtrl*> m_text;
    wxFilePickerCtrl* m_logo = nullptr;
    wxColourPickerCtrl* m_accent = nullptr;
    wxChoice* m_norms = nullptr;
    wxChoice* m_page = nullptr;
    wxChoice* m_dateFormat = nullptr; ///< core::dateFormats(), in order
    wxSpinCtrl* m_lockAfter = nullptr; ///< clinic mode only
    bool m_clinicEditable = true;
    wxTextCtrl* m_database = nullptr;
    wxDirPickerCtrl* m_backups = nullptr;
    wxStaticText* m_problems = nullptr;
    wxNotebook* m_book = nullptr;
    std::map<std::string, wxTextCtrl*> m_smtp; ///< host, port, user, sender_name, sender_address
    wxChoice* m_security = nullptr;
    wxTextCtrl* m_password = nullptr;
    int m_smtpTimeout = 60; ///< not on the page; kept as stored
    wxStaticText* m_testResult = nullptr;
    std::string m_testText; ///< m_testResult's text before wrapping
    bool m_testInFlight = false;
    /// Last: destroyed first, so a running test send is cancelled and joined while the rest exists.
    std::unique_ptr<EmailJob> m_testJob;
};

} // namespace hiprx::app
