// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/clinic_migration.h"

#include "store/database.h"
#include "store/database_impl.h"
#include "store/sql_postgres.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hiprx::store {

namespace {

struct TableSpec {
    const char* name;
    const char* key;         ///< order of the rows on both sides
    const char* where;       ///< which rows move ("" = all)
    bool keepIds;            ///< false: the server numbers them (its own rows came first)
};

// Parents before children (foreign keys are checked row by row on the server).
constexpr std::array<TableSpec, 13> kTables{{
    {"patients", "id", "", true},
    {"visits", "id", "", true},
    {"programs", "id", "", true},
    {"visit_notes", "program_id", "", true},
    {"assessment_drafts", "id", "", true},
    {"protocols", "id", "", true},
    {"outbox", "id", "", true},
    {"outbox_discarded", "outbox_id", "", true},
    {"patient_search_tokens", "token, patient_id", "", true},
    {"staff", "id", "", true},
    {"settings", "key", "", true},
    {"exercises", "id", "builtin = 0", true}, // the built-ins are the server's own, synced by clinic init
    {"audit_log", "id", "", false},           // after the server's own entries, in the file's order
}};

/// Tables whose rows must all be absent on the server for a move (an empty clinic database).
constexpr std::array<const char*, 8> kMustBeEmpty{"patients",  "visits",    "programs", "staff",
                                                  "protocols", "outbox",    "settings", "assessment_drafts"};

std::vector<std::string> columnsOf(SQLite::Database& file, const std::string& table, bool keepIds)
{
    std::vector<std::string> columns;
    SQLite::Statement info(file, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    info.bind(1, table);
    while (info.executeStep()) {
        std::string name = info.getColumn(0).getString();
        if (!keepIds && name == "id")
            continue;
        columns.push_back(std::move(name));
    }
    return columns;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

/// FNV-1a, 64 bits: a checksum of the values in order (not a security measure; both sides are ours).
struct Checksum {
    std::uint64_t value = 1469598103934665603ULL;
    void add(std::string_view bytes)
    {
        for (const unsigned char c : bytes) {
            value ^= c;
            value *= 1099511628211ULL;
        }
        value ^= 0xff; // a separator no value can fake
        value *= 1099511628211ULL;
    }
    std::string hex() const
    {
        char text[17];
        std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
        return text;
    }
};

/// Blob columns as bytes on both sides.
bool isBlob(const std::string& table, const std::string& column)
{
    return column == "pdf" && (table == "programs" || table == "visit_notes");
}

std::pair<std::int64_t, std::string> digestFile(SQLite::Database& file, const TableSpec& spec,
                                                const std::vector<std::string>& columns)
{
    SQLite::Statement rows(file, "SELECT " + joined(columns) + " FROM " + spec.name +
                                     (*spec.where ? std::string(" WHERE ") + spec.where : "") + " ORDER BY " +
                                     spec.key);
    Checksum sum;
    std::int64_t count = 0;
    while (rows.executeStep()) {
        ++count;
        for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
            const SQLite::Column v = rows.getColumn(i);
            if (v.isNull())
                sum.add("\\N");
            else if (isBlob(spec.name, columns[static_cast<std::size_t>(i)]))
                sum.add(std::string_view(static_cast<const char*>(v.getBlob()), static_cast<std::size_t>(v.getBytes())));
            else
                sum.add(v.getString());
        }
    }
    return {count, sum.hex()};
}

std::pair<std::int64_t, std::string> digestServer(sql::Connection& server, const TableSpec& spec,
                                                  const std::vector<std::string>& columns, std::int64_t firstAudit)
{
    std::string where = spec.where;
    if (!spec.keepIds)
        where = "id > " + std::to_string(firstAudit);
    sql::Statement rows(server, "SELECT " + joined(columns) + " FROM " + spec.name +
                                    (where.empty() ? "" : " WHERE " + where) + " ORDER BY " + spec.key);
    Checksum sum;
    std::int64_t count = 0;
    while (rows.executeStep()) {
        ++count;
        for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
            const sql::Value v = rows.getColumn(i);
            if (v.isNull()) {
                sum.add("\\N");
            } else if (isBlob(spec.name, columns[static_cast<std::size_t>(i)])) {
                const auto bytes = v.getBlob();
                sum.add(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
            } else {
                sum.add(v.getString());
            }
        }
    }
    return {count, sum.hex()};
}

void copyTable(SQLite::Database& file, sql::Connection& server, const TableSpec& spec,
               const std::vector<std::string>& columns)
{
    std::string marks;
    for (std::size_t i = 0; i < columns.size(); ++i)
        marks += (i == 0 ? "?" : ", ?");
    SQLite::Statement rows(file, "SELECT " + joined(columns) + " FROM " + spec.name +
                                     (*spec.where ? std::string(" WHERE ") + spec.where : "") + " ORDER BY " +
                                     spec.key);
    sql::Statement insert(server, "INSERT INTO " + std::string(spec.name) + " (" + joined(columns) + ") VALUES (" +
                                      marks + ")");
    while (rows.executeStep()) {
        for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
            const SQLite::Column v = rows.getColumn(i);
            switch (v.getType()) {
            case SQLITE_NULL:
                insert.bind(i + 1);
                break;
            case SQLITE_INTEGER:
                insert.bind(i + 1, static_cast<std::int64_t>(v.getInt64()));
                break;
            case SQLITE_FLOAT:
                insert.bind(i + 1, v.getDouble());
                break;
            case SQLITE_BLOB:
                insert.bindBlob(i + 1, v.getBlob(), static_cast<std::size_t>(v.getBytes()));
                break;
            default:
                insert.bind(i + 1, v.getString());
                break;
            }
        }
        insert.exec();
        insert.reset();
    }
}

} // namespace

