// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/repository_support.h"

namespace hiprx::store::detail {

void appendAudit(sql::Connection& db, const Actor& actor, std::string_view action, std::string_view entity,
                 std::optional<std::int64_t> entityId, const std::string& detail)
{
    sql::Statement insert(db, "INSERT INTO audit_log (at, clinician, action, entity, entity_id, detail) "
                                 "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, nowUtc());
    insert.bind(2, actor.clinician);
    insert.bind(3, std::string(action));
    insert.bind(4, std::string(entity));
    if (entityId)
        insert.bind(5, static_cast<std::int64_t>(*entityId));
    else
        insert.bind(5);
    insert.bind(6, detail);
    insert.exec();
}

bool may(Database& db, std::string_view privilege, std::string_view table, std::string_view column)
{
    sql::Connection& connection = *db.impl().connection;
    if (connection.dialect() != sql::Dialect::Postgres)
        return true;
    const std::string key = std::string(privilege) + " " + std::string(table) + "." + std::string(column);
    auto& known = db.impl().privileges;
    if (const auto found = known.find(key); found != known.end())
        return found->second;
    sql::Statement ask(connection, column.empty() ? "SELECT has_table_privilege(?, ?)"
                                                  : "SELECT has_column_privilege(?, ?, ?)");
    ask.bind(1, "hiprx." + std::string(table));
    if (column.empty()) {
        ask.bind(2, privilege);
    } else {
        ask.bind(2, column);
        ask.bind(3, privilege);
    }
    ask.executeStep();
    const bool allowed = ask.getColumn(0).getInt() != 0;
    known.emplace(key, allowed);
    return allowed;
}

ConflictError conflict(sql::Connection& db, std::string_view entity, std::int64_t id, std::string_view what)
{
    sql::Statement last(db, "SELECT clinician, at FROM audit_log WHERE entity = ? AND entity_id = ? "
                            "ORDER BY id DESC LIMIT 1");
    last.bind(1, entity);
    last.bind(2, id);
    std::string by;
    std::string at;
    if (last.executeStep()) {
        by = text(last.getColumn(0));
        at = text(last.getColumn(1));
    }
    // "2026-12-06T09:15:02.123Z" → "2026-12-06 09:15 UTC"
    const std::string when = at.size() >= 16 ? at.substr(0, 10) + " " + at.substr(11, 5) + " UTC" : "";
    std::string message = "This " + std::string(what) + " was changed at another desk";
    if (!by.empty())
        message += " by " + by;
    if (!when.empty())
        message += " at " + when;
    message += " after you opened it, so your changes were not saved over theirs. Your changes are kept; "
               "open the record again to see theirs, then make yours again.";
    return ConflictError(message, by, at);
}

void bindTextOrNull(sql::Statement& statement, int index, const std::string& value)
{
    if (value.empty())
        statement.bind(index);
    else
        statement.bind(index, value);
}

std::string text(const sql::Value& column)
{
    return column.isNull() ? std::string() : column.getString();
}

std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& name : names) {
        if (!out.empty())
            out += ", ";
        out += name;
    }
    return out;
}

void throwIfProblems(std::vector<FieldProblem> problems)
{
    if (!problems.empty())
        throw InputError(std::move(problems));
}

} // namespace hiprx::store::detail
