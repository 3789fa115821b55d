// SPDX-License-Identifier: GPL-3.0-or-later
//
// Private to the store: the SQLite backend of sql::Connection, over a SQLiteCpp connection that
// database.cpp opens and configures (WAL, foreign keys, busy timeout).
#pragma once

#include "store/sql.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

namespace hiprx::store::sql {

/// The sql::Error for a SQLiteCpp exception (code, extended code and SQLite's text kept).
Error fromSqlite(const SQLite::Exception& e);

class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(SQLite::Database& db) : m_db(db) {}
    Dialect dialect() const noexcept override { return Dialect::Sqlite; }
    std::unique_ptr<StatementBackend> prepare(std::string_view sql) override;
    void execute(std::string_view sql) override;
    bool readOnly() const override;

private:
    SQLite::Database& m_db;
};

} // namespace hiprx::store::sql
