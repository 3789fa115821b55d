// SPDX-License-Identifier: GPL-3.0-or-later
//
// The words of the email that carries a home program: subject and body come from
// templates/email-subject.txt and templates/email-body.txt so a clinic can rewrite them without
// rebuilding HipRx.
#pragma once

#include "core/smtp_settings.h"
#include "delivery/email_message.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::delivery {

/// The two template texts, as read.
struct EmailTemplates {
    std::string subject; ///< one line
    std::string body;
};

/// The values the placeholders {first_name}, {clinic}, {therapist} and {date} stand for.
struct EmailFields {
    std::string firstName;
    std::string clinic;
    std::string therapist;
    std::string date; ///< as the patient should read it, e.g. 2026-11-21
};

/// Reads email-subject.txt and email-body.txt from `templatesDir`. Throws Error naming the file when
/// one is missing or unreadable, or when the subject is empty or longer than one line.
EmailTemplates loadEmailTemplates(const std::filesystem::path& templatesDir);

/// Replaces each known placeholder; an unknown one (a typo such as {firstname}) stays as written,
/// as in the PDF templates, so the clinic sees it.
std::string fillPlaceholders(std::string_view text, const EmailFields& fields);

/// The first word of a full name ("Ana María Ruiz" → "Ana").
std::string firstName(std::string_view fullName);

/// The message for one patient: filled subject and body, From the settings, the PDF attached as
/// `attachmentName`. The Message-ID is fresh; the date is now.
EmailMessage composeEmail(const EmailTemplates& templates, const EmailFields& fields,
                          const core::SmtpSettings& settings, const std::string& toAddress,
                          const std::string& toName, std::vector<std::uint8_t> pdf,
                          const std::string& attachmentName);

} // namespace hiprx::delivery
