// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sql_postgres.h"

#include "store/libpq.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace hiprx::store::sql {

namespace {

// Type oids of the parameters HipRx binds (pg_type.h is a server header; these never change).
constexpr Oid kInt8Oid = 20;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kByteaOid = 17;
constexpr Oid kBoolOid = 16;

/// The server's message for a failed result: the primary message and, when given, the hint. DETAIL is
/// left out: for a unique violation it repeats the values ("Key (external_id)=(…)"), which may be
/// patient data.
Error resultError(const PGresult* result, PGconn* conn)
{
    const char* state = result != nullptr ? detail::pq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result != nullptr ? detail::pq().PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char* hint = result != nullptr ? detail::pq().PQresultErrorField(result, PG_DIAG_MESSAGE_HINT) : nullptr;
    std::string message = primary != nullptr ? primary : detail::pq().PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    if (hint != nullptr)
        message += " (" + std::string(hint) + ")";
    std::string sqlstate = state != nullptr ? state : "";
    if (sqlstate.empty() && detail::pq().PQstatus(conn) != CONNECTION_OK)
        sqlstate = "08006"; // connection_failure
    return Error(message.empty() ? "the server gave no reason" : message, 0, 0, std::move(sqlstate));
}

struct ResultDeleter {
    void operator()(PGresult* r) const { detail::pq().PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

Result check(PGresult* raw, PGconn* conn)
{
    Result result(raw);
    const ExecStatusType status = result ? detail::pq().PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw resultError(result.get(), conn);
    return result;
}

std::vector<std::uint8_t> decodeHexBytea(const char* text, std::size_t length)
{
    std::vector<std::uint8_t> bytes;
    if (length < 2 || text[0] != '\\' || text[1] != 'x')
        throw Error("the server sent binary data in an unexpected format", 0, 0, "XX000");
    bytes.reserve((length - 2) / 2);
    const auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 2; i + 1 < length; i += 2) {
        const int high = nibble(text[i]);
        const int low = nibble(text[i + 1]);
        if (high < 0 || low < 0)
            throw Error("the server sent damaged binary data", 0, 0, "XX000");
        bytes.push_back(static_cast<std::uint8_t>(high * 16 + low));
    }
    return bytes;
}

class PostgresStatement final : public StatementBackend {
public:
    PostgresStatement(PGconn* conn, std::string_view sql) : m_conn(conn)
    {
        int count = 0;
        m_sql = toPostgresPlaceholders(sql, &count);
        m_values.resize(static_cast<std::size_t>(count));
        m_types.assign(static_cast<std::size_t>(count), 0);
        m_formats.assign(static_cast<std::size_t>(count), 0);
    }
    void bindNull(int index) override { set(index, std::nullopt, 0, 0); }
    void bindInt64(int index, std::int64_t value) override { set(index, std::to_string(value), kInt8Oid, 0); }
    void bindDouble(int index, double value) override
    {
        char text[64];
        const auto written = std::to_chars(text, text + sizeof text, value);
        set(index, std::string(text, written.ptr), kFloat8Oid, 0);
    }
    void bindText(int index, std::string_view value) override { set(index, std::string(value), 0, 0); }
    void bindBlob(int index, const void* data, std::size_t size) override
    {
        set(index, std::string(static_cast<const char*>(data), size), kByteaOid, 1);
    }
    bool step() override
    {
        if (!m_result)
            execute();
        ++m_row;
        return m_row < detail::pq().PQntuples(m_result.get());
    }
    int run() override
    {
        execute();
        const char* changed = detail::pq().PQcmdTuples(m_result.get());
        return changed != nullptr && *changed != '\0' ? std::atoi(changed) : 0;
    }
    void reset() override
    {
        m_result.reset();
        m_row = -1;
    }
    bool isNull(int column) const override { return detail::pq().PQgetisnull(current(), m_row, column) != 0; }
    std::int64_t int64(int column) const override
    {
        const char* text = detail::pq().PQgetvalue(current(), m_row, column);
        // A boolean reads as 1 or 0, as SQLite gives it (EXISTS, comparisons).
        if (detail::pq().PQftype(current(), column) == kBoolOid)
            return text[0] == 't' ? 1 : 0;
        std::int64_t value = 0;
        std::from_chars(text, text + std::strlen(text), value);
        return value;
    }
    double real(int column) const override { return std::strtod(detail::pq().PQgetvalue(current(), m_row, column), nullptr); }
    std::string text(int column) const override
    {
        const PGresult* result = current();
        return std::string(detail::pq().PQgetvalue(result, m_row, column),
                           static_cast<std::size_t>(detail::pq().PQgetlength(result, m_row, column)));
    }
    std::vector<std::uint8_t> blob(int column) const override
    {
        const PGresult* result = current();
        if (detail::pq().PQgetisnull(result, m_row, column) != 0)
            return {};
        return decodeHexBytea(detail::pq().PQgetvalue(result, m_row, column),
                              static_cast<std::size_t>(detail::pq().PQgetlength(result, m_row, column)));
    }

private:
    void set(int index, std::optional<std::string> value, Oid type, int format)
    {
        if (index < 1 || static_cast<std::size_t>(index) > m_values.size())
            throw Error("parameter " + std::to_string(index) + " is not in the statement", 0, 0, "42P02");
        const auto i = static_cast<std::size_t>(index - 1);
        m_values[i] = std::move(value);
        m_types[i] = type;
        m_formats[i] = format;
    }
    void execute()
    {
        std::vector<const char*> values(m_values.size());
        std::vector<int> lengths(m_values.size());
        for (std::size_t i = 0; i < m_values.size(); ++i) {
            values[i] = m_values[i] ? m_values[i]->data() : nullptr;
            lengths[i] = m_values[i] ? static_cast<int>(m_values[i]->size()) : 0;
        }
        m_row = -1;
        m_result = check(detail::pq().PQexecParams(m_conn, m_sql.c_str(), static_cast<int>(values.size()), m_types.data(),
                                      values.data(), lengths.data(), m_formats.data(), 0),
                         m_conn);
    }
    const PGresult* current() const
    {
        if (!m_result || m_row < 0 || m_row >= detail::pq().PQntuples(m_result.get()))
            throw Error("no row to read", 0, 0, "24000");
        return m_result.get();
    }

