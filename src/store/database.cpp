// SPDX-License-Identifier: GPL-3.0-or-later
//
// Opening, migrating, backing up and restoring the HipRx database file.
//
// Before SQLite touches an existing file we read its 100-byte header ourselves: that is how a file
// from a newer HipRx (or a file that is not SQLite at all) is refused without a single byte, -wal or
// -shm being written. Only when a non-empty -wal sits beside it (its newest pages may not be in the
// main file yet) do we ask SQLite, read-only.
#include "store/database.h"

#include "store/database_impl.h"
#include "store/migrations.h"

#include <SQLiteCpp/Backup.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hiprx::store {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kHeaderSize = 100;
constexpr std::size_t kUserVersionOffset = 60;
// Every table of the first schema; a file without them is not a HipRx database.
constexpr std::array<const char*, 6> kRequiredTables{"patients",  "visits",   "programs",
                                                     "exercises", "settings", "audit_log"};

std::string notSqliteMessage(const fs::path& path)
{
    return "The file " + path.string() +
           " is not a HipRx database (it is not an SQLite file). Choose another file.";
}

fs::path withSuffix(const fs::path& path, std::string_view suffix)
{
    fs::path result = path;
    result += std::string(suffix);
    return result;
}

/// What the header of an existing file says, read without SQLite.
struct HeaderInfo {
    bool empty = true; ///< missing or 0 bytes: a new database
    int userVersion = 0;
};

HeaderInfo readHeader(const fs::path& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return {};
    if (fs::is_directory(path, ec))
        throw StorageError("The database path " + path.string() + " is a folder. Choose a file.");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw StorageError("Could not read the database file " + path.string() +
                           ". Check that it exists and that you may read it.");
    std::array<unsigned char, kHeaderSize> header{};
    in.read(reinterpret_cast<char*>(header.data()), static_cast<std::streamsize>(header.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0)
        return {};
    static constexpr char kMagic[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                        'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};
    if (got < kHeaderSize || std::memcmp(header.data(), kMagic, sizeof kMagic) != 0)
        throw StorageError(notSqliteMessage(path));
    const unsigned char* v = header.data() + kUserVersionOffset;
    const std::uint32_t raw = (std::uint32_t{v[0]} << 24) | (std::uint32_t{v[1]} << 16) |
                              (std::uint32_t{v[2]} << 8) | std::uint32_t{v[3]};
    return {false, static_cast<int>(raw)};
}

/// The schema version of an existing file, refusing non-SQLite files; touches nothing.
HeaderInfo inspect(const fs::path& path, int latest)
{
    HeaderInfo info = readHeader(path);
    if (info.empty)
        return info;
    if (info.userVersion > latest || info.userVersion < 0)
        throw SchemaTooNewError(info.userVersion, latest);
    std::error_code ec;
    const fs::path wal = withSuffix(path, "-wal");
    if (fs::exists(wal, ec) && fs::file_size(wal, ec) > 0 && !ec) {
        // Committed pages may still live only in the WAL (a crash, or a newer HipRx still
        // running); SQLite knows the true version.
        info.userVersion = detail::guarded("read the database", [&] {
            SQLite::Database probe(path, SQLite::OPEN_READONLY, kBusyTimeoutMs);
            return probe.execAndGet("PRAGMA user_version").getInt();
        });
        if (info.userVersion > latest)
            throw SchemaTooNewError(info.userVersion, latest);
    }
    return info;
}

/// Creates each missing folder of `dir` with mode 0700: the folder holds patient data.
void ensureDirectory(const fs::path& dir)
{
    if (dir.empty())
        return;
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path())
            break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST)
            throw StorageError("Could not create the folder " + it->string() + ": " + std::strerror(errno) +
                               ".");
    }
    if (!fs::is_directory(dir, ec))
        throw StorageError("The path " + dir.string() + " is not a folder.");
}

