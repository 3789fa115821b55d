// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchange/smtp_json.h"

#include "core/assessment.h"
#include "exchange/json_support.h"

namespace hiprx::exchange {

using detail::Json;
using detail::JsonReader;
using detail::member;

std::string_view toId(core::SmtpSecurity security)
{
    switch (security) {
    case core::SmtpSecurity::StartTls:
        return "starttls";
    case core::SmtpSecurity::ImplicitTls:
        return "tls";
    case core::SmtpSecurity::None:
        return "none";
    }
    return "starttls";
}

core::SmtpSettings readSmtpSettings(std::string_view json)
{
    const Json root = detail::parseDocument(json);
    if (!root.is_object())
        throw InputError("smtp", "smtp: expected an object, got " + detail::describe(root));
    JsonReader r;
    r.checkKeys(root, "smtp", {"host", "port", "security", "user", "sender_name", "sender_address", "timeout_s"});
    core::SmtpSettings s;
    const auto text = [&](const char* key, std::string& out) {
        if (const Json* v = member(root, key))
            if (auto value = r.text(*v, detail::childPath("smtp", key)))
                out = std::move(*value);
    };
    text("host", s.host);
    text("user", s.user);
    text("sender_name", s.senderName);
    text("sender_address", s.senderAddress);
    // wholeNumber only checks that the value is a whole number that fits an int; the range is ours.
    const auto bounded = [&](const char* key, int low, int high, int& out) {
        const std::string path = detail::childPath("smtp", key);
        if (const Json* v = member(root, key)) {
            if (auto n = r.wholeNumber(*v, path, "", low, high)) {
                if (*n < low || *n > high)
                    r.problem(path, std::to_string(*n) + " is outside " + std::to_string(low) + "\xE2\x80\x93" +
                                        std::to_string(high));
                else
                    out = *n;
            }
        }
    };
    bounded("port", 1, 65535, s.port);
    bounded("timeout_s", 1, 600, s.timeoutSeconds);
    if (const Json* v = member(root, "security")) {
        if (auto id = r.text(*v, "smtp.security")) {
            if (*id == "starttls")
                s.security = core::SmtpSecurity::StartTls;
            else if (*id == "tls")
                s.security = core::SmtpSecurity::ImplicitTls;
            else if (*id == "none")
                s.security = core::SmtpSecurity::None;
            else
                r.problem("smtp.security", "unknown security " + detail::describe(*v) +
                                               " (expected one of starttls, tls, none)");
        }
    }
    if (!s.senderAddress.empty() && !core::isEmailAddress(s.senderAddress))
        r.problem("smtp.sender_address", "\"" + s.senderAddress + "\" is not an email address");
    r.throwIfProblems();
    return s;
}

std::string writeSmtpSettings(const core::SmtpSettings& settings)
{
    Json root = Json::object();
    root["host"] = settings.host;
    root["port"] = settings.port;
    root["security"] = std::string(toId(settings.security));
    root["user"] = settings.user;
    root["sender_name"] = settings.senderName;
    root["sender_address"] = settings.senderAddress;
    root["timeout_s"] = settings.timeoutSeconds;
    return detail::dumpDocument(root);
}

} // namespace hiprx::exchange