    PGconn* m_conn;
    std::string m_sql;
    std::vector<std::optional<std::string>> m_values;
    std::vector<Oid> m_types;
    std::vector<int> m_formats;
    Result m_result;
    int m_row = -1;
};

bool isLocalHost(const std::string& host)
{
    if (host.empty() || host.front() == '/')
        return true; // a Unix socket on this computer
    return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]";
}

/// Every host of a list ("a,b") is on this computer.
bool allLocal(const std::string& hosts)
{
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = hosts.find(',', start);
        if (!isLocalHost(hosts.substr(start, comma == std::string::npos ? std::string::npos : comma - start)))
            return false;
        if (comma == std::string::npos)
            return true;
        start = comma + 1;
    }
}

} // namespace

bool isServerUrl(std::string_view location)
{
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

ServerLocation parseServerLocation(const std::string& url)
{
    ServerLocation location;
    location.url = url;
    char* error = nullptr;
    PQconninfoOption* options = detail::pq().PQconninfoParse(url.c_str(), &error);
    if (options == nullptr) {
        std::string why = error != nullptr ? error : "it could not be read";
        detail::pq().PQfreemem(error);
        while (!why.empty() && why.back() == '\n')
            why.pop_back();
        throw Error("the server address is not valid (" + why + "); write it as postgresql://USER@HOST/DATABASE",
                    0, 0, "08P01");
    }
    std::string sslmode;
    std::string user;
    std::string dbname;
    std::string port;
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
        if (o->val == nullptr)
            continue;
        const std::string key = o->keyword;
        if (key == "host")
            location.host = o->val;
        else if (key == "hostaddr" && location.host.empty())
            location.host = o->val;
        else if (key == "sslmode")
            sslmode = o->val;
        else if (key == "user")
            user = o->val;
        else if (key == "dbname")
            dbname = o->val;
        else if (key == "port")
            port = o->val;
    }
    detail::pq().PQconninfoFree(options);
    // Without a host in the address, libpq takes PGHOST or PGHOSTADDR: that decides where the data goes.
    if (location.host.empty())
        for (const char* variable : {"PGHOST", "PGHOSTADDR"})
            if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
                location.host = value;
                break;
            }
    location.local = allLocal(location.host);
    location.shown = "postgresql://" + (user.empty() ? "" : user + "@") + location.host +
                     (port.empty() ? "" : ":" + port) + "/" + dbname;
    if (sslmode.empty()) {
        location.sslmode = location.local ? "prefer" : "verify-full";
    } else {
        const bool verifies = sslmode == "verify-full" || sslmode == "verify-ca";
        if (!verifies && !location.local)
            throw Error("the connection would not check the server (sslmode=" + sslmode +
                            "): patient data may only travel to another computer over TLS that verifies "
                            "the server. Use sslmode=verify-full with the clinic's certificate authority "
                            "(sslrootcert=FILE), or leave sslmode out",
                        0, 0, "08P01");
        location.sslmode = sslmode;
    }
    return location;
}

