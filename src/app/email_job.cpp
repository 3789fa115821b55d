// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/email_job.h"

#include "app/wx_text.h"

#include "delivery/password_store.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/event.h>
#include <wx/gauge.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/weakref.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <set>

namespace hiprx::app {

EmailJob::EmailJob(wxEvtHandler& owner) : m_owner(owner) {}

EmailJob::~EmailJob()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

bool EmailJob::start(const core::SmtpSettings& settings, delivery::EmailMessage message, std::string password,
                     Callbacks callbacks)
{
    if (m_running.load())
        return false;
    if (m_thread.joinable())
        m_thread.join(); // the previous send has finished and posted its result
    m_cancel = false;
    m_running = true;
    m_thread = std::thread([this, settings, message = std::move(message), password = std::move(password),
                            callbacks = std::move(callbacks)]() mutable {
        auto lastPost = std::chrono::steady_clock::time_point{};
        const auto onProgress = [&](std::uint64_t sent, std::uint64_t total) {
            const auto now = std::chrono::steady_clock::now();
            if (!callbacks.progress || now - lastPost < std::chrono::milliseconds(100))
                return;
            lastPost = now;
            m_owner.CallAfter([progress = callbacks.progress, sent, total] { progress(sent, total); });
        };
        delivery::SendResult result;
        try {
            result = delivery::SmtpClient(settings).send(message, password, &m_cancel, onProgress);
        } catch (const std::exception& e) {
            // send() returns expected failures; anything else must still reach the user as "not sent".
            result = {delivery::SendFailure::Other, std::string("The message was not sent: ") + e.what()};
        }
        // Overwrite the password before the thread ends; it is not needed any more.
        std::fill(password.begin(), password.end(), '\0');
        m_running = false;
        m_owner.CallAfter([done = callbacks.done, result] {
            if (done)
                done(result);
        });
    });
    return true;
}

void EmailJob::cancel()
{
    m_cancel = true;
}

namespace {

std::mutex& sendingMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::set<std::int64_t>& sendingIds()
{
    static std::set<std::int64_t> ids;
    return ids;
}

} // namespace

bool outboxSending(std::int64_t outboxId)
{
    std::lock_guard lock(sendingMutex());
    return sendingIds().count(outboxId) > 0;
}

bool sendWithProgress(wxWindow* parent, EmailJob& job, const core::SmtpSettings& settings,
                      delivery::EmailMessage message, std::string password, const wxString& what,
                      std::int64_t outboxId, std::function<void(const delivery::SendResult&)> done)
{
    if (job.running())
        return false;
    if (outboxId > 0) {
        std::lock_guard lock(sendingMutex());
        if (!sendingIds().insert(outboxId).second)
            return false;
    }
    auto* window = new wxDialog(parent, wxID_ANY, "Sending email", wxDefaultPosition, wxDefaultSize, wxCAPTION);
    window->SetName("hiprx-send-progress");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* label = new wxStaticText(window, wxID_ANY, what);
    auto* gauge = new wxGauge(window, wxID_ANY, 100, wxDefaultPosition, wxSize(window->FromDIP(320), -1));
    auto* cancel = new wxButton(window, wxID_CANCEL, "Cancel");
    sizer->Add(label, wxSizerFlags().Border(wxALL, window->FromDIP(10)));
    sizer->Add(gauge, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, window->FromDIP(10)));
    sizer->Add(cancel, wxSizerFlags().Right().Border(wxALL, window->FromDIP(10)));
    window->SetSizerAndFit(sizer);
    // Nothing is claimed here: the window only says "sending" until the server's answer is known.
    cancel->Bind(wxEVT_BUTTON, [&job, label, cancel](wxCommandEvent&) {
        job.cancel();
        label->SetLabel(toWx("Cancelling…"));
        cancel->Disable();
    });
    // Closing the window (Escape) means cancel too; it goes away only when the send has ended.
    window->Bind(wxEVT_CLOSE_WINDOW, [&job](wxCloseEvent& e) {
        job.cancel();
        e.Veto();
    });
    wxWeakRef<wxDialog> weak(window);
    const bool started = job.start(
        settings, std::move(message), std::move(password),
        {[weak, gauge](std::uint64_t sent, std::uint64_t total) {
             if (weak && total > 0)
                 gauge->SetValue(static_cast<int>(std::min<std::uint64_t>(100, sent * 100 / total)));
         },
         [weak, outboxId, done = std::move(done)](const delivery::SendResult& result) {
             if (outboxId > 0) {
                 std::lock_guard lock(sendingMutex());
                 sendingIds().erase(outboxId);
             }
             if (weak)
                 weak->Destroy();
             if (done)
                 done(result);
         }});
    if (!started) {
        window->Destroy();
        std::lock_guard lock(sendingMutex());
        sendingIds().erase(outboxId);
        return false;
    }
    window->Show();
    return true;
}

bool SmtpPasswordStore::persistent() { return delivery::passwordStore().persistent(); }

std::optional<std::string> SmtpPasswordStore::load(const core::SmtpSettings& settings)
{
    return delivery::passwordStore().load(settings.host, settings.user);
}

bool SmtpPasswordStore::save(const core::SmtpSettings& settings, const std::string& password, std::string& error)
{
    return delivery::passwordStore().save(settings.host, settings.user, password, error);
}

void SmtpPasswordStore::forget(const core::SmtpSettings& settings)
{
    delivery::passwordStore().erase(settings.host, settings.user);
}

std::string SmtpPasswordStore::where() { return delivery::passwordStore().where(); }

std::string SmtpPasswordStore::fallbackNotice() { return delivery::takeFallbackNotice(); }

} // namespace hiprx::app
