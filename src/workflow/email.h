// SPDX-License-Identifier: GPL-3.0-or-later
//
// Emailing an issued program and sending again what is still in the outbox. Every message is
// written to the outbox before the server is contacted and marked sent or failed afterwards, so a
// failure is never lost and never reported as a success. Front ends that must not wait (the app)
// call compose → queue, send on their own thread, then recordSend; the others call emailProgram.
#pragma once

#include "core/date.h"
#include "core/smtp_settings.h"
#include "delivery/email_message.h"
#include "delivery/smtp_client.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"
#include "workflow/clinic.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace hiprx::workflow {

/// Overrides of the stored mail settings (the CLI's --smtp, --user, --from); empty = stored value.
struct SmtpOverrides {
    std::string url;
    std::string user;
    std::string from;
};

/// The clinic's mail settings: the stored ones, the overrides, and the clinic's name and address as
/// sender where none is set. Throws InputError naming the field (--smtp, --from) when no server or
/// no sender address is known, or the URL is not a mail server URL.
core::SmtpSettings clinicSmtp(store::Database& db, const Clinic& clinic, const SmtpOverrides& overrides = {});

struct EmailRequest {
    std::int64_t visitId = 0;
    int version = 0;      ///< the issued version; 0 = the latest
    std::string to;       ///< empty = the patient's address on record
    core::Date today;     ///< the date the message names when the visit has none
};

/// A message ready to queue, and the outbox row that records it.
struct ProgramEmail {
    store::OutboxDraft draft;
    delivery::EmailMessage message;
};

/// The issued program of a visit (`version`, 0 = the latest) when it may be emailed: issued, with
/// its PDF stored, not withheld. Throws InputError naming VISIT otherwise.
store::IssuedProgram programToSend(store::Database& db, std::int64_t visitId, int version = 0);

/// Writes the message for an issued program: refuses (InputError naming the field) a visit without
/// an issued program or stored PDF, a withheld (emergency) program, and a missing recipient. The
/// therapist and date are the handout's (documentBranding, documentDate).
ProgramEmail composeProgramEmail(store::Database& db, const Clinic& clinic, const core::SmtpSettings& smtp,
                                 const EmailRequest& request);

/// Puts the message in the outbox (before any server is contacted); returns its outbox number.
std::int64_t queueEmail(store::Database& db, const ProgramEmail& email, const store::Actor& actor);

/// The message of an outbox entry exactly as it was written, with the PDF of its program version,
/// for sending again. Throws InputError naming OUTBOX_ID when it is missing, sent or discarded, or
/// its program has no stored PDF.
delivery::EmailMessage outboxMessage(store::Database& db, std::int64_t outboxId, const core::SmtpSettings& smtp);

/// Records the server's answer for an outbox entry.
void recordSend(store::Database& db, std::int64_t outboxId, const delivery::SendResult& result,
                const store::Actor& actor);

struct SendOutcome {
    std::int64_t outboxId = 0;
    int programVersion = 0;
    std::int64_t visitId = 0;
    delivery::SendResult result;
};

/// The server password for these settings, asked only once the message is known to be sendable
/// (may throw InputError when none can be had).
using PasswordSource = std::function<std::string(const core::SmtpSettings&)>;

/// check → clinicSmtp(server) → compose → password → queue → send → record, waiting for the server.
SendOutcome emailProgram(store::Database& db, const Clinic& clinic, const SmtpOverrides& server,
                         const EmailRequest& request, const PasswordSource& password, const store::Actor& actor);
/// outboxMessage → password → send → record, waiting for the server.
SendOutcome retryEmail(store::Database& db, const core::SmtpSettings& smtp, std::int64_t outboxId,
                       const PasswordSource& password, const store::Actor& actor);

} // namespace hiprx::workflow