/// Creates `path` with mode 0600 (whatever the umask). With `exclusive`, an existing file is an
/// error; otherwise an existing empty file is tightened to 0600 before it becomes a database.
void createPrivateFile(const fs::path& path, bool exclusive)
{
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : 0);
    const int fd = ::open(path.c_str(), flags, 0600);
    if (fd < 0)
        throw StorageError("Could not create the file " + path.string() + ": " + std::strerror(errno) +
                           ". Check that the folder exists and that you may write in it.");
    const int chmodResult = ::fchmod(fd, 0600);
    const int savedErrno = errno;
    ::close(fd);
    if (chmodResult != 0)
        throw StorageError("Could not make " + path.string() +
                           " private (mode 0600): " + std::strerror(savedErrno) + ".");
}

/// Flushes a finished file to disk before it is renamed into place.
void syncFile(const fs::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

void removeQuietly(const fs::path& path)
{
    std::error_code ec;
    fs::remove(path, ec);
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        fs::remove(withSuffix(path, suffix), ec);
}

/// A name for a temporary file in `dir` that no other process or call uses.
fs::path temporaryBeside(const fs::path& target)
{
    static std::atomic<unsigned> counter{0};
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    return target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                                   "-" + std::to_string(counter++) + "-" + std::to_string(ticks % 1000000));
}

/// Copies `source` (any journal mode) into `target`, which must exist and be empty, as a
/// self-contained rollback-journal file: no -wal needed beside it.
void copyDatabase(SQLite::Database& source, const fs::path& target)
{
    SQLite::Database destination(target, SQLite::OPEN_READWRITE, kBusyTimeoutMs);
    {
        SQLite::Backup backup(destination, source);
        backup.executeStep(-1);
        if (backup.getRemainingPageCount() != 0)
            throw StorageError("The copy of the database is incomplete.");
    }
    destination.execAndGet("PRAGMA journal_mode=DELETE");
}

void checkMigrationNames(std::span<const EmbeddedFile> list)
{
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string_view name = list[i].name;
        std::string expected = std::to_string(i + 1);
        if (expected.size() < 3)
            expected.insert(0, 3 - expected.size(), '0');
        expected += '_';
        if (name.substr(0, expected.size()) != expected || name.size() < 9 ||
            name.substr(name.size() - 4) != ".sql")
            throw StorageError("Migration " + std::string(name) + " is out of order: expected a file named " +
                               expected + "….sql. This is a build error; please report it.");
    }
}

/// Applies list[current .. upTo) to an open connection, each migration with its user_version in one
/// transaction, so a failure leaves the file at the last complete schema.
void migrate(SQLite::Database& db, std::span<const EmbeddedFile> list, int upTo)
{
    checkMigrationNames(list);
    const int known = static_cast<int>(list.size());
    if (upTo < 0 || upTo > known)
        throw StorageError("Cannot migrate to schema " + std::to_string(upTo) + ": this HipRx knows " +
                           std::to_string(known) + ".");
    const int current = db.execAndGet("PRAGMA user_version").getInt();
    if (current > known)
        throw SchemaTooNewError(current, known);
    for (int version = current; version < upTo; ++version) {
        const EmbeddedFile& file = list[static_cast<std::size_t>(version)];
        try {
            db.exec("BEGIN IMMEDIATE");
            db.exec(std::string(file.content));
            db.exec("PRAGMA user_version = " + std::to_string(version + 1));
            db.exec("COMMIT");
        } catch (const SQLite::Exception& e) {
            try {
                db.exec("ROLLBACK");
            } catch (const SQLite::Exception&) {
                // SQLite may have rolled back already; nothing is left to undo.
            }
            throw StorageError("Could not upgrade the database to schema " + std::to_string(version + 1) +
                               " (" + std::string(file.name) + "): " + e.what() +
                               ". The database was left at schema " + std::to_string(version) + ".");
        }
    }
}

