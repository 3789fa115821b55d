// SPDX-License-Identifier: GPL-3.0-or-later
//
// Sending an email without freezing the window: SmtpClient::send runs on a worker thread; progress
// and the result come back to the GUI thread through CallAfter on the owning window. And where the
// SMTP password lives: the OS secret store, never the database or wxConfig.
#pragma once

#include "core/smtp_settings.h"
#include "delivery/email_message.h"
#include "delivery/smtp_client.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <thread>

class wxEvtHandler;
class wxString;
class wxWindow;

namespace hiprx::app {

/// One send at a time, owned by a window (declare it as a member of that window so it is destroyed,
/// and its thread joined, before the window's event handler goes away).
class EmailJob {
public:
    /// Both are called on the GUI thread.
    struct Callbacks {
        std::function<void(std::uint64_t sent, std::uint64_t total)> progress; ///< at most ~10 times a second
        std::function<void(const delivery::SendResult&)> done;                  ///< exactly once per start()
    };

    explicit EmailJob(wxEvtHandler& owner);
    /// Cancels a running send and waits for its thread (at most a few seconds: libcurl checks the
    /// cancel flag about once a second).
    ~EmailJob();
    EmailJob(const EmailJob&) = delete;
    EmailJob& operator=(const EmailJob&) = delete;

    /// Starts sending; false when a send is still running.
    bool start(const core::SmtpSettings& settings, delivery::EmailMessage message, std::string password,
               Callbacks callbacks);
    /// Asks the running send to stop; `done` then reports SendFailure::Cancelled (or the real outcome
    /// if the server had already answered).
    void cancel();
    bool running() const noexcept { return m_running.load(); }

private:
    wxEvtHandler& m_owner;
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_running{false};
};

/// Starts `job` and shows a small modeless window (name "hiprx-send-progress") with what is being
/// sent, a progress bar and a Cancel button; the window closes itself when the send ends, then `done`
/// runs on the GUI thread with the real result. `outboxId` (0 = none) is marked as being sent until
/// then, so the outbox never offers to send the same message twice at once. False (nothing started)
/// when the job is busy or that outbox message is already being sent.
bool sendWithProgress(wxWindow* parent, EmailJob& job, const core::SmtpSettings& settings,
                      delivery::EmailMessage message, std::string password, const wxString& what,
                      std::int64_t outboxId, std::function<void(const delivery::SendResult&)> done);

/// True while outbox message `outboxId` is being sent by any window of this process.
bool outboxSending(std::int64_t outboxId);

/// The SMTP password for the app's settings: delivery::passwordStore() (the system keyring through
/// libsecret, since Debian 12's wx 3.2 has no wxSecretStore), or memory for this session when no
/// keyring is running. Never the database or wxConfig.
class SmtpPasswordStore {
public:
    /// True when passwords survive a restart (a system keyring is running).
    static bool persistent();
    /// The saved password for the settings' host and user, if any.
    static std::optional<std::string> load(const core::SmtpSettings& settings);
    /// Saves it; false (with `error` set) when the store refused.
    static bool save(const core::SmtpSettings& settings, const std::string& password, std::string& error);
    static void forget(const core::SmtpSettings& settings);
    /// Where a saved password goes, in plain words (shown beside the password field).
    static std::string where();
    /// Non-empty once per run when only the session fallback is available: tell the user.
    static std::string fallbackNotice();
};

} // namespace hiprx::app
