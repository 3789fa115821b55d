// SPDX-License-Identifier: GPL-3.0-or-later
//
// Private to the store: small helpers the repositories share (audit rows, NULL-able columns).
#pragma once

#include "store/database_impl.h"
#include "store/sql.h"
#include "store/repositories.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::store::detail {

/// The connection behind a Database.
inline sql::Connection& connection(Database& db)
{
    return *db.impl().connection;
}

/// Appends one audit row. `detail` names fields or counts; callers never pass patient data.
void appendAudit(sql::Connection& db, const Actor& actor, std::string_view action, std::string_view entity,
                 std::optional<std::int64_t> entityId, const std::string& detail);

/// The ConflictError for a save of `entity` (the audit log's entity name, e.g. "visit") row `id`
/// over a newer change: names who saved it last and when, from the audit log.
ConflictError conflict(sql::Connection& db, std::string_view entity, std::int64_t id, std::string_view what);

/// Whether this login holds `privilege` ("SELECT", "INSERT") on `table`, or on its `column` when
/// one is named. A clinic server's groups differ (the front desk may not read findings or drafts,
/// only an administrator writes exercises); asked once per connection and remembered. Always true
/// on a file.
bool may(Database& db, std::string_view privilege, std::string_view table, std::string_view column = {});

/// Binds text, or NULL when it is empty.
void bindTextOrNull(sql::Statement& statement, int index, const std::string& text);

/// A column as text; "" for NULL.
std::string text(const sql::Value& column);

/// "a, b, c".
std::string joinNames(const std::vector<std::string>& names);

/// Throws InputError when `problems` is not empty.
void throwIfProblems(std::vector<FieldProblem> problems);

} // namespace hiprx::store::detail
