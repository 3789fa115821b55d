// SPDX-License-Identifier: GPL-3.0-or-later
//
// email, retry and outbox: handing an issued home program to the patient by email. Every send is
// written to the outbox before the server is contacted and marked sent or failed afterwards, so a
// failure is never lost and never reported as a success.
#include "cli/clinic_context.h"
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
#include "workflow/email.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cctype>
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

/// The clinic's mail settings with the command-line overrides.
core::SmtpSettings smtpFor(store::Database& db, const ServerArgs& args)
{
    return workflow::clinicSmtp(db, loadClinic(db), {args.smtpUrl, args.user, args.from});
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
    // The option's value is never repeated in a message: someone may have typed the password itself.
    const bool isName = !args.passwordEnv.empty() &&
                        args.passwordEnv.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                           "0123456789_") == std::string::npos &&
                        !std::isdigit(static_cast<unsigned char>(args.passwordEnv.front()));
    if (!isName)
        throw InputError("--password-env", "--password-env: give the NAME of an environment variable that holds the "
                                           "password (letters, digits and _, e.g. HIPRX_SMTP_PASSWORD), never the "
                                           "password itself");
    const char* value = std::getenv(args.passwordEnv.c_str());
    if (!value)
        throw InputError("--password-env", "--password-env: the environment variable it names is not set; set it "
                                           "before running the command (export NAME=…)");
    return value;
}

/// Reports the server's answer; throws when the message was not sent (it stays in the outbox).
void report(const CommonOptions& common, const workflow::SendOutcome& outcome)
{
    const auto& result = outcome.result;
    if (common.json) {
        nlohmann::json out = {{"outbox_id", outcome.outboxId},
                              {"status", result.sent() ? "sent" : "failed"},
                              {"program_version", outcome.programVersion},
                              {"error", result.message}};
        std::cout << out.dump(2) << '\n';
    }
    if (result.sent()) {
        if (!common.json)
            std::cout << "Sent program version " << outcome.programVersion << " of visit " << outcome.visitId
                      << " (outbox #" << outcome.outboxId << ").\n";
        return;
    }
    const std::string id = std::to_string(outcome.outboxId);
    const std::string kept = " Not sent; kept in the outbox as #" + id +
                             (result.failure == delivery::SendFailure::BadInput ? "."
                                                                                : "; retry with: hiprx-cli retry " + id);
    if (result.failure == delivery::SendFailure::BadInput)
        throw InputError("--to", result.message + kept);
    throw Error(result.message + kept);
}

void runEmail(const CommonOptions& common, const EmailArgs& args)
{
    auto db = openDatabase(common);
    const auto outcome = workflow::emailProgram(
        db, loadClinic(db), {args.server.smtpUrl, args.server.user, args.server.from}, {args.visitId, args.version, args.to, today()},
        [&](const core::SmtpSettings& settings) { return password(args.server, settings); }, actorOf(common));
    report(common, outcome);
}

void runRetry(const CommonOptions& common, const ServerArgs& server, std::int64_t id)
{
    auto db = openDatabase(common);
    const auto smtp = smtpFor(db, server);
    report(common, workflow::retryEmail(
                       db, smtp, id, [&](const core::SmtpSettings& settings) { return password(server, settings); },
                       actorOf(common)));
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