/// Connection settings every read-write HipRx connection uses. Refuses, before writing anything,
/// an SQLite file that belongs to another program (schema 0 but already holding tables).
void configure(SQLite::Database& db, const fs::path& path)
{
    db.setBusyTimeout(kBusyTimeoutMs);
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    const int objects = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    if (version == 0 && objects > 0)
        throw StorageError("The file " + path.string() +
                           " is an SQLite database of another program, not a HipRx database. "
                           "Choose another file.");
    const std::string mode = db.execAndGet("PRAGMA journal_mode=WAL").getString();
    if (mode != "wal")
        throw StorageError("Could not switch the database " + path.string() +
                           " to write-ahead logging (it stays in '" + mode +
                           "' mode). Put the database on a local disk.");
    // FULL, not NORMAL: in WAL mode NORMAL may roll back the last saved visit after a power cut;
    // one fsync per save is nothing at a desk, a lost assessment is not.
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
    // 32 MB of page cache (default 2 MB): search as you type over 100,000 patients revisits the
    // same index pages keystroke after keystroke.
    db.exec("PRAGMA cache_size=-32000");
}

/// Checks that an open (read-only) file is a HipRx database this binary can read.
void verifyHipRxDatabase(SQLite::Database& db, const fs::path& path)
{
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    const int latest = Database::latestSchemaVersion();
    if (version > latest)
        throw SchemaTooNewError(version, latest);
    bool hasTables = version > 0;
    for (const char* table : kRequiredTables)
        hasTables = hasTables && db.tableExists(table);
    if (!hasTables)
        throw StorageError("The file " + path.string() + " is an SQLite file but not a HipRx database.");
    const std::string check = db.execAndGet("PRAGMA quick_check").getString();
    if (check != "ok")
        throw StorageError("The database " + path.string() + " is damaged (SQLite reports: " + check +
                           "). Use another backup.");
}

} // namespace

SchemaTooNewError::SchemaTooNewError(int fileVersion, int knownVersion)
    : StorageError("This database was written by a newer HipRx (schema " + std::to_string(fileVersion) +
                   "; this version knows " + std::to_string(knownVersion) +
                   "). Install the newer HipRx or open another database."),
      m_fileVersion(fileVersion)
{
}

Database::Impl::Impl(const fs::path& file, int flags)
    : db(file, flags, kBusyTimeoutMs), path(file), readOnly((flags & SQLite::OPEN_READWRITE) == 0)
{
}

namespace detail {

std::string nowUtc()
{
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    ::gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    return text;
}

core::Date localToday()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return core::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

} // namespace detail

void applyMigrations(const fs::path& path, std::span<const EmbeddedFile> list, int upTo)
{
    const HeaderInfo info = inspect(path, static_cast<int>(list.size()));
    if (info.empty) {
        ensureDirectory(path.parent_path());
        createPrivateFile(path, false);
    }
    detail::guarded("open the database", [&] {
        SQLite::Database db(path, SQLite::OPEN_READWRITE, kBusyTimeoutMs);
        configure(db, path);
        migrate(db, list, upTo);
    });
}

Database::Database(std::unique_ptr<Impl> impl) : m_impl(std::move(impl))
{
}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const fs::path& path)
{
    const HeaderInfo info = inspect(path, latestSchemaVersion());
    if (info.empty) {
        ensureDirectory(path.parent_path());
        createPrivateFile(path, false);
    }
    return detail::guarded("open the database " + path.string(), [&] {
        auto impl = std::make_unique<Impl>(path, SQLite::OPEN_READWRITE);
        configure(impl->db, path);
        migrate(impl->db, migrations(), latestSchemaVersion());
        return Database(std::move(impl));
    });
}

Database Database::openExisting(const fs::path& path)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw StorageError("There is no database file at " + path.string() + ".");
    const HeaderInfo info = inspect(path, latestSchemaVersion());
    if (info.empty)
        throw StorageError("The file " + path.string() + " is empty, not a HipRx database.");
    return detail::guarded("open the database " + path.string(), [&] {
        auto impl = std::make_unique<Impl>(path, SQLite::OPEN_READONLY);
        impl->db.setBusyTimeout(kBusyTimeoutMs);
        return Database(std::move(impl));
    });
}

const fs::path& Database::path() const noexcept
{
    return m_impl->path;
}

int Database::schemaVersion() const
{
    return detail::guarded("read the schema version",
                           [&] { return m_impl->db.execAndGet("PRAGMA user_version").getInt(); });
}

