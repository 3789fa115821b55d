// SPDX-License-Identifier: GPL-3.0-or-later
//
// Sending one message over SMTP with libcurl. Every expected failure (no server, login refused,
// recipient refused, timeout, TLS, cancelled) is a result with a sentence a therapist can act on,
// never an exception: a caller must always be able to record what happened.
#pragma once

#include "core/smtp_settings.h"
#include "delivery/email_message.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace hiprx::delivery {

using core::SmtpSecurity;
using core::SmtpSettings;

/// Why a send did not go through.
enum class SendFailure {
    None,             ///< sent: the server accepted the message for delivery
    BadInput,         ///< an address or the settings are wrong; no server was contacted
    CouldNotConnect,  ///< no server answered at host:port (stopped, wrong name or port, offline)
    LoginDenied,      ///< the server refused the user name or password
    RecipientRefused, ///< the server would not take mail for this address
    SenderRefused,    ///< the server would not accept the From address
    Timeout,          ///< the server stopped answering
    Tls,              ///< the secure connection could not be set up or verified
    Cancelled,        ///< the user cancelled
    Other,            ///< anything else, with libcurl's own words
};

/// What happened to one send.
struct SendResult {
    SendFailure failure = SendFailure::None;
    std::string message; ///< plain words, empty when sent; never holds the password or the body
    bool sent() const noexcept { return failure == SendFailure::None; }
};

/// Called from the sending thread with bytes uploaded so far and the total.
using SendProgress = std::function<void(std::uint64_t sent, std::uint64_t total)>;

/// Sends email through one configured server. Safe to use from a worker thread; one client may
/// send several messages, one at a time.
class SmtpClient {
public:
    explicit SmtpClient(SmtpSettings settings);

    /// Overrides host, port and security from a URL: smtp://host[:port] (no encryption),
    /// smtp+starttls://host[:port] or smtps://host[:port]. Returns false when it is not such a URL.
    bool useUrl(const std::string& url);
    const SmtpSettings& settings() const noexcept { return m_settings; }

    /// Builds the message (buildMime) and sends it. `password` is used only when the settings name
    /// a user. `cancel` (may be null) is polled during the transfer; `progress` (may be empty) is
    /// called as bytes go out. Never throws for an expected failure.
    SendResult send(const EmailMessage& message, const std::string& password,
                    const std::atomic<bool>* cancel = nullptr, const SendProgress& progress = {}) const;

private:
    SmtpSettings m_settings;
};

/// The URL libcurl is given for the settings, e.g. "smtps://mail.example.org:465".
std::string smtpUrl(const SmtpSettings& settings);

} // namespace hiprx::delivery
