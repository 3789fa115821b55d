// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/outbox_repository.h"

#include "store/repository_support.h"

namespace hiprx::store {

namespace {

/// Every query reads outbox rows as `o` with their discard record as `d`.
constexpr const char* kSelect = "SELECT o.id, o.visit_id, o.program_version, o.recipient, o.subject, o.body, "
                                "o.message_id, o.created_at, o.status, o.error, o.attempts, o.last_attempt_at, "
                                "o.sent_at, d.discarded_at "
                                "FROM outbox o LEFT JOIN outbox_discarded d ON d.outbox_id = o.id ";

OutboxStatus statusFromText(const std::string& text)
{
    if (text == "sent")
        return OutboxStatus::Sent;
    if (text == "failed")
        return OutboxStatus::Failed;
    return OutboxStatus::Queued;
}

OutboxEntry readEntry(sql::Statement& row)
{
    OutboxEntry entry;
    entry.id = row.getColumn(0).getInt64();
    entry.visitId = row.getColumn(1).getInt64();
    entry.programVersion = row.getColumn(2).getInt();
    entry.recipient = detail::text(row.getColumn(3));
    entry.subject = detail::text(row.getColumn(4));
    entry.body = detail::text(row.getColumn(5));
    entry.messageId = detail::text(row.getColumn(6));
    entry.createdAt = detail::text(row.getColumn(7));
    entry.status = statusFromText(detail::text(row.getColumn(8)));
    entry.error = detail::text(row.getColumn(9));
    entry.attempts = row.getColumn(10).getInt();
    entry.lastAttemptAt = detail::text(row.getColumn(11));
    entry.sentAt = detail::text(row.getColumn(12));
    entry.discardedAt = detail::text(row.getColumn(13));
    if (!entry.discardedAt.empty())
        entry.status = OutboxStatus::Discarded;
    return entry;
}

std::vector<OutboxEntry> readAll(sql::Statement& query)
{
    std::vector<OutboxEntry> entries;
    while (query.executeStep())
        entries.push_back(readEntry(query));
    return entries;
}

} // namespace

std::string_view toId(OutboxStatus status)
{
    switch (status) {
    case OutboxStatus::Queued:
        return "queued";
    case OutboxStatus::Sent:
        return "sent";
    case OutboxStatus::Failed:
        return "failed";
    case OutboxStatus::Discarded:
        return "discarded";
    }
    return "queued";
}

std::int64_t OutboxRepository::enqueue(const OutboxDraft& draft, const Actor& actor)
{
    std::vector<FieldProblem> problems;
    if (draft.recipient.empty())
        problems.push_back({"email.to", "email.to: an email needs a recipient address"});
    if (draft.messageId.empty())
        problems.push_back({"email.message_id", "email.message_id: a message needs a Message-ID"});
    detail::throwIfProblems(std::move(problems));
    return detail::guarded("record the email in the outbox", [&] {
        sql::Connection& db = detail::connection(m_db);
        std::int64_t id = 0;
        m_db.transaction([&] {
            sql::Statement program(db, "SELECT 1 FROM programs WHERE visit_id = ? AND version = ?");
            program.bind(1, draft.visitId);
            program.bind(2, draft.programVersion);
            if (!program.executeStep())
                throw InputError("VISIT", "VISIT: visit " + std::to_string(draft.visitId) +
                                              " has no issued program version " +
                                              std::to_string(draft.programVersion));
            sql::Statement insert(db, "INSERT INTO outbox (visit_id, program_version, recipient, subject, body, "
                                         "message_id, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued') RETURNING id");
            insert.bind(1, draft.visitId);
            insert.bind(2, draft.programVersion);
            insert.bind(3, draft.recipient);
            insert.bind(4, draft.subject);
            insert.bind(5, draft.body);
            insert.bind(6, draft.messageId);
            insert.bind(7, detail::nowUtc());
            insert.executeStep();
            id = insert.getColumn(0).getInt64();
            // The audit row names the message and the version, never the address.
            detail::appendAudit(db, actor, "email.queue", "visit", draft.visitId,
                                "outbox " + std::to_string(id) + ", program version " +
                                    std::to_string(draft.programVersion));
        });
        return id;
    });
}

void OutboxRepository::recordAttempt(std::int64_t id, bool sent, const std::string& error, const Actor& actor)
{
    detail::guarded("record the email attempt", [&] {
        sql::Connection& db = detail::connection(m_db);
        m_db.transaction([&] {
            sql::Statement current(db, "SELECT visit_id, status, EXISTS (SELECT 1 FROM outbox_discarded "
                                          "WHERE outbox_id = outbox.id) FROM outbox WHERE id = ?");
            current.bind(1, id);
            if (!current.executeStep())
                throw StorageError("There is no outbox message with id " + std::to_string(id) + ".");
            const std::int64_t visitId = current.getColumn(0).getInt64();
            if (current.getColumn(1).getString() == "sent")
                throw StorageError("Outbox message " + std::to_string(id) + " was already sent; it is not sent again.");
            if (current.getColumn(2).getInt() != 0)
                throw StorageError("Outbox message " + std::to_string(id) +
                                   " was discarded; email the program again to send a new message.");
            const std::string now = detail::nowUtc();
            sql::Statement update(db, "UPDATE outbox SET status = ?, error = ?, attempts = attempts + 1, "
                                         "last_attempt_at = ?, sent_at = ? WHERE id = ?");
            update.bind(1, sent ? "sent" : "failed");
            update.bind(2, sent ? std::string() : error);
            update.bind(3, now);
            if (sent)
                update.bind(4, now);
            else
                update.bind(4);
            update.bind(5, id);
            update.exec();
            detail::appendAudit(db, actor, sent ? "email.sent" : "email.failed", "visit", visitId,
                                "outbox " + std::to_string(id));
        });
    });
}

void OutboxRepository::discard(std::int64_t id, const Actor& actor)
{
    detail::guarded("discard the email", [&] {
        sql::Connection& db = detail::connection(m_db);
        m_db.transaction([&] {
            const std::optional<OutboxEntry> entry = find(id);
            if (!entry)
                throw StorageError("There is no outbox message with id " + std::to_string(id) + ".");
            if (entry->status == OutboxStatus::Sent)
                throw StorageError("Outbox message " + std::to_string(id) + " was sent; it stays in the history.");
            if (entry->status == OutboxStatus::Discarded)
                throw StorageError("Outbox message " + std::to_string(id) + " was already discarded.");
            sql::Statement insert(db, "INSERT INTO outbox_discarded (outbox_id, discarded_at) VALUES (?, ?)");
            insert.bind(1, id);
            insert.bind(2, detail::nowUtc());
            insert.exec();
            detail::appendAudit(db, actor, "email.discard", "visit", entry->visitId, "outbox " + std::to_string(id));
        });
    });
}

std::optional<OutboxEntry> OutboxRepository::find(std::int64_t id)
{
    return detail::guarded("read the outbox", [&]() -> std::optional<OutboxEntry> {
        sql::Statement query(detail::connection(m_db), std::string(kSelect) + "WHERE o.id = ?");
        query.bind(1, id);
        if (!query.executeStep())
            return std::nullopt;
        return readEntry(query);
    });
}

std::vector<OutboxEntry> OutboxRepository::pending()
{
    return detail::guarded("read the outbox", [&] {
        sql::Statement query(detail::connection(m_db), std::string(kSelect) +
                                                              "WHERE o.status <> 'sent' AND d.outbox_id IS NULL "
                                                              "ORDER BY o.id");
        return readAll(query);
    });
}

std::vector<OutboxEntry> OutboxRepository::forVisit(std::int64_t visitId)
{
    return detail::guarded("read the outbox", [&] {
        sql::Statement query(detail::connection(m_db),
                                std::string(kSelect) + "WHERE o.visit_id = ? ORDER BY o.id");
        query.bind(1, visitId);
        return readAll(query);
    });
}

std::vector<OutboxEntry> OutboxRepository::forPatient(std::int64_t patientId)
{
    return detail::guarded("read the email history", [&] {
        sql::Statement query(detail::connection(m_db),
                                std::string(kSelect) + "JOIN visits v ON v.id = o.visit_id "
                                                       "WHERE v.patient_id = ? ORDER BY o.id DESC");
        query.bind(1, patientId);
        return readAll(query);
    });
}

} // namespace hiprx::store
