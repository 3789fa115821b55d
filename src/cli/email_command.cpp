// SPDX-License-Identifier: GPL-3.0-or-later
//
// email, retry and outbox: handing an issued home program to the patient by email. Every send is
// written to the outbox before the server is contacted and marked sent or failed afterwards, so a
// failure is never lost and never reported as a success.
#include "cli/commands.h"
#include "cli/text_table.h"

#include "core/error.h"
#include "delivery/email_template.h"
#include "delivery/password_store.h"
#include "delivery/smtp_client.h"
#include "exchange/json_format.h"
#include "exchange/smtp_json.h"
#include "store/app_paths.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>

namespace hiprx::cli {

namespace {

/// Options shared by email and retry: how to reach the server.
struct ServerArgs {
    std::string smtpUrl;
    std::string user;
    std::string passwordEnv;
    std::string from;
};

struct EmailArgs {
    ServerArgs server;
    std::int64_t visitId = 0;
    std::string to;
    int version = 0;
};

/// Stored settings ("smtp" and, for the sender, "branding"), then the command-line overrides.
delivery::SmtpClient makeClient(store::Database& db, const ServerArgs& args)
{
    store::SettingsRepository settings(db);
    core::SmtpSettings smtp;
    if (auto stored = settings.get(std::string(exchange::kSmtpSettingsKey)))
        smtp = exchange::readSmtpSettings(*stored);
    if (!args.user.empty())
        smtp.user = args.user;
    if (!args.from.empty())
        smtp.senderAddress = args.from;
    if (auto brandingJson = settings.get("branding"))
        smtp = core::withClinicSender(std::move(smtp), exchange::readBranding(*brandingJson));
    delivery::SmtpClient client(smtp);
    if (!args.smtpUrl.empty() && !client.useUrl(args.smtpUrl))
        throw InputError("--smtp", "--smtp: \"" + args.smtpUrl +
                                       "\" is not a mail server URL (expected smtp://host:port, "
                                       "smtp+starttls://host:port or smtps://host:port)");
    if (client.settings().host.empty())
        throw InputError("--smtp", "--smtp: no mail server is set; give one, e.g. --smtp smtp+starttls://"
                                   "mail.example.org:587, or store the clinic's settings");
    if (client.settings().senderAddress.empty())
        throw InputError("--from", "--from: no sender address is set; give one with --from or in the clinic's "
                                   "settings");
    return client;
}

/// The server password: from the environment variable named by --password-env, else the one the
/// app saved in the system keyring for this host and user. Never from the command line itself.
std::string password(const ServerArgs& args, const core::SmtpSettings& settings)
{
    if (args.passwordEnv.empty()) {
        if (settings.user.empty())
            return {};
        if (auto saved = delivery::passwordStore().load(settings.host, settings.user))
            return *saved;
        std::string why;
        const bool keyring = delivery::SecretServicePasswordStore::available(&why);
        throw InputError("--password-env",
                         "--password-env: the server login \"" + settings.user + "\" needs a password, and " +
                             (keyring ? std::string("the system keyring holds none for it on ") + settings.host +
                                            " (save it in the app: File → Settings → Email)"
                                      : "no saved password can be read (" + why + ")") +
                             "; name the environment variable that holds it, e.g. --password-env "
                             "HIPRX_SMTP_PASSWORD");
    }
    const char* value = std::getenv(args.passwordEnv.c_str());
    if (!value)
        throw InputError("--password-env",
                         "--password-env: the environment variable " + args.passwordEnv + " is not set");
    return value;
}

const store::IssuedProgram& pickProgram(const std::vector<store::IssuedProgram>& programs, std::int64_t visitId,
                                        int version)
{
    for (auto it = programs.rbegin(); it != programs.rend(); ++it)
        if (version == 0 || it->version == version) {
            if (it->pdf.empty())
                throw InputError("VISIT", "VISIT: program version " + std::to_string(it->version) + " of visit " +
                                              std::to_string(visitId) +
                                              " has no stored PDF; issue it again with: hiprx-cli issue " +
                                              std::to_string(visitId));
            return *it;
        }
    throw InputError("VISIT", "VISIT: visit " + std::to_string(visitId) + " has no issued program" +
                                  (version > 0 ? " version " + std::to_string(version) : std::string()) +
                                  "; issue one with: hiprx-cli issue " + std::to_string(visitId));
}

/// Sends outbox entry `id`, records the attempt and reports it; throws when it was not sent.
void sendEntry(store::Database& db, const CommonOptions& common, const delivery::SmtpClient& client,
               const std::string& secret, std::int64_t id)
{
    store::OutboxRepository outbox(db);
    const auto entry = outbox.find(id);
    if (!entry)
        throw InputError("OUTBOX_ID", "OUTBOX_ID: there is no outbox message " + std::to_string(id));
    if (entry->status == store::OutboxStatus::Sent)
        throw InputError("OUTBOX_ID", "OUTBOX_ID: message " + std::to_string(id) + " was already sent on " +
                                          entry->sentAt + "; it is not sent twice");
    const auto visit = store::VisitRepository(db).find(entry->visitId);
    const auto programs = store::VisitRepository(db).programs(entry->visitId);
    const auto& program = pickProgram(programs, entry->visitId, entry->programVersion);

    delivery::EmailMessage message;
    message.fromName = client.settings().senderName;
    message.fromAddress = client.settings().senderAddress;
    message.toName = visit ? visit->assessment.patient.name : std::string();
    message.toAddress = entry->recipient;
    message.subject = entry->subject;
    message.body = entry->body;
    message.attachmentName = "home-program.pdf";
    message.attachment = program.pdf;
    message.messageId = entry->messageId;

    const auto result = client.send(message, secret);
    const store::Actor actor{common.clinician};
    outbox.recordAttempt(id, result.sent(), result.message, actor);

    if (common.json) {
        nlohmann::json out = {{"outbox_id", id},
                              {"status", result.sent() ? "sent" : "failed"},
                              {"program_version", entry->programVersion},
                              {"error", result.message}};
        std::cout << out.dump(2) << '\n';
    }
    if (result.sent()) {
        if (!common.json)
            std::cout << "Sent program version " << entry->programVersion << " of visit " << entry->visitId
                      << " (outbox #" << id << ").\n";
        return;
    }
    const std::string kept = " Not sent; kept in the outbox as #" + std::to_string(id) +
                             (result.failure == delivery::SendFailure::BadInput
                                  ? "."
                                  : "; retry with: hiprx-cli retry " + std::to_string(id));
    if (result.failure == delivery::SendFailure::BadInput)
        throw InputError("--to", result.message + kept);
    throw Error(result.message + kept);
}

void runEmail(const CommonOptions& common, const EmailArgs& args)
{
    auto db = openDatabase(common);
    store::VisitRepository visits(db);
    const auto visit = visits.find(args.visitId);
    if (!visit)
        throw InputError("VISIT", "VISIT: no visit " + std::to_string(args.visitId));
    const auto programs = visits.programs(args.visitId);
    const auto& program = pickProgram(programs, args.visitId, args.version);
    // An emergency PDF tells the patient to get help now: that must be said in person, not emailed
    // with a friendly "here are your exercises".
    if (program.program.withheld)
        throw InputError("VISIT", "VISIT: the program for visit " + std::to_string(args.visitId) +
                                      " was withheld because of an emergency referral; tell the patient in "
                                      "person or by phone instead of by email");
    const std::string to = args.to.empty() ? visit->assessment.patient.email : args.to;
    if (to.empty())
        throw InputError("--to", "--to: the patient has no email address on record; give one with --to");
    const auto client = makeClient(db, args.server);
    const std::string secret = password(args.server, client.settings());

    core::Branding branding;
    if (auto stored = store::SettingsRepository(db).get("branding"))
        branding = exchange::readBranding(*stored);
    delivery::EmailFields fields;
    fields.firstName = delivery::firstName(visit->assessment.patient.name);
    fields.clinic = branding.clinicName;
    fields.therapist = !branding.therapistName.empty() ? branding.therapistName
                       : !program.clinician.empty()   ? program.clinician
                                                      : visit->assessment.visit.clinician;
    fields.date = visit->assessment.visit.date ? visit->assessment.visit.date->iso() : program.issuedAt.substr(0, 10);
    const auto templates = delivery::loadEmailTemplates(store::AppPaths().templatesDir());
    const auto message = delivery::composeEmail(templates, fields, client.settings(), to,
                                                visit->assessment.patient.name, {}, "home-program.pdf");

    const auto id = store::OutboxRepository(db).enqueue(
        store::OutboxDraft{args.visitId, program.version, to, message.subject, message.body, message.messageId},
        store::Actor{common.clinician});
    sendEntry(db, common, client, secret, id);
}

void runRetry(const CommonOptions& common, const ServerArgs& server, std::int64_t id)
{
    auto db = openDatabase(common);
    const auto client = makeClient(db, server);
    sendEntry(db, common, client, password(server, client.settings()), id);
}

void runOutbox(const CommonOptions& common, std::int64_t patientId)
{
    auto db = openDatabase(common);
    store::OutboxRepository outbox(db);
    const auto entries = patientId > 0 ? outbox.forPatient(patientId) : outbox.pending();
    if (common.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& e : entries)
            list.push_back({{"id", e.id},
                            {"visit", e.visitId},
                            {"program_version", e.programVersion},
                            {"to", e.recipient},
                            {"status", std::string(store::toId(e.status))},
                            {"attempts", e.attempts},
                            {"created_at", e.createdAt},
                            {"sent_at", e.sentAt},
                            {"discarded_at", e.discardedAt},
                            {"error", e.error}});
        std::cout << list.dump(2) << '\n';
        return;
    }
    TextTable table({"ID", "VISIT", "VERSION", "TO", "STATUS", "ATTEMPTS", "WHEN", "ERROR"});
    for (const auto& e : entries)
        table.addRow({std::to_string(e.id), std::to_string(e.visitId), std::to_string(e.programVersion), e.recipient,
                      std::string(store::toId(e.status)), std::to_string(e.attempts),
                      e.sentAt.empty() ? (e.lastAttemptAt.empty() ? e.createdAt : e.lastAttemptAt) : e.sentAt,
                      e.error});
    table.print(std::cout);
    std::cout << entries.size() << (patientId > 0 ? " messages.\n" : " messages waiting.\n");
}

void runDiscard(const CommonOptions& common, std::int64_t id)
{
    auto db = openDatabase(common);
    store::OutboxRepository(db).discard(id, store::Actor{common.clinician});
    std::cout << "Outbox message " << id << " discarded: it will not be sent, and stays in the patient's email "
              << "history.\n";
}

void addServerOptions(CLI::App* command, ServerArgs& args)
{
    command->add_option("--smtp", args.smtpUrl,
                        "mail server URL, overriding the stored settings: smtp://host:port (no encryption), "
                        "smtp+starttls://host:port or smtps://host:port");
    command->add_option("--user", args.user, "server login, overriding the stored settings");
    command->add_option("--password-env", args.passwordEnv,
                        "name of the environment variable holding the server password (never the password); "
                        "without it, the password the app saved in the system keyring is used");
    command->add_option("--from", args.from, "sender address, overriding the stored settings");
}

} // namespace

