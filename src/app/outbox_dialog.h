// SPDX-License-Identifier: GPL-3.0-or-later
//
// File → Outbox…: the emails that have not gone out (queued or failed), with who they were for,
// when, which program version, and the last failure in plain words; Retry sends the selected one
// again (with progress and Cancel) and the list shows what really happened. A message is shown as
// sent only after the server accepted it.
#pragma once

#include "core/smtp_settings.h"
#include "store/database.h"

#include <wx/dialog.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace hiprx::app {

class EmailJob;

class OutboxDialog : public wxDialog {
public:
    /// `clinician` is recorded with each attempt.
    OutboxDialog(wxWindow* parent, store::Database& db, std::string clinician);
    ~OutboxDialog() override;

    /// Reloads the list from the database.
    void refresh();
    /// Rows listed (tests).
    int rows() const;
    /// Outbox id of a listed row.
    std::int64_t entryAt(int row) const;
    /// Text of one cell (tests): columns are patient, to, when, version, status, last error.
    std::string cell(int row, int column) const;
    void select(int row);
    /// Sends the selected message again in the background; false (with the reason on the status
    /// line) when nothing was started.
    bool retrySelected();
    /// Takes the selected message out of the outbox after `confirm` agrees (it stays in the
    /// patient's email history as discarded and is never sent); false when nothing was discarded.
    bool discardSelected();
    /// The yes/no question before discarding; the default is a message box (tests replace it).
    void setConfirm(std::function<bool(const wxString&)> confirm) { m_confirm = std::move(confirm); }
    /// True while a retry from this dialog is running.
    bool sending() const;
    /// The line under the list: the outcome of the last retry, or why nothing happened.
    std::string statusText() const;

private:
    /// Close, Esc, the title-bar × and Alt+F4: ends the dialog (EndModal when modal, hidden when
    /// modeless). While a retry runs and `canWait`, cancels it instead and closes once its result is
    /// recorded (unless recording it failed: that stays on screen); returns false then.
    bool requestClose(bool canWait);
    void updateButtons();
    void setStatus(const std::string& text, bool problem);

    store::Database& m_db;
    std::string m_clinician;
    std::vector<std::int64_t> m_ids;
    wxListCtrl* m_list = nullptr;
    wxButton* m_retry = nullptr;
    wxButton* m_discard = nullptr;
    std::function<bool(const wxString&)> m_confirm;
    wxStaticText* m_details = nullptr;
    wxStaticText* m_status = nullptr;
    std::string m_statusText; ///< m_status's text before wrapping
    bool m_inFlight = false; ///< from the start of a retry until its result is recorded
    bool m_closeWhenSent = false; ///< closing was asked for during a retry
    /// Last: destroyed first, so a running send is cancelled and joined while the rest still exists.
    std::unique_ptr<EmailJob> m_job;
};


/// Shows the outbox modally.
void showOutboxDialog(wxWindow* parent, store::Database& db, const std::string& clinician);

} // namespace hiprx::app
