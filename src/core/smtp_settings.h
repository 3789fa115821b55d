// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/branding.h"

#include <string>

namespace hiprx::core {

/// How a connection to the mail server is protected.
enum class SmtpSecurity {
    StartTls,    ///< plain connection upgraded with STARTTLS, refused if the server cannot (port 587)
    ImplicitTls, ///< TLS from the first byte, smtps:// (port 465)
    None,        ///< no encryption: only for a relay on this computer (isLoopbackHost)
};

/// The clinic's outgoing mail server. Kept here, beside Branding, because the exchange layer stores
/// it as JSON and the delivery layer sends with it. The password is never part of it: it lives in
/// the OS secret store (app) or an environment variable (CLI).
struct SmtpSettings {
    std::string host;
    int port = 587;
    SmtpSecurity security = SmtpSecurity::StartTls;
    std::string user;          ///< empty = the server needs no login
    std::string senderName;    ///< shown to the patient, e.g. the clinic's name
    std::string senderAddress; ///< the From address
    int timeoutSeconds = 60;   ///< for the whole exchange with the server

    friend bool operator==(const SmtpSettings&, const SmtpSettings&) = default;
};

/// A server on this computer (localhost, 127.x.x.x, ::1): the only place a message or a login may
/// travel without encryption.
inline bool isLoopbackHost(const std::string& host)
{
    return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

/// The sender as the patient sees it: the settings' own name and address, or else the clinic's
/// name and email from the branding (so a clinic that set its branding needs only the server).
inline SmtpSettings withClinicSender(SmtpSettings smtp, const Branding& branding)
{
    if (smtp.senderAddress.empty())
        smtp.senderAddress = branding.email;
    if (smtp.senderName.empty())
        smtp.senderName = branding.clinicName;
    return smtp;
}

} // namespace hiprx::core