void addDeliveryCommands(CLI::App& app, CommonOptions& common)
{
    auto emailArgs = std::make_shared<EmailArgs>();
    auto* email = app.add_subcommand("email", "Email the program issued for a visit to the patient (PDF attached)");
    email->add_option("VISIT", emailArgs->visitId, "visit record number")->required();
    email->add_option("--to", emailArgs->to, "recipient address (default: the patient's email on record)");
    email->add_option("--version", emailArgs->version, "program version (default: the latest)");
    addServerOptions(email, emailArgs->server);
    email->callback([&common, emailArgs] { runEmail(common, *emailArgs); });

    auto retryArgs = std::make_shared<ServerArgs>();
    auto retryId = std::make_shared<std::int64_t>(0);
    auto* retry = app.add_subcommand("retry", "Send again a message from the outbox that was not sent");
    retry->add_option("OUTBOX_ID", *retryId, "outbox message number (see: hiprx-cli outbox)")->required();
    addServerOptions(retry, *retryArgs);
    retry->callback([&common, retryArgs, retryId] { runRetry(common, *retryArgs, *retryId); });

    auto discardId = std::make_shared<std::int64_t>(0);
    auto* discard = app.add_subcommand("discard", "Take a message that was not sent out of the outbox (kept in the "
                                                  "patient's email history)");
    discard->add_option("OUTBOX_ID", *discardId, "outbox message number (see: hiprx-cli outbox)")->required();
    discard->callback([&common, discardId] { runDiscard(common, *discardId); });

    auto patient = std::make_shared<std::int64_t>(0);
    auto* list = app.add_subcommand("outbox", "List messages not yet sent, or a patient's email history");
    list->add_option("--patient", *patient, "show every message for this patient record number");
    list->callback([&common, patient] { runOutbox(common, *patient); });
}

} // namespace hiprx::cli
