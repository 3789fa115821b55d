// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sql_sqlite.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

namespace hiprx::store::sql {

Error fromSqlite(const SQLite::Exception& e)
{
    return Error(e.what(), e.getErrorCode(), e.getExtendedErrorCode(), "");
}

namespace {

template <typename Work> decltype(auto) translated(Work&& work)
{
    try {
        return work();
    } catch (const SQLite::Exception& e) {
        throw fromSqlite(e);
    }
}

class SqliteStatement final : public StatementBackend {
public:
    SqliteStatement(SQLite::Database& db, std::string_view sql)
        : m_statement(translated([&] { return SQLite::Statement(db, std::string(sql)); }))
    {
    }
    void bindNull(int index) override
    {
        translated([&] { m_statement.bind(index); });
    }
    void bindInt64(int index, std::int64_t value) override
    {
        translated([&] { m_statement.bind(index, static_cast<int64_t>(value)); });
    }
    void bindDouble(int index, double value) override
    {
        translated([&] { m_statement.bind(index, value); });
    }
    void bindText(int index, std::string_view value) override
    {
        translated([&] { m_statement.bind(index, std::string(value)); });
    }
    void bindBlob(int index, const void* data, std::size_t size) override
    {
        translated([&] { m_statement.bind(index, data, static_cast<int>(size)); });
    }
    bool step() override
    {
        return translated([&] { return m_statement.executeStep(); });
    }
    int run() override
    {
        return translated([&] { return m_statement.exec(); });
    }
    void reset() override
    {
        translated([&] { m_statement.reset(); });
    }
    bool isNull(int column) const override { return column_(column).isNull(); }
    std::int64_t int64(int column) const override { return column_(column).getInt64(); }
    double real(int column) const override { return column_(column).getDouble(); }
    std::string text(int column) const override
    {
        const SQLite::Column value = column_(column);
        return value.isNull() ? std::string() : value.getString();
    }
    std::vector<std::uint8_t> blob(int column) const override
    {
        const SQLite::Column value = column_(column);
        const auto* bytes = static_cast<const std::uint8_t*>(value.getBlob());
        return bytes == nullptr ? std::vector<std::uint8_t>()
                                : std::vector<std::uint8_t>(bytes, bytes + value.getBytes());
    }

private:
    SQLite::Column column_(int column) const
    {
        return translated([&] { return m_statement.getColumn(column); });
    }
    // getColumn is not const in SQLiteCpp's signature on some versions; the statement is logically
    // unchanged by reading a column.
    mutable SQLite::Statement m_statement;
};

} // namespace

std::unique_ptr<StatementBackend> SqliteConnection::prepare(std::string_view sql)
{
    return std::make_unique<SqliteStatement>(m_db, sql);
}

void SqliteConnection::execute(std::string_view sql)
{
    translated([&] { m_db.exec(std::string(sql)); });
}

bool SqliteConnection::readOnly() const
{
    return sqlite3_db_readonly(m_db.getHandle(), "main") == 1;
}

} // namespace hiprx::store::sql
