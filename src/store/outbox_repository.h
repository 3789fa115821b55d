// SPDX-License-Identifier: GPL-3.0-or-later
//
// The email outbox and delivery history: one row per message, written before the server is
// contacted and updated after each attempt. Failed rows are what the therapist retries; sent rows
// are final. Sending itself belongs to src/delivery; this class only records.
#pragma once

#include "store/database.h"
#include "store/repositories.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::store {

/// Discarded: taken out of the outbox by the therapist without being sent (kept in the history).
enum class OutboxStatus { Queued, Sent, Failed, Discarded };

/// "queued", "sent", "failed", "discarded".
std::string_view toId(OutboxStatus status);

/// What is about to be sent.
struct OutboxDraft {
    std::int64_t visitId = 0;
    int programVersion = 0; ///< the issued version whose stored PDF is attached
    std::string recipient;
    std::string subject;
    std::string body;
    std::string messageId; ///< kept across retries
};

/// One message and what has happened to it.
struct OutboxEntry {
    std::int64_t id = 0;
    std::int64_t visitId = 0;
    int programVersion = 0;
    std::string recipient;
    std::string subject;
    std::string body;
    std::string messageId;
    std::string createdAt; ///< ISO 8601 UTC
    OutboxStatus status = OutboxStatus::Queued;
    std::string error; ///< the last failure in plain words; empty when none
    int attempts = 0;
    std::string lastAttemptAt; ///< empty before the first attempt
    std::string sentAt;        ///< empty unless sent
    std::string discardedAt;   ///< empty unless discarded
};

class OutboxRepository {
public:
    explicit OutboxRepository(Database& db) : m_db(db) {}

    /// Records a message as queued (no attempt yet) and returns its id. Throws InputError when the
    /// visit has no issued program of that version or the recipient is empty.
    std::int64_t enqueue(const OutboxDraft& draft, const Actor& actor);
    /// Records one attempt: sent (sent_at set, error cleared) or failed with `error`. Throws
    /// StorageError when the entry is missing or already sent (a sent message is final).
    void recordAttempt(std::int64_t id, bool sent, const std::string& error, const Actor& actor);

    /// Takes a message that was not sent out of the outbox; it stays in the history as discarded
    /// and is never sent. Throws StorageError when the entry is missing, sent or already discarded.
    void discard(std::int64_t id, const Actor& actor);

    std::optional<OutboxEntry> find(std::int64_t id);
    /// Queued and failed messages that were not discarded, oldest first: what still has to go out.
    std::vector<OutboxEntry> pending();
    /// Every message for a visit, oldest first.
    std::vector<OutboxEntry> forVisit(std::int64_t visitId);
    /// Every message for all visits of a patient, newest first: the patient's delivery history.
    std::vector<OutboxEntry> forPatient(std::int64_t patientId);

private:
    Database& m_db;
};

} // namespace hiprx::store
