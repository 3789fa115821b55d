// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/repository_support.h"

namespace hiprx::store {

namespace {

constexpr const char* kAuditColumns = "id, at, clinician, action, entity, entity_id, detail";

std::vector<AuditEntry> readEntries(sql::Statement& query)
{
    std::vector<AuditEntry> entries;
    while (query.executeStep()) {
        AuditEntry entry;
        entry.id = query.getColumn(0).getInt64();
        entry.at = query.getColumn(1).getString();
        entry.clinician = query.getColumn(2).getString();
        entry.action = query.getColumn(3).getString();
        entry.entity = query.getColumn(4).getString();
        entry.entityId = query.getColumn(5).isNull() ? 0 : query.getColumn(5).getInt64();
        entry.detail = query.getColumn(6).getString();
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace

std::vector<AuditEntry> AuditLog::recent(int limit)
{
    return detail::guarded("read the audit log", [&] {
        sql::Statement query(detail::connection(m_db), std::string("SELECT ") + kAuditColumns +
                                                              " FROM audit_log ORDER BY id DESC LIMIT ?");
        query.bind(1, std::max(limit, 0));
        return readEntries(query);
    });
}

std::vector<AuditEntry> AuditLog::forEntity(const std::string& entity, std::int64_t id)
{
    return detail::guarded("read the audit log", [&] {
        sql::Statement query(detail::connection(m_db),
                                std::string("SELECT ") + kAuditColumns +
                                    " FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id");
        query.bind(1, entity);
        query.bind(2, id);
        return readEntries(query);
    });
}

} // namespace hiprx::store
