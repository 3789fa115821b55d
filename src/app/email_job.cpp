// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/email_job.h"

#include "app/wx_text.h"

#include <wx/event.h>
#include <wx/secretstore.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

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

[[maybe_unused]] wxString serviceName(const core::SmtpSettings& settings)
{
    return "HipRx/smtp/" + toWx(settings.host);
}

/// The session-only fallback: host|user → password, in memory only.
std::map<std::string, std::string>& sessionPasswords()
{
    static std::map<std::string, std::string> passwords;
    return passwords;
}

std::mutex& sessionMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::string sessionKey(const core::SmtpSettings& settings)
{
    return settings.host + "|" + settings.user;
}

} // namespace

bool SmtpPasswordStore::persistent()
{
#if wxUSE_SECRETSTORE
    wxString why;
    return wxSecretStore::GetDefault().IsOk(&why);
#else
    return false;
#endif
}

std::optional<std::string> SmtpPasswordStore::load(const core::SmtpSettings& settings)
{
#if wxUSE_SECRETSTORE
    if (persistent()) {
        wxString user;
        wxSecretValue secret;
        if (wxSecretStore::GetDefault().Load(serviceName(settings), user, secret) && user == toWx(settings.user))
            return std::string(static_cast<const char*>(secret.GetData()), secret.GetSize());
        return std::nullopt;
    }
#endif
    std::lock_guard lock(sessionMutex());
    const auto it = sessionPasswords().find(sessionKey(settings));
    if (it == sessionPasswords().end())
        return std::nullopt;
    return it->second;
}

bool SmtpPasswordStore::save(const core::SmtpSettings& settings, const std::string& password, std::string& error)
{
#if wxUSE_SECRETSTORE
    if (persistent()) {
        if (wxSecretStore::GetDefault().Save(serviceName(settings), toWx(settings.user),
                                             wxSecretValue(password.size(), password.data())))
            return true;
        error = "The system's password store refused to save the password.";
        return false;
    }
#endif
    std::lock_guard lock(sessionMutex());
    sessionPasswords()[sessionKey(settings)] = password;
    error.clear();
    return true;
}

void SmtpPasswordStore::forget(const core::SmtpSettings& settings)
{
#if wxUSE_SECRETSTORE
    if (persistent())
        wxSecretStore::GetDefault().Delete(serviceName(settings));
#endif
    std::lock_guard lock(sessionMutex());
    sessionPasswords().erase(sessionKey(settings));
}

} // namespace hiprx::app
