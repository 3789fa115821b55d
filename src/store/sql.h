// SPDX-License-Identifier: GPL-3.0-or-later
//
// Private to the store: the one SQL interface the repositories write to, with one implementation
// per backend — the embedded SQLite file (SQLiteCpp) and a clinic's PostgreSQL server (libpq).
//
// The repositories keep one SQL text per statement where both dialects agree (most do: RETURNING,
// ON CONFLICT, savepoints, CTEs) and ask dialect() where they differ. Parameters are written the
// SQLite way, `?` or `?N`; the PostgreSQL backend rewrites them to `$N` outside string literals.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace hiprx::store::sql {

enum class Dialect { Sqlite, Postgres };

/// An error reported by either backend. what() is the backend's own text (it names tables, columns
/// and constraints, never values); code() is SQLite's primary result code (0 on PostgreSQL),
/// extendedCode() its extended code, sqlstate() PostgreSQL's five-character SQLSTATE ("" on SQLite).
class Error : public std::runtime_error {
public:
    Error(const std::string& message, int code, int extendedCode, std::string sqlstate)
        : std::runtime_error(message), m_code(code), m_extendedCode(extendedCode), m_sqlstate(std::move(sqlstate))
    {
    }
    int code() const noexcept { return m_code; }
    int extendedCode() const noexcept { return m_extendedCode; }
    const std::string& sqlstate() const noexcept { return m_sqlstate; }
    /// The server closed or lost an open connection (PostgreSQL), so nothing more can be done on it
    /// (not a connection that could not be made: 08001).
    bool connectionLost() const noexcept
    {
        return m_sqlstate == "08006" || m_sqlstate == "08003" || m_sqlstate == "57P01";
    }

private:
    int m_code;
    int m_extendedCode;
    std::string m_sqlstate;
};

/// One prepared statement of one backend. Columns are read from the current row after step().
class StatementBackend {
public:
    virtual ~StatementBackend() = default;
    virtual void bindNull(int index) = 0;
    virtual void bindInt64(int index, std::int64_t value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    virtual void bindText(int index, std::string_view value) = 0;
    virtual void bindBlob(int index, const void* data, std::size_t size) = 0;
    /// Runs the statement on first call; true while a row is available.
    virtual bool step() = 0;
    /// Runs a statement that returns no rows; the number of rows it changed.
    virtual int run() = 0;
    /// Ready to run again with new bindings (the old ones are kept).
    virtual void reset() = 0;
    virtual bool isNull(int column) const = 0;
    virtual std::int64_t int64(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual std::string text(int column) const = 0;
    virtual std::vector<std::uint8_t> blob(int column) const = 0;
};

/// An open connection of one backend.
class Connection {
public:
    virtual ~Connection() = default;
    virtual Dialect dialect() const noexcept = 0;
    virtual std::unique_ptr<StatementBackend> prepare(std::string_view sql) = 0;
    /// Runs one or more statements without parameters (migrations, BEGIN, SAVEPOINT …).
    virtual void execute(std::string_view sql) = 0;
    /// Whether nothing can be written through this connection (a read-only file or login).
    virtual bool readOnly() const = 0;
};

/// One column of the current row.
class Value {
public:
    Value(const StatementBackend& statement, int column) : m_statement(statement), m_column(column) {}
    bool isNull() const { return m_statement.isNull(m_column); }
    std::int64_t getInt64() const { return m_statement.int64(m_column); }
    int getInt() const { return static_cast<int>(m_statement.int64(m_column)); }
    double getDouble() const { return m_statement.real(m_column); }
    /// The text; "" for NULL.
    std::string getString() const { return m_statement.text(m_column); }
    std::vector<std::uint8_t> getBlob() const { return m_statement.blob(m_column); }

private:
    const StatementBackend& m_statement;
    int m_column;
};

/// A statement with SQLiteCpp's shape, so repository code reads the same on either backend.
class Statement {
public:
    Statement(Connection& connection, std::string_view sql) : m_backend(connection.prepare(sql)) {}

    template <typename Integer>
        requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>)
    void bind(int index, Integer value)
    {
        m_backend->bindInt64(index, static_cast<std::int64_t>(value));
    }
    void bind(int index, bool value) = delete; // say 0 or 1
    void bind(int index, double value) { m_backend->bindDouble(index, value); }
    void bind(int index, const std::string& value) { m_backend->bindText(index, value); }
    void bind(int index, std::string_view value) { m_backend->bindText(index, value); }
    void bind(int index, const char* value) { m_backend->bindText(index, value); }
    void bind(int index) { m_backend->bindNull(index); }
    void bindBlob(int index, const void* data, std::size_t size) { m_backend->bindBlob(index, data, size); }

    bool executeStep() { return m_backend->step(); }
    int exec() { return m_backend->run(); }
    void reset() { m_backend->reset(); }
    Value getColumn(int column) const { return Value(*m_backend, column); }

private:
    std::unique_ptr<StatementBackend> m_backend;
};

} // namespace hiprx::store::sql
