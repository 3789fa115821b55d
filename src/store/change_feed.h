// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clinic mode: the changes other desks commit, as the server announces them (NOTIFY hiprx_change,
// sent at commit, never for a change rolled back). A desk waits on socket() (poll, select or its GUI
// toolkit's socket watcher) and calls take() when it is readable: nothing polls the server.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hiprx::store {

namespace sql {
class PostgresConnection;
}

/// One committed change: which table, which row (its id, or the key of a setting or exercise), and
/// whose record it belongs to (0 when no patient's).
struct Change {
    std::string table;
    std::string row;
    std::int64_t patientId = 0;
};

/// Parses a hiprx_change payload "table:row:patient" (the row, a text key, may hold ':').
Change parseChange(const std::string& payload);

class ChangeFeed {
public:
    ~ChangeFeed();
    ChangeFeed(const ChangeFeed&) = delete;
    ChangeFeed& operator=(const ChangeFeed&) = delete;

    /// The connection's socket: readable when something has arrived.
    int socket() const;
    /// The changes that arrived, oldest first; never blocks. Throws StorageError when the connection
    /// is lost (the desk then opens a new feed).
    std::vector<Change> take();

private:
    friend class Database;
    explicit ChangeFeed(std::unique_ptr<sql::PostgresConnection> connection);
    std::unique_ptr<sql::PostgresConnection> m_connection;
};

} // namespace hiprx::store
