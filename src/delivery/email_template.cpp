// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/email_template.h"

#include "core/text_template.h"

#include "core/error.h"

#include <fstream>
#include <sstream>

namespace hiprx::delivery {

namespace {

std::string readTemplate(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error("Could not read the email template " + file.string() +
                    ". Check that the templates folder is complete.");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

EmailTemplates loadEmailTemplates(const std::filesystem::path& templatesDir)
{
    const auto subjectFile = templatesDir / "email-subject.txt";
    EmailTemplates templates;
    templates.subject = readTemplate(subjectFile);
    while (!templates.subject.empty() && (templates.subject.back() == '\n' || templates.subject.back() == '\r'))
        templates.subject.pop_back();
    if (templates.subject.empty())
        throw Error(subjectFile.string() + ": the subject is empty");
    if (templates.subject.find_first_of("\r\n") != std::string::npos)
        throw Error(subjectFile.string() + ": the subject must be one line");
    templates.body = readTemplate(templatesDir / "email-body.txt");
    return templates;
}

std::string fillPlaceholders(std::string_view text, const EmailFields& fields)
{
    return core::fillPlaceholders(text, {{"first_name", fields.firstName},
                                         {"clinic", fields.clinic},
                                         {"therapist", fields.therapist},
                                         {"date", fields.date}});
}

std::string firstName(std::string_view fullName)
{
    const auto start = fullName.find_first_not_of(" \t");
    if (start == std::string_view::npos)
        return {};
    const auto end = fullName.find_first_of(" \t", start);
    return std::string(fullName.substr(start, end == std::string_view::npos ? end : end - start));
}

EmailMessage composeEmail(const EmailTemplates& templates, const EmailFields& fields,
                          const core::SmtpSettings& settings, const std::string& toAddress,
                          const std::string& toName, std::vector<std::uint8_t> pdf,
                          const std::string& attachmentName)
{
    EmailMessage message;
    message.fromName = settings.senderName;
    message.fromAddress = settings.senderAddress;
    message.toName = toName;
    message.toAddress = toAddress;
    message.subject = fillPlaceholders(templates.subject, fields);
    message.body = fillPlaceholders(templates.body, fields);
    message.attachmentName = attachmentName;
    message.attachment = std::move(pdf);
    message.messageId = newMessageId(settings.senderAddress);
    return message;
}

} // namespace hiprx::delivery
