// SPDX-License-Identifier: GPL-3.0-or-later
//
// Private to the store: the PostgreSQL backend of sql::Connection (clinic mode), over libpq.
//
// Plain libpq rather than libpqxx 6.4 (Debian 12): the store already has its own statement and
// transaction layer, so libpqxx would add a second one, and 6.4.5 has the subtransaction bug fixed
// only in 6.4.8 (exec_params not opening the SAVEPOINT). libpq is the server's own client library.
#pragma once

#include "store/sql.h"

#include <string>
#include <vector>

struct pg_conn;

namespace hiprx::store::sql {

/// What a clinic server URL says, checked before connecting.
struct ServerLocation {
    std::string url;      ///< as given (may hold a password)
    std::string shown;    ///< the URL without its password, for messages and the title bar
    std::string host;     ///< "" or a socket folder means this computer
    bool local = false;   ///< the server runs on this computer (socket, localhost, 127.0.0.1, ::1)
    std::string sslmode;  ///< what the connection will use
    std::string login;    ///< overrides the URL's user when not empty (the desk's login dialog)
    std::string password; ///< likewise; never stored, never shown
};

/// Whether `location` names a server (postgresql:// or postgres://) rather than a file.
bool isServerUrl(std::string_view location);

/// Parses and checks a server URL: TLS with verification of the server (sslmode=verify-full) is the
/// default and the only mode allowed to another computer; a plain connection only to this computer.
/// Throws Error (sqlstate "08P01") with a message naming what to change.
ServerLocation parseServerLocation(const std::string& url);

/// A change another desk committed (LISTEN/NOTIFY): the channel and its payload (ids only).
struct Notification {
    std::string channel;
    std::string payload;
};

class PostgresConnection final : public Connection {
public:
    /// Connects (application_name=hiprx, UTF-8, search_path=hiprx). Throws Error.
    explicit PostgresConnection(const ServerLocation& location);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Dialect dialect() const noexcept override { return Dialect::Postgres; }
    std::unique_ptr<StatementBackend> prepare(std::string_view sql) override;
    void execute(std::string_view sql) override;
    bool readOnly() const override { return false; }

    /// The login this connection runs as (session_user).
    const std::string& login() const noexcept { return m_login; }
    /// The socket to wait on for notifications.
    int socket() const;
    /// Reads what arrived on the socket and returns the notifications received, oldest first.
    std::vector<Notification> notifications();

    pg_conn* handle() const noexcept { return m_conn; }

private:
    pg_conn* m_conn = nullptr;
    std::string m_login;
};

/// `?` and `?N` placeholders rewritten to `$N` (outside quotes and comments); bare `?` numbers as
/// SQLite does (one more than the largest so far). Also returns the number of parameters.
std::string toPostgresPlaceholders(std::string_view sql, int* parameterCount);

} // namespace hiprx::store::sql
