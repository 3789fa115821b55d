// SPDX-License-Identifier: GPL-3.0-or-later
//
// The folder of backups HipRx writes by itself (File → Back up now, the daily backup when the app
// closes, `hiprx-cli backup` without a file name): one file per backup, named after the moment it
// was written, the oldest removed once there are more than a set number. Files that do not follow
// the naming pattern (a backup the user copied there by hand) are never touched.
#pragma once

#include "store/database.h"

#include <chrono>
#include <filesystem>
#include <vector>

namespace hiprx::store {

class BackupFolder {
public:
    using Clock = std::chrono::system_clock;

    struct Entry {
        std::filesystem::path path;
        Clock::time_point written; ///< from the file name (UTC, to the second)
    };

    /// Backups of 20 working days by default: enough to go back past a mistake noticed late,
    /// small enough not to fill the disk.
    static constexpr int kDefaultKeep = 20;

    /// `keep` must be at least 1 (throws std::invalid_argument otherwise).
    explicit BackupFolder(std::filesystem::path folder, int keep = kDefaultKeep);

    /// Writes a backup of `db` named hiprx-YYYYMMDD-HHMMSS.sqlite after `now` (UTC; a second
    /// backup within the same second gets a -2, -3… suffix), then removes the oldest HipRx backups
    /// beyond `keep`. Returns the new file. Throws StorageError when the folder or file cannot be
    /// written; nothing is removed then.
    std::filesystem::path write(const Database& db, Clock::time_point now = Clock::now()) const;

    /// HipRx backups in the folder, newest first; empty when the folder does not exist.
    std::vector<Entry> list() const;

    /// True when the newest backup is older than `maxAge` at `now`, or there is none.
    bool due(Clock::time_point now, Clock::duration maxAge) const;

    const std::filesystem::path& folder() const noexcept { return m_folder; }

private:
    std::filesystem::path m_folder;
    int m_keep;
};

} // namespace hiprx::store
