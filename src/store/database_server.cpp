// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode: one PostgreSQL server for every desk. Its schema lives in the schema `hiprx` and is
// versioned like the file (the same migration numbers, db/migrations/postgresql), in the one-row
// table schema_version. Only `hiprx-cli clinic init` (an administrator's login) creates or upgrades
// it; a desk that finds an older schema says so instead of upgrading under the other desks.
#include "store/database.h"

#include "store/database_impl.h"
#include "store/migrations.h"
#include "store/change_feed.h"
#include "store/sql_postgres.h"

#include <functional>
#include <string>

namespace hiprx::store {

namespace {

/// Every migrator takes this lock first, so two `clinic init` runs never apply one migration twice.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7031947021)";

/// Runs `work` in one transaction under the migration lock; rolled back when it throws.
void underMigrationLock(sql::Connection& connection, const std::function<void()>& work)
{
    connection.execute("BEGIN");
    try {
        connection.execute(kMigrationLock);
        work();
        connection.execute("COMMIT");
    } catch (...) {
        try {
            connection.execute("ROLLBACK");
        } catch (const sql::Error&) {
            // The connection is gone; the server rolled back.
        }
        throw;
    }
}

std::string shown(const std::string& url)
{
    try {
        return sql::parseServerLocation(url).shown;
    } catch (const sql::Error&) {
        return "the clinic server";
    }
}

std::unique_ptr<sql::PostgresConnection> connect(const std::string& url, const Credentials& credentials = {})
{
    return detail::guarded("connect to " + shown(url), [&] {
        sql::ServerLocation location = sql::parseServerLocation(url);
        location.login = credentials.login;
        location.password = credentials.password;
        return std::make_unique<sql::PostgresConnection>(location);
    });
}

} // namespace

int serverSchemaVersion(sql::Connection& connection)
{
    return detail::guarded("read the schema version", [&] {
        sql::Statement exists(connection, "SELECT to_regclass('hiprx.schema_version') IS NOT NULL");
        exists.executeStep();
        if (exists.getColumn(0).getInt() == 0)
            return 0;
        sql::Statement version(connection, "SELECT version FROM hiprx.schema_version");
        return version.executeStep() ? version.getColumn(0).getInt() : 0;
    });
}

bool Database::isServerLocation(const std::string& location)
{
    return sql::isServerUrl(location);
}

Database Database::openLocation(const std::string& location, const Credentials& credentials)
{
    if (!isServerLocation(location))
        return open(location);
    std::unique_ptr<sql::PostgresConnection> connection = connect(location, credentials);
    const int version = serverSchemaVersion(*connection);
    const int latest = static_cast<int>(serverMigrations().size());
    const std::string where = shown(location);
    if (version == 0)
        throw StorageError("The clinic server " + where +
                           " has no HipRx database yet. The clinic's administrator sets it up once with: "
                           "hiprx-cli clinic init " + where);
    if (version > latest)
        throw SchemaTooNewError(version, latest);
    if (version < latest)
        throw StorageError("The clinic database on " + where + " is at schema " + std::to_string(version) +
                           " and this HipRx needs schema " + std::to_string(latest) +
                           ". The clinic's administrator upgrades it with: hiprx-cli clinic init " + where);
    auto impl = std::make_unique<Database::Impl>(std::move(connection), where);
    impl->credentials = credentials;
    impl->url = location;
    return Database(std::move(impl));
}

std::string Database::login() const
{
    const auto* server = dynamic_cast<const sql::PostgresConnection*>(m_impl->connection.get());
    return server != nullptr ? server->login() : std::string();
}

std::unique_ptr<ChangeFeed> Database::listen() const
{
    if (!isServer())
        throw StorageError("Only a clinic server tells of changes made at other desks.");
    auto connection = connect(m_impl->url, m_impl->credentials);
    detail::guarded("listen for changes from other desks", [&] { connection->execute("LISTEN hiprx_change"); });
    return std::unique_ptr<ChangeFeed>(new ChangeFeed(std::move(connection)));
}

void Database::initServer(const std::string& url)
{
    std::unique_ptr<sql::PostgresConnection> connection = connect(url);
    // Roles, owners and the audit need the server's superuser; checked first, so that nothing is
    // half set up.
    const bool superuser = detail::guarded("check the login", [&] {
        sql::Statement who(*connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
        return who.executeStep() && who.getColumn(0).getInt() != 0;
    });
    if (!superuser)
        throw StorageError("Setting up the clinic server needs its superuser (" + connection->login() +
                           " is not): on the server run  sudo -u postgres hiprx-cli clinic init " + shown(url) +
                           "  or log in as a superuser.");
    const auto list = serverMigrations();
    const int latest = static_cast<int>(list.size());
    detail::guarded("create the HipRx schema on the clinic server", [&] {
        underMigrationLock(*connection, [&] { connection->execute("CREATE SCHEMA IF NOT EXISTS hiprx"); });
    });
    for (bool done = false; !done;) {
        int version = 0;
        std::string name;
        try {
            underMigrationLock(*connection, [&] {
                version = serverSchemaVersion(*connection); // read again under the lock
                if (version > latest)
                    throw SchemaTooNewError(version, latest);
                if (version >= latest) {
                    done = true;
                    return;
                }
                const EmbeddedFile& file = list[static_cast<std::size_t>(version)];
                name = std::string(file.name);
                connection->execute(file.content);
                connection->execute("UPDATE schema_version SET version = " + std::to_string(version + 1));
            });
        } catch (const sql::Error& e) {
            throw StorageError("Could not upgrade the clinic database to schema " + std::to_string(version + 1) +
                               " (" + name + "): " + e.what() + ". It was left at schema " +
                               std::to_string(version) + ".");
        }
    }
    detail::guarded("set up the clinic's roles, audit and notifications", [&] {
        underMigrationLock(*connection, [&] {
            for (const EmbeddedFile& file : serverSetup())
                connection->execute(file.content);
        });
    });
}

} // namespace hiprx::store
