// SPDX-License-Identifier: GPL-3.0-or-later
//
// The clinic's mail server settings as JSON, stored under the settings key "smtp":
//   {"host": "mail.example.org", "port": 587, "security": "starttls", "user": "frontdesk",
//    "sender_name": "Clínica Sol", "sender_address": "frontdesk@example.org", "timeout_s": 60}
// security is "starttls", "tls" (implicit, smtps) or "none". There is no password key, on purpose:
// the password lives in the OS secret store, never in the database.
#pragma once

#include "core/smtp_settings.h"

#include <string>
#include <string_view>

namespace hiprx::exchange {

/// The settings key the JSON is stored under.
inline constexpr std::string_view kSmtpSettingsKey = "smtp";

/// Reads the settings; every key is optional (defaults from core::SmtpSettings). Throws InputError
/// listing every problem: unknown keys (a "password" key included), port outside 1–65535, an
/// unknown security, a sender address that is not an address, timeout outside 1–600.
core::SmtpSettings readSmtpSettings(std::string_view json);
/// Writes every key.
std::string writeSmtpSettings(const core::SmtpSettings& settings);

/// "starttls", "tls", "none".
std::string_view toId(core::SmtpSecurity security);

} // namespace hiprx::exchange