PostgresConnection::PostgresConnection(const ServerLocation& location)
{
    // Later keywords override what the URL says (expand_dbname = 1).
    std::vector<const char*> keywords{"dbname", "sslmode", "application_name", "client_encoding", "connect_timeout"};
    std::vector<const char*> values{location.url.c_str(), location.sslmode.c_str(), "hiprx", "UTF8", "10"};
    if (!location.login.empty()) {
        keywords.push_back("user");
        values.push_back(location.login.c_str());
    }
    if (!location.password.empty()) {
        keywords.push_back("password");
        values.push_back(location.password.c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    m_conn = detail::pq().PQconnectdbParams(keywords.data(), values.data(), 1);
    if (m_conn == nullptr)
        throw Error("Could not connect to " + location.shown + ": out of memory", 0, 0, "08001");
    if (detail::pq().PQstatus(m_conn) != CONNECTION_OK) {
        std::string why = detail::pq().PQerrorMessage(m_conn);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
            why.pop_back();
        detail::pq().PQfinish(m_conn);
        m_conn = nullptr;
        throw Error(why, 0, 0, "08001");
    }
    // Session settings every HipRx connection relies on: our schema first, and no transaction left
    // open at a desk for long (a crashed or frozen desk must not hold locks).
    // NOTICEs ("already exists, skipping" when clinic init runs again) are not for the person at the
    // desk: libpq would print them on stderr.
    execute("SET search_path = hiprx, pg_catalog; SET idle_in_transaction_session_timeout = '5min'; "
            "SET client_min_messages = warning");
    Statement who(*this, "SELECT session_user");
    who.executeStep();
    m_login = who.getColumn(0).getString();
}

PostgresConnection::~PostgresConnection()
{
    if (m_conn != nullptr)
        detail::pq().PQfinish(m_conn);
}

std::unique_ptr<StatementBackend> PostgresConnection::prepare(std::string_view sql)
{
    return std::make_unique<PostgresStatement>(m_conn, sql);
}

void PostgresConnection::execute(std::string_view sql)
{
    check(detail::pq().PQexec(m_conn, std::string(sql).c_str()), m_conn);
}

int PostgresConnection::socket() const
{
    return detail::pq().PQsocket(m_conn);
}

std::vector<Notification> PostgresConnection::notifications()
{
    std::vector<Notification> received;
    if (detail::pq().PQconsumeInput(m_conn) == 0)
        throw resultError(nullptr, m_conn);
    while (PGnotify* n = detail::pq().PQnotifies(m_conn)) {
        received.push_back({n->relname, n->extra});
        detail::pq().PQfreemem(n);
    }
    return received;
}

std::string toPostgresPlaceholders(std::string_view sql, int* parameterCount)
{
    std::string out;
    out.reserve(sql.size() + 8);
    int highest = 0;
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            // A quoted literal or identifier, doubled quotes included, copied as it is.
            const std::size_t end = [&] {
                std::size_t j = i + 1;
                while (j < sql.size()) {
                    if (sql[j] == c) {
                        if (j + 1 < sql.size() && sql[j + 1] == c) {
                            j += 2;
                            continue;
                        }
                        return j + 1;
                    }
                    ++j;
                }
                return sql.size();
            }();
            out.append(sql.substr(i, end - i));
            i = end;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = std::min(sql.find('\n', i), sql.size());
            out.append(sql.substr(i, end - i));
            i = end;
        } else if (c == '?') {
            std::size_t j = i + 1;
            int number = 0;
            while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
                number = number * 10 + (sql[j++] - '0');
            if (j == i + 1)
                number = highest + 1;
            highest = std::max(highest, number);
            out += '$';
            out += std::to_string(number);
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    if (parameterCount != nullptr)
        *parameterCount = highest;
    return out;
}

} // namespace hiprx::store::sql
