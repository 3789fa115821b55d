// SPDX-License-Identifier: GPL-3.0-or-later
//
// Moving a solo practice into clinic mode: every record of a HipRx database file copied into a
// clinic server in one transaction, then checked table by table. The file is never written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hiprx::store {

struct TableCopy {
    std::string table;
    std::int64_t rows = 0;   ///< rows copied (and found again on the server)
    std::string checksum;    ///< of the rows' values in key order, the same on both sides
};

/// Copies `file` (any schema this HipRx knows; an older one is upgraded in a temporary copy, never
/// in place) into the server at `url`, which `clinic init` has set up and which holds no records
/// yet: patients, visits, programs with their PDFs, visit notes, drafts, protocols, outbox, staff,
/// settings, the clinic's own exercises and the audit log (built-in exercises are the server's own).
/// One transaction: either everything is there, with the same ids, or nothing. Then every table's
/// row count and checksum are compared between the file and the server before the transaction is
/// committed. Needs the server's superuser (the id sequences are moved on). Throws StorageError.
std::vector<TableCopy> copyFileToServer(const std::filesystem::path& file, const std::string& url);

} // namespace hiprx::store