int Database::latestSchemaVersion() noexcept
{
    return static_cast<int>(migrations().size());
}

void Database::transaction(const std::function<void()>& work)
{
    Impl& impl = *m_impl;
    const bool outermost = impl.transactionDepth == 0;
    const std::string savepoint = "hiprx_" + std::to_string(impl.transactionDepth);
    auto undo = [&] {
        try {
            if (outermost) {
                impl.db.exec("ROLLBACK");
            } else {
                impl.db.exec("ROLLBACK TO " + savepoint);
                impl.db.exec("RELEASE " + savepoint);
            }
        } catch (const SQLite::Exception&) {
            // SQLite already rolled back (it does on some errors); nothing is left to undo.
        }
    };

    // IMMEDIATE takes the write lock up front, so two writers wait (busy timeout) instead of
    // failing when a read transaction tries to become a write transaction.
    detail::guarded("start a transaction", [&] {
        impl.db.exec(outermost ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT " + savepoint);
    });
    ++impl.transactionDepth;
    try {
        work();
    } catch (...) {
        --impl.transactionDepth;
        undo();
        throw;
    }
    --impl.transactionDepth;
    try {
        impl.db.exec(outermost ? std::string("COMMIT") : "RELEASE " + savepoint);
    } catch (const SQLite::Exception& e) {
        undo();
        throw StorageError(std::string("Could not save the changes: ") + e.what() + ".");
    }
}

void Database::backupTo(const fs::path& target) const
{
    ensureDirectory(target.parent_path());
    const fs::path temporary = temporaryBeside(target);
    createPrivateFile(temporary, true);
    try {
        detail::guarded("write the backup", [&] { copyDatabase(m_impl->db, temporary); });
        syncFile(temporary);
        fs::rename(temporary, target);
    } catch (const fs::filesystem_error& e) {
        removeQuietly(temporary);
        throw StorageError("Could not write the backup " + target.string() + ": " + e.code().message() + ".");
    } catch (...) {
        removeQuietly(temporary);
        throw;
    }
}

void Database::restore(const fs::path& backup, const fs::path& databasePath)
{
    std::error_code ec;
    if (fs::exists(databasePath, ec) && fs::equivalent(backup, databasePath, ec))
        throw StorageError("The backup and the database are the same file; choose another backup.");

    // 1. The backup must be a HipRx database this binary can read, and intact.
    {
        Database source = openExisting(backup);
        detail::guarded("check the backup", [&] { verifyHipRxDatabase(source.impl().db, backup); });
    }

    // 2. Copy it beside the database first, so the swap below is two renames on one disk.
    ensureDirectory(databasePath.parent_path());
    const fs::path temporary = temporaryBeside(databasePath);
    createPrivateFile(temporary, true);
    try {
        detail::guarded("copy the backup", [&] {
            SQLite::Database source(backup, SQLite::OPEN_READONLY, kBusyTimeoutMs);
            copyDatabase(source, temporary);
        });
        syncFile(temporary);

        // 3. Keep the current file as <name>.before-restore, with every committed change in it.
        if (fs::exists(databasePath, ec)) {
            try {
                SQLite::Database current(databasePath, SQLite::OPEN_READWRITE, kBusyTimeoutMs);
                current.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (const SQLite::Exception&) {
                // A damaged current file is kept as it is; its -wal moves with it below.
            }
            const fs::path aside = withSuffix(databasePath, ".before-restore");
            removeQuietly(aside);
            fs::rename(databasePath, aside);
            const fs::path wal = withSuffix(databasePath, "-wal");
            if (fs::exists(wal, ec))
                fs::rename(wal, withSuffix(aside, "-wal"));
            fs::remove(withSuffix(databasePath, "-shm"), ec); // an index SQLite rebuilds
        }

        // 4. The restored copy takes its place.
        fs::rename(temporary, databasePath);
    } catch (const fs::filesystem_error& e) {
        removeQuietly(temporary);
        throw StorageError("Could not restore into " + databasePath.string() + ": " + e.code().message() +
                           ".");
    } catch (...) {
        removeQuietly(temporary);
        throw;
    }
}

} // namespace hiprx::store
