// SPDX-License-Identifier: GPL-3.0-or-later
//
// Private to the store: the connection behind Database (an SQLite file through SQLiteCpp, or a
// clinic's PostgreSQL server), and the one place where database errors become StorageError. Never
// included by other layers.
#pragma once

#include "core/date.h"
#include "store/database.h"
#include "store/sql.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace hiprx::store {

struct Database::Impl {
    /// An SQLite file.
    Impl(const std::filesystem::path& file, int flags);
    /// A server connection (clinic mode); `location` is the URL without its password.
    Impl(std::unique_ptr<sql::Connection> server, std::string location);
    ~Impl();

    /// The SQLite file's own connection (backup, restore, PRAGMAs); StorageError on a server.
    SQLite::Database& file();

    std::unique_ptr<SQLite::Database> sqlite; ///< null on a server
    std::unique_ptr<sql::Connection> connection; ///< what the repositories use, on either backend
    std::filesystem::path path;                  ///< the file; empty on a server
    std::string location;                        ///< the file's path, or the server URL without password
    Credentials credentials;                     ///< server only: as given at open, for listen()
    std::string url;                             ///< server only: as given at open
    bool readOnly = false;
    /// Server only: what this login may do, asked once per table/column and privilege.
    std::map<std::string, bool, std::less<>> privileges;
    int transactionDepth = 0; ///< >0 inside Database::transaction; nested calls use savepoints
};

namespace detail {

/// Current time as ISO 8601 UTC with milliseconds (`2026-11-20T09:15:02.123Z`), so "most recently
/// updated" orders edits made within one second.
std::string nowUtc();

/// Today's local calendar date: the bound for dates entered by the user.
core::Date localToday();

/// SQLite's reason in words a clinic's IT person acts on, for the errors of the disk and the file
/// (I/O error, disk full, cannot open, read-only, damaged), with SQLite's own text after it; any
/// other error is SQLite's text as it is.
std::string describe(const SQLite::Exception& e);
std::string describe(const sql::Error& e);

/// Runs `work`; an SQLite error becomes StorageError("Could not <what>: <SQLite's reason>"). SQLite's
/// reasons name tables, columns and constraints, never values.
template <typename Work> decltype(auto) guarded(std::string_view what, Work&& work)
{
    try {
        return work();
    } catch (const SQLite::Exception& e) {
        throw StorageError("Could not " + std::string(what) + ": " + describe(e) + ".");
    } catch (const sql::Error& e) {
        throw StorageError("Could not " + std::string(what) + ": " + describe(e) + ".");
    }
}

} // namespace detail
} // namespace hiprx::store
