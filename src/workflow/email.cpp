// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/email.h"

#include "core/file_name.h"

#include "core/error.h"
#include "core/issue_rules.h"
#include "delivery/email_template.h"
#include "exchange/smtp_json.h"
#include "store/app_paths.h"
#include "workflow/documents.h"
#include "workflow/issue.h"

namespace hiprx::workflow {

namespace {

/// "<patient> - home program - <visit date>.pdf": the patient's inbox says whose and when (the same
/// name when the outbox sends it again).
std::string attachmentName(const std::string& patientName, const std::optional<core::Date>& visitDate)
{
    return core::documentFileName(patientName, "home program", visitDate);
}

std::string therapistOf(const core::Branding& branding)
{
    if (branding.therapistCredentials.empty() || branding.therapistName.empty())
        return branding.therapistName;
    return branding.therapistName + ", " + branding.therapistCredentials;
}

} // namespace

core::SmtpSettings clinicSmtp(store::Database& db, const Clinic& clinic, const SmtpOverrides& overrides)
{
    core::SmtpSettings smtp;
    if (auto stored = store::SettingsRepository(db).get(std::string(exchange::kSmtpSettingsKey)))
        smtp = exchange::readSmtpSettings(*stored);
    if (!overrides.user.empty())
        smtp.user = overrides.user;
    if (!overrides.from.empty())
        smtp.senderAddress = overrides.from;
    smtp = core::withClinicSender(std::move(smtp), clinic.branding);
    if (!overrides.url.empty()) {
        delivery::SmtpClient client(smtp);
        if (!client.useUrl(overrides.url))
            throw InputError("--smtp", "--smtp: \"" + overrides.url +
                                           "\" is not a mail server URL (expected smtp://host:port, "
                                           "smtp+starttls://host:port or smtps://host:port)");
        smtp = client.settings();
    }
    if (smtp.host.empty())
        throw InputError("--smtp", "No mail server is set up: enter the clinic's mail server in Settings → Email, "
                                   "or give one with --smtp, e.g. --smtp smtp+starttls://mail.example.org:587");
    if (smtp.senderAddress.empty())
        throw InputError("--from", "No sender address is set up: enter one in Settings → Email, or give one with "
                                   "--from");
    return smtp;
}

store::IssuedProgram programToSend(store::Database& db, std::int64_t visitId, int version)
{
    store::IssuedProgram program = issuedProgram(db, visitId, version);
    if (!core::sendProblems(program.program).empty())
        throw InputError("VISIT", "VISIT: visit " + std::to_string(visitId) +
                                      " has an emergency referral and no exercise program; tell the patient in "
                                      "person or by phone instead of by email");
    if (program.pdf.empty())
        throw InputError("VISIT", "VISIT: program version " + std::to_string(program.version) + " of visit " +
                                      std::to_string(visitId) +
                                      " has no stored PDF; issue it again so the patient gets exactly what was "
                                      "issued");
    return program;
}

namespace {

/// Whom and when a message is about: the visit's header and its patient, read without the
/// findings, so the front desk of a clinic may email a program it may not read the record of.
struct Addressee {
    store::VisitHeader visit;
    core::Patient patient;
};

Addressee addresseeOf(store::Database& db, std::int64_t visitId)
{
    auto visit = store::VisitRepository(db).header(visitId);
    if (!visit)
        throw InputError("VISIT", "VISIT: no visit " + std::to_string(visitId));
    auto patient = store::PatientRepository(db).find(visit->patientId);
    if (!patient)
        throw InputError("VISIT", "VISIT: the patient of visit " + std::to_string(visitId) + " is not on record");
    return {std::move(*visit), std::move(*patient)};
}

/// What a message is made of, once every rule for sending it holds.
struct Sendable {
    Addressee addressee;
    store::IssuedProgram program;
    std::string to;
};

Sendable checkSendable(store::Database& db, const EmailRequest& request)
{
    Addressee addressee = addresseeOf(db, request.visitId);
    store::IssuedProgram program = programToSend(db, request.visitId, request.version);
    std::string to = request.to.empty() ? addressee.patient.email : request.to;
    if (to.empty())
        throw InputError("--to", "The patient has no email address on record: give one (--to)");
    return {std::move(addressee), std::move(program), std::move(to)};
}

ProgramEmail compose(Sendable sendable, const Clinic& clinic, const core::SmtpSettings& smtp, core::Date today)
{
    const store::VisitHeader& visit = sendable.addressee.visit;
    const core::Patient& patient = sendable.addressee.patient;
    const core::Branding branding = documentBranding(clinic.branding, visit.clinician);
    delivery::EmailFields fields;
    fields.firstName = delivery::firstName(patient.name);
    fields.clinic = branding.clinicName;
    fields.therapist = therapistOf(branding);
    fields.date = core::formatDate(visit.date.value_or(today), clinic.dateFormat); // as documentDate
    const auto templates = delivery::loadEmailTemplates(store::AppPaths().templatesDir());

    ProgramEmail email;
    email.message = delivery::composeEmail(templates, fields, smtp, sendable.to, patient.name,
                                           std::move(sendable.program.pdf), attachmentName(patient.name, visit.date));
    email.draft = {visit.id, sendable.program.version, sendable.to, email.message.subject, email.message.body,
                   email.message.messageId};
    return email;
}

} // namespace

ProgramEmail composeProgramEmail(store::Database& db, const Clinic& clinic, const core::SmtpSettings& smtp,
                                 const EmailRequest& request)
{
    return compose(checkSendable(db, request), clinic, smtp, request.today);
}

std::int64_t queueEmail(store::Database& db, const ProgramEmail& email, const store::Actor& actor)
{
    return store::OutboxRepository(db).enqueue(email.draft, actor);
}

delivery::EmailMessage outboxMessage(store::Database& db, std::int64_t outboxId, const core::SmtpSettings& smtp)
{
    const auto entry = store::OutboxRepository(db).find(outboxId);
    if (!entry)
        throw InputError("OUTBOX_ID", "OUTBOX_ID: there is no outbox message " + std::to_string(outboxId));
    if (entry->status == store::OutboxStatus::Sent)
        throw InputError("OUTBOX_ID", "OUTBOX_ID: message " + std::to_string(outboxId) + " was already sent on " +
                                          entry->sentAt + "; it is not sent twice");
    if (entry->status == store::OutboxStatus::Discarded)
        throw InputError("OUTBOX_ID", "OUTBOX_ID: message " + std::to_string(outboxId) +
                                          " was discarded; email the program again to send it");
    // The program version the message was written for: the patient gets what was issued then.
    store::IssuedProgram program = issuedProgram(db, entry->visitId, entry->programVersion);
    if (program.pdf.empty())
        throw InputError("OUTBOX_ID", "OUTBOX_ID: program version " + std::to_string(entry->programVersion) +
                                          " of visit " + std::to_string(entry->visitId) +
                                          " has no stored PDF; issue the program again and email the new version");
    if (!core::sendProblems(program.program).empty())
        throw InputError("OUTBOX_ID", "OUTBOX_ID: the program of this message was withheld because of an "
                                      "emergency referral; it is not emailed");
    const auto visit = store::VisitRepository(db).header(entry->visitId);
    const auto patient = visit ? store::PatientRepository(db).find(visit->patientId) : std::nullopt;
    delivery::EmailMessage message;
    message.fromName = smtp.senderName;
    message.fromAddress = smtp.senderAddress;
    message.toName = patient ? patient->name : std::string();
    message.toAddress = entry->recipient;
    message.subject = entry->subject;
    message.body = entry->body;
    message.attachmentName = patient ? attachmentName(patient->name, visit->date) : std::string("home program.pdf");
    message.attachment = std::move(program.pdf);
    message.messageId = entry->messageId; // the same message, so a duplicate can be recognised
    return message;
}

void recordSend(store::Database& db, std::int64_t outboxId, const delivery::SendResult& result,
                const store::Actor& actor)
{
    store::OutboxRepository(db).recordAttempt(outboxId, result.sent(), result.message, actor);
}

SendOutcome emailProgram(store::Database& db, const Clinic& clinic, const SmtpOverrides& server,
                         const EmailRequest& request, const PasswordSource& password, const store::Actor& actor)
{
    Sendable sendable = checkSendable(db, request); // what is wrong with the message is said first
    const core::SmtpSettings smtp = clinicSmtp(db, clinic, server);
    const ProgramEmail email = compose(std::move(sendable), clinic, smtp, request.today);
    const std::string secret = password ? password(smtp) : std::string();
    SendOutcome outcome;
    outcome.outboxId = queueEmail(db, email, actor);
    outcome.programVersion = email.draft.programVersion;
    outcome.visitId = request.visitId;
    outcome.result = delivery::SmtpClient(smtp).send(email.message, secret);
    recordSend(db, outcome.outboxId, outcome.result, actor);
    return outcome;
}

SendOutcome retryEmail(store::Database& db, const core::SmtpSettings& smtp, std::int64_t outboxId,
                       const PasswordSource& password, const store::Actor& actor)
{
    const auto message = outboxMessage(db, outboxId, smtp);
    const auto entry = store::OutboxRepository(db).find(outboxId);
    const std::string secret = password ? password(smtp) : std::string();
    SendOutcome outcome;
    outcome.outboxId = outboxId;
    outcome.programVersion = entry->programVersion;
    outcome.visitId = entry->visitId;
    outcome.result = delivery::SmtpClient(smtp).send(message, secret);
    recordSend(db, outboxId, outcome.result, actor);
    return outcome;
}

} // namespace hiprx::workflow