std::vector<TableCopy> copyFileToServer(const fs::path& file, const std::string& url)
{
    // The file is read through a private copy brought to the current schema: the original is never
    // opened for writing, whatever its schema.
    const fs::path scratch = fs::temp_directory_path() /
                             ("hiprx-move-" + std::to_string(::getpid()) + "-" + file.filename().string());
    struct Cleanup {
        fs::path path;
        ~Cleanup()
        {
            std::error_code ec;
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                fs::remove(fs::path(path.string() + suffix), ec);
        }
    } cleanup{scratch};
    {
        Database source = Database::openExisting(file);
        source.backupTo(scratch);
    }
    Database upgraded = Database::open(scratch);
    SQLite::Database& from = upgraded.impl().file();

    Database target = Database::openLocation(url);
    sql::Connection& server = *target.impl().connection;
    return detail::guarded("move the practice into the clinic server", [&] {
        for (const char* table : kMustBeEmpty) {
            sql::Statement any(server, std::string("SELECT EXISTS (SELECT 1 FROM ") + table + ")");
            any.executeStep();
            if (any.getColumn(0).getInt() != 0)
                throw StorageError("The clinic database on " + target.location() + " already holds records (" +
                                   table + "). A practice is moved into a new, empty clinic database; nothing "
                                   "was copied.");
        }
        std::vector<TableCopy> report;
        target.transaction([&] {
            sql::Statement lastAudit(server, "SELECT coalesce(max(id), 0) FROM audit_log");
            lastAudit.executeStep();
            const std::int64_t firstAudit = lastAudit.getColumn(0).getInt64();
            for (const TableSpec& spec : kTables) {
                const auto columns = columnsOf(from, spec.name, spec.keepIds);
                copyTable(from, server, spec, columns);
                // Identity columns continue after the copied ids.
                // (exercises are keyed by their text id, without one).
                if (spec.keepIds && std::string_view(spec.key) == "id" && std::string_view(spec.name) != "exercises")
                    server.execute(std::string("SELECT setval(pg_get_serial_sequence('hiprx.") + spec.name +
                                   "', 'id')::regclass, max(id)) FROM " + spec.name + " HAVING max(id) IS NOT NULL");
            }
            for (const TableSpec& spec : kTables) {
                const auto columns = columnsOf(from, spec.name, spec.keepIds);
                const auto [fileRows, fileSum] = digestFile(from, spec, columns);
                const auto [serverRows, serverSum] = digestServer(server, spec, columns, firstAudit);
                if (fileRows != serverRows || fileSum != serverSum)
                    throw StorageError("The copy of " + std::string(spec.name) + " does not match the file (" +
                                       std::to_string(fileRows) + " rows, checksum " + fileSum + "; on the server " +
                                       std::to_string(serverRows) + " rows, checksum " + serverSum +
                                       "). Nothing was copied.");
                report.push_back({spec.name, fileRows, fileSum});
            }
        });
        return report;
    });
}

} // namespace hiprx::store
