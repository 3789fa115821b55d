// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/protocol_repository.h"

#include "core/assessment.h"
#include "exchange/json_format.h"
#include "store/repository_support.h"

namespace hiprx::store {

namespace {

Protocol readProtocol(sql::Statement& query)
{
    Protocol protocol;
    protocol.id = query.getColumn(0).getInt64();
    protocol.name = query.getColumn(1).getString();
    protocol.program = exchange::readProgram(query.getColumn(2).getString());
    protocol.updatedAt = query.getColumn(3).getString();
    return protocol;
}

} // namespace

std::int64_t ProtocolRepository::save(const std::string& name, const core::Program& program, const Actor& actor)
{
    std::vector<FieldProblem> problems;
    if (name.empty())
        problems.push_back({"protocol.name", "protocol.name: a protocol needs a name"});
    else if (core::utf8Length(name) > core::kMaxNameLength)
        problems.push_back({"protocol.name", "protocol.name: at most " + std::to_string(core::kMaxNameLength) +
                                                 " characters"});
    // A template keeps only what transfers between patients: the exercises and their doses.
    core::Program kept;
    kept.items = program.items;
    for (auto& problem : core::validateProgram(kept))
        problems.push_back(std::move(problem));
    detail::throwIfProblems(std::move(problems));

    const std::string json = exchange::writeProgram(kept);
    return detail::guarded("save the protocol", [&] {
        sql::Connection& db = detail::connection(m_db);
        std::int64_t id = 0;
        m_db.transaction([&] {
            const std::string now = detail::nowUtc();
            // Names are unique without case: SQLite's column is COLLATE NOCASE, PostgreSQL's unique
            // index is on lower(name).
            const bool file = db.dialect() == sql::Dialect::Sqlite;
            sql::Statement upsert(db, std::string("INSERT INTO protocols (name, program_json, created_at, updated_at) "
                                                  "VALUES (?1, ?2, ?3, ?3) ON CONFLICT ") +
                                          (file ? "(name)" : "((lower(name)))") +
                                          " DO UPDATE SET program_json = excluded.program_json, "
                                          "updated_at = excluded.updated_at");
            upsert.bind(1, name);
            upsert.bind(2, json);
            upsert.bind(3, now);
            upsert.exec();
            sql::Statement lookup(db, file ? "SELECT id FROM protocols WHERE name = ?"
                                           : "SELECT id FROM protocols WHERE lower(name) = lower(?::text COLLATE \"C\")");
            lookup.bind(1, name);
            lookup.executeStep();
            id = lookup.getColumn(0).getInt64();
            detail::appendAudit(db, actor, "protocol.save", "protocol", id,
                                "items: " + std::to_string(kept.items.size()));
        });
        return id;
    });
}

std::vector<Protocol> ProtocolRepository::list()
{
    return detail::guarded("read the protocols", [&] {
        sql::Connection& db = detail::connection(m_db);
        sql::Statement query(db, db.dialect() == sql::Dialect::Sqlite
                                     ? "SELECT id, name, program_json, updated_at FROM protocols ORDER BY name, id"
                                     : "SELECT id, name, program_json, updated_at FROM protocols "
                                       "ORDER BY lower(name), id");
        std::vector<Protocol> protocols;
        while (query.executeStep())
            protocols.push_back(readProtocol(query));
        return protocols;
    });
}

std::optional<Protocol> ProtocolRepository::find(std::int64_t id)
{
    return detail::guarded("read the protocol", [&]() -> std::optional<Protocol> {
        sql::Statement query(detail::connection(m_db),
                                "SELECT id, name, program_json, updated_at FROM protocols WHERE id = ?");
        query.bind(1, static_cast<std::int64_t>(id));
        if (!query.executeStep())
            return std::nullopt;
        return readProtocol(query);
    });
}

void ProtocolRepository::remove(std::int64_t id, const Actor& actor)
{
    detail::guarded("delete the protocol", [&] {
        sql::Connection& db = detail::connection(m_db);
        m_db.transaction([&] {
            sql::Statement erase(db, "DELETE FROM protocols WHERE id = ?");
            erase.bind(1, static_cast<std::int64_t>(id));
            if (erase.exec() == 0)
                throw StorageError("There is no protocol with id " + std::to_string(id) + ".");
            detail::appendAudit(db, actor, "protocol.remove", "protocol", id, "");
        });
    });
}

} // namespace hiprx::store
