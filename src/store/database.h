// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HipRx database: one SQLite file (WAL, foreign keys, busy timeout, mode 0600) whose schema is
// the ordered list of migrations in db/migrations/sqlite, compiled into the binary and tracked by
// PRAGMA user_version — or, in clinic mode, one PostgreSQL server shared by every desk, with the
// same schema versions in db/migrations/postgresql tracked by the table schema_version. SQLiteCpp
// and libpq stay behind this header.
#pragma once

#include "core/error.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace hiprx::store {

/// A database could not be opened, migrated, read or written. The message says what and what to do;
/// it never contains patient data.
class StorageError : public Error {
public:
    using Error::Error;
};

/// The file was written by a newer HipRx: it is refused and left untouched.
class SchemaTooNewError : public StorageError {
public:
    SchemaTooNewError(int fileVersion, int knownVersion);
    int fileVersion() const noexcept { return m_fileVersion; }

private:
    int m_fileVersion;
};

/// Who logs in to a clinic server, as typed in a desk's login dialog. Empty fields fall back to the
/// URL, PGUSER/PGPASSWORD or ~/.pgpass. HipRx never stores them.
struct Credentials {
    std::string login;
    std::string password;
};

class ChangeFeed;

class Database {
public:
    /// Opens (creating it with mode 0600, and its folder, when missing) and migrates to the latest
    /// schema, each migration in its own transaction. Throws SchemaTooNewError for a newer file and
    /// StorageError for anything else.
    static Database open(const std::filesystem::path& path);
    /// Opens an existing file without creating or migrating it; used to inspect a backup.
    static Database openExisting(const std::filesystem::path& path);

    /// Opens a location: a clinic server URL (postgresql://USER@HOST/DATABASE; TLS verifying the
    /// server unless it runs on this computer) or, for anything else, a file as open() does. A server
    /// must have been set up with initServer (`hiprx-cli clinic init`); an older or missing schema
    /// is refused with what to run, a newer one with SchemaTooNewError.
    static Database openLocation(const std::string& location, const Credentials& credentials = {});
    /// Sets up or upgrades a clinic server: the schema `hiprx`, every migration not yet applied (each
    /// in its own transaction), then roles, grants, audit triggers and notifications
    /// (db/postgresql/clinic_security.sql, safe to run again). Needs a login that may create roles.
    static void initServer(const std::string& url);
    /// Whether `location` names a clinic server rather than a file.
    static bool isServerLocation(const std::string& location);

    /// True on a clinic server.
    bool isServer() const noexcept;
    /// The file's path, or the server's URL without its password.
    const std::string& location() const noexcept;
    /// Who is logged in to the clinic server (session_user); "" for a file.
    std::string login() const;
    /// Clinic server only: a second connection, as the same login, on which the changes other desks
    /// commit arrive (LISTEN hiprx_change). Throws StorageError on a file.
    std::unique_ptr<ChangeFeed> listen() const;

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    /// The file; empty on a clinic server.
    const std::filesystem::path& path() const noexcept;
    /// PRAGMA user_version of the open file, or the server's schema_version.
    int schemaVersion() const;
    /// Number of migrations compiled into this binary.
    static int latestSchemaVersion() noexcept;

    /// Runs `work` inside one transaction: committed when it returns, rolled back when it throws.
    void transaction(const std::function<void()>& work);

    /// Online copy of the open database to `target` (SQLite backup API); the target is written
    /// atomically (temporary file then rename) with mode 0600.
    void backupTo(const std::filesystem::path& target) const;
    /// Like backupTo, but never replaces a file: the copy is written once, then published under
    /// the first of name(0), name(1), … that does not exist yet, with an atomic no-replace rename,
    /// so backups written at the same moment (ten processes in one second) each get their own
    /// file. All names must be in one folder. Returns the name used; throws StorageError.
    std::filesystem::path backupToNewFile(const std::function<std::filesystem::path(int attempt)>& name) const;
    /// Replaces the file at `databasePath` with the backup at `backup` after checking that the
    /// backup is a HipRx database this binary can read; the current file is kept beside it as
    /// `<name>.before-restore`. No connection to `databasePath` may be open.
    static void restore(const std::filesystem::path& backup, const std::filesystem::path& databasePath);

    struct Impl;
    Impl& impl() const noexcept { return *m_impl; }

private:
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace hiprx::store
