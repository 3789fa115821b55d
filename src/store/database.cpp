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
#include "store/sql_sqlite.h"

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
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

std::string damagedMessage(const fs::path& path, const std::string& why)
{
    return "The file " + path.string() + " is damaged or is not a HipRx database (" + why +
           "). Restore a backup (hiprx-cli restore FILE) or choose another file.";
}

/// Refuses a path that exists but is not a regular file (a folder, device, FIFO, socket) before
/// anything opens it: opening a FIFO would wait for a writer for ever, and a device must never be
/// chmodded or written. Returns whether a regular file is there.
bool checkRegularFile(const fs::path& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return false;
        throw StorageError("Could not read the database file " + path.string() + ": " + std::strerror(errno) +
                           ". Check that you may read it.");
    }
    if (S_ISREG(st.st_mode))
        return true;
    if (S_ISDIR(st.st_mode))
        throw StorageError("The database path " + path.string() + " is a folder. Choose a file.");
    const char* kind = S_ISFIFO(st.st_mode)                        ? "a FIFO (named pipe)"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                       : S_ISSOCK(st.st_mode)                       ? "a socket"
                                                                    : "not a regular file";
    throw StorageError("The database path " + path.string() + " is " + kind +
                       ", not a database file. Choose a file.");
}

/// A user_version no HipRx can have written: far beyond any schema there will be, so the header
/// is damaged rather than from a newer HipRx.
bool implausibleVersion(std::int64_t version, int latest)
{
    return version < 0 || version > static_cast<std::int64_t>(latest) + 1000;
}

HeaderInfo readHeader(const fs::path& path)
{
    if (!checkRegularFile(path))
        return {};
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
    // The fixed fields of the SQLite header (sqlite.org/fileformat.html §1.3): a page size that is
    // a power of two from 512 to 65536 (1 means 65536), format versions 1 or 2, payload fractions
    // 64/32/32. Anything else is a damaged file, whatever its user_version says.
    const unsigned pageSize = (unsigned{header[16]} << 8) | header[17];
    const bool pageSizeOk = pageSize == 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) == 0);
    const bool versionsOk = header[18] >= 1 && header[18] <= 2 && header[19] >= 1 && header[19] <= 2;
    if (!pageSizeOk || !versionsOk || header[21] != 64 || header[22] != 32 || header[23] != 32)
        throw StorageError(damagedMessage(path, "its SQLite header is not valid"));
    const unsigned char* v = header.data() + kUserVersionOffset;
    const std::uint32_t raw = (std::uint32_t{v[0]} << 24) | (std::uint32_t{v[1]} << 16) |
                              (std::uint32_t{v[2]} << 8) | std::uint32_t{v[3]};
    return {false, static_cast<int>(raw)};
}

/// Throws SchemaTooNewError for a version from a newer HipRx, StorageError for one no HipRx wrote.
void checkVersion(const fs::path& path, int version, int latest)
{
    if (implausibleVersion(version, latest))
        throw StorageError(damagedMessage(path, "its schema number " + std::to_string(version) +
                                                    " was never written by any HipRx"));
    if (version > latest)
        throw SchemaTooNewError(version, latest);
}

/// The schema version of an existing file, refusing non-SQLite files; touches nothing.
HeaderInfo inspect(const fs::path& path, int latest)
{
    HeaderInfo info = readHeader(path);
    if (info.empty)
        return info;
    checkVersion(path, info.userVersion, latest);
    std::error_code ec;
    const fs::path wal = withSuffix(path, "-wal");
    if (fs::exists(wal, ec) && fs::file_size(wal, ec) > 0 && !ec) {
        // Committed pages may still live only in the WAL (a crash, or a newer HipRx still
        // running); SQLite knows the true version.
        info.userVersion = detail::guarded("read the database", [&] {
            SQLite::Database probe(path, SQLite::OPEN_READONLY, kBusyTimeoutMs);
            return probe.execAndGet("PRAGMA user_version").getInt();
        });
        checkVersion(path, info.userVersion, latest);
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
    // O_NONBLOCK: should a FIFO appear here after our check, open() must not wait for a reader.
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK | (exclusive ? O_EXCL : 0);
    const int fd = ::open(path.c_str(), flags, 0600);
    if (fd < 0)
        throw StorageError("Could not create the file " + path.string() + ": " + std::strerror(errno) +
                           ". Check that the folder exists and that you may write in it.");
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw StorageError("The database path " + path.string() + " is not a regular file. Choose a file.");
    }
    const int chmodResult = ::fchmod(fd, 0600);
    const int savedErrno = errno;
    ::close(fd);
    if (chmodResult != 0)
        throw StorageError("Could not make " + path.string() +
                           " private (mode 0600): " + std::strerror(savedErrno) + ".");
}

/// Flushes a finished file to disk before it is renamed into place. Throws StorageError when the
/// disk refuses (EIO, ENOSPC): a copy that may not be on disk is never published as done.
void syncFile(const fs::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int savedErrno = errno;
        if (fd >= 0)
            ::close(fd);
        throw StorageError("Could not write the copy to disk: " + std::string(std::strerror(savedErrno)) + ".");
    }
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

/// The process id in a name temporaryBeside made (".NAME.tmp-PID-N-T", or that with -journal,
/// -wal or -shm after it), or nothing for any other name.
std::optional<pid_t> temporaryOwner(const std::string& name)
{
    const std::size_t mark = name.rfind(".tmp-");
    if (name.empty() || name[0] != '.' || mark == std::string::npos || mark == 0)
        return std::nullopt;
    std::string_view rest = std::string_view(name).substr(mark + 5);
    for (const char* suffix : {"-journal", "-wal", "-shm"})
        if (rest.ends_with(suffix))
            rest.remove_suffix(std::strlen(suffix));
    // PID-N-T: three runs of digits.
    long pid = 0;
    int fields = 0;
    bool inDigits = false;
    for (const char c : rest) {
        if (c >= '0' && c <= '9') {
            if (!inDigits)
                ++fields;
            inDigits = true;
            if (fields == 1) {
                pid = pid * 10 + (c - '0');
                if (pid > 1'000'000'000L)
                    return std::nullopt;
            }
        } else if (c == '-' && inDigits) {
            inDigits = false;
        } else {
            return std::nullopt;
        }
    }
    if (fields != 3 || !inDigits || pid <= 0)
        return std::nullopt;
    return static_cast<pid_t>(pid);
}

/// Removes what a HipRx process killed mid-copy (power cut, SIGKILL) left in `folder`: temporary
/// copies of the database, which hold patient data. Only names temporaryBeside makes, and only
/// those of a process that no longer runs; a copy another HipRx is writing right now is left alone.
void removeAbandonedTemporaries(const fs::path& folder)
{
    // Best effort, never an error: a folder that cannot be listed is simply not swept.
    std::error_code ec;
    for (fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec), end; !ec && it != end;
         it.increment(ec)) {
        const auto owner = temporaryOwner(it->path().filename().string());
        if (!owner || *owner == ::getpid())
            continue;
        if (::kill(*owner, 0) == 0 || errno != ESRCH)
            continue; // still running (or not ours to ask): maybe copying now
        std::error_code removeError;
        if (it->is_regular_file(removeError))
            fs::remove(it->path(), removeError);
    }
}

/// Moves `from` to `to` unless `to` exists (then returns false and leaves both as they are), in
/// one atomic step: renameat2(RENAME_NOREPLACE), or a hard link on file systems without it.
bool publishWithoutReplacing(const fs::path& from, const fs::path& to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno == EEXIST)
        return false;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        throw StorageError("Could not write the backup " + to.string() + ": " + std::strerror(errno) + ".");
    if (::link(from.c_str(), to.c_str()) != 0) {
        if (errno == EEXIST)
            return false;
        throw StorageError("Could not write the backup " + to.string() + ": " + std::strerror(errno) + ".");
    }
    ::unlink(from.c_str());
    return true;
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
    // Run to completion (exec, not execAndGet): the change commits when the statement ends, and a
    // disk that refuses that commit must fail the copy, which otherwise stays in WAL mode with a
    // hot journal beside it and would be published as done.
    destination.exec("PRAGMA journal_mode=DELETE");
    if (destination.execAndGet("PRAGMA journal_mode").getString() != "delete")
        throw StorageError("Could not finish the copy of the database.");
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
/// transaction, so a failure leaves the file at the last complete schema. The version is read
/// again inside each write transaction: another process may have upgraded the file since we
/// looked (two windows, or the app and hiprx-cli, opening an old database at once), and then its
/// migration must not run a second time. A file already at `upTo` is never written (it may be
/// read-only).
void migrate(SQLite::Database& db, std::span<const EmbeddedFile> list, int upTo)
{
    checkMigrationNames(list);
    const int known = static_cast<int>(list.size());
    if (upTo < 0 || upTo > known)
        throw StorageError("Cannot migrate to schema " + std::to_string(upTo) + ": this HipRx knows " +
                           std::to_string(known) + ".");
    const auto readVersion = [&] {
        const int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version > known)
            throw SchemaTooNewError(version, known);
        return version;
    };
    if (readVersion() >= upTo)
        return;
    for (;;) {
        int version = 0;
        try {
            db.exec("BEGIN IMMEDIATE");
            version = readVersion(); // now under the write lock: nobody else can be migrating
        } catch (...) {
            try {
                db.exec("ROLLBACK");
            } catch (const SQLite::Exception&) {
                // BEGIN itself failed: there is no transaction to end.
            }
            throw;
        }
        if (version >= upTo) {
            db.exec("COMMIT");
            return;
        }
        const EmbeddedFile& file = list[static_cast<std::size_t>(version)];
        try {
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
    // One statement, so one snapshot: read apart, another process's first migration could commit
    // in between and its tables look like another program's.
    SQLite::Statement state(db, "SELECT (SELECT user_version FROM pragma_user_version), "
                                "(SELECT count(*) FROM sqlite_master)");
    state.executeStep();
    const int version = state.getColumn(0).getInt();
    const int objects = state.getColumn(1).getInt();
    state.reset();
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
    checkVersion(path, version, Database::latestSchemaVersion());
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
    : sqlite(std::make_unique<SQLite::Database>(file, flags, kBusyTimeoutMs)),
      connection(std::make_unique<sql::SqliteConnection>(*sqlite)), path(file), location(file.string()),
      readOnly((flags & SQLite::OPEN_READWRITE) == 0)
{
}

Database::Impl::Impl(std::unique_ptr<sql::Connection> server, std::string where)
    : connection(std::move(server)), location(std::move(where))
{
}

// The connection wraps the SQLite handle, so it goes first.
Database::Impl::~Impl()
{
    connection.reset();
}

SQLite::Database& Database::Impl::file()
{
    if (!sqlite)
        throw StorageError("This works on a database file only; " + location +
                           " is a clinic server (its backups are the server's: see hiprx-cli backup).");
    return *sqlite;
}

namespace detail {

namespace {

std::string describeSqlite(int code, int extended, const char* what)
{
    std::string plain;
    switch (code) {
    case SQLITE_IOERR:
        plain = "the disk reported a read or write error";
        break;
    case SQLITE_FULL:
        plain = "the disk is full";
        break;
    case SQLITE_CANTOPEN:
        plain = "a file could not be opened (the database, or its -wal or -shm file beside it): check that "
                "the folder exists and can be written";
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        plain = "the file is damaged or not a database; restore a backup";
        break;
    case SQLITE_READONLY:
        if (extended == SQLITE_READONLY_CANTINIT || extended == SQLITE_READONLY_CANTLOCK ||
            extended == SQLITE_READONLY_RECOVERY)
            plain = "the database's -wal or -shm file beside it could not be opened or written: check the disk "
                    "and that the folder can be written";
        else if (extended == SQLITE_READONLY_DIRECTORY)
            plain = "the folder that holds the database cannot be written";
        else
            plain = "the database could not be opened for writing (the file or its folder is read-only, or "
                    "the disk refused)";
        break;
    default:
        return what;
    }
    return plain + " (SQLite: " + what + ")";
}

} // namespace

std::string describe(const SQLite::Exception& e)
{
    return describeSqlite(e.getErrorCode(), e.getExtendedErrorCode(), e.what());
}

std::string describe(const sql::Error& e)
{
    if (e.code() != 0)
        return describeSqlite(e.code(), e.extendedCode(), e.what());
    if (e.sqlstate() == "42501")
        return std::string("your login may not do this at this clinic; the clinic's administrator decides who may "
                           "(the server said: ") + e.what() + ")";
    if (e.connectionLost())
        return std::string("the connection to the clinic server was lost (") + e.what() +
               "); nothing more was saved. Check the network and open the database again";
    return e.what();
}

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
    std::error_code ec;
    if (info.empty && !fs::exists(path, ec) && fs::exists(withSuffix(path, ".before-restore"), ec))
        // An earlier HipRx's restore was interrupted between its two renames: a new empty database
        // here would look like "no patients yet" while the data sits beside it.
        throw StorageError("The database " + path.string() + " is missing, but " +
                           withSuffix(path, ".before-restore").string() +
                           " is there: a restore did not finish. Rename that file to " +
                           path.filename().string() +
                           " to go back to it, or restore a backup (hiprx-cli restore FILE). "
                           "No new, empty database was created.");
    if (info.empty) {
        ensureDirectory(path.parent_path());
        createPrivateFile(path, false);
    }
    return detail::guarded("open the database " + path.string(), [&] {
        // First opens race each other (two windows, the app and hiprx-cli on a new file): switching a
        // new file to write-ahead logging needs a lock SQLite does not wait for, so an open that finds
        // the file busy is tried again, within the same time a busy write would wait.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
        for (int attempt = 0;; ++attempt) {
            try {
                auto impl = std::make_unique<Impl>(path, SQLite::OPEN_READWRITE);
                configure(impl->file(), path);
                migrate(impl->file(), migrations(), latestSchemaVersion());
                removeAbandonedTemporaries(path.parent_path());
                return Database(std::move(impl));
            } catch (const SQLite::Exception& e) {
                if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline)
                    throw;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5 + 5 * std::min(attempt, 20)));
        }
    });
}

Database Database::openExisting(const fs::path& path)
{
    if (!checkRegularFile(path))
        throw StorageError("There is no database file at " + path.string() + ".");
    const HeaderInfo info = inspect(path, latestSchemaVersion());
    if (info.empty)
        throw StorageError("The file " + path.string() + " is empty, not a HipRx database.");
    return detail::guarded("open the database " + path.string(), [&] {
        auto impl = std::make_unique<Impl>(path, SQLite::OPEN_READONLY);
        impl->file().setBusyTimeout(kBusyTimeoutMs);
        return Database(std::move(impl));
    });
}

const fs::path& Database::path() const noexcept
{
    return m_impl->path;
}

int Database::schemaVersion() const
{
    if (isServer())
        return serverSchemaVersion(*m_impl->connection);
    return detail::guarded("read the schema version",
                           [&] { return m_impl->file().execAndGet("PRAGMA user_version").getInt(); });
}

bool Database::isServer() const noexcept
{
    return m_impl->sqlite == nullptr;
}

const std::string& Database::location() const noexcept
{
    return m_impl->location;
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
                impl.connection->execute("ROLLBACK");
            } else {
                impl.connection->execute("ROLLBACK TO SAVEPOINT " + savepoint);
                impl.connection->execute("RELEASE SAVEPOINT " + savepoint);
            }
        } catch (const sql::Error&) {
            // SQLite already rolled back (it does on some errors); nothing is left to undo.
        }
    };

    // IMMEDIATE takes the write lock up front, so two writers wait (busy timeout) instead of
    // failing when a read transaction tries to become a write transaction.
    detail::guarded("start a transaction", [&] {
        const bool file = impl.connection->dialect() == sql::Dialect::Sqlite;
        impl.connection->execute(!outermost ? "SAVEPOINT " + savepoint
                                 : file     ? std::string("BEGIN IMMEDIATE")
                                            : std::string("BEGIN"));
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
        impl.connection->execute(outermost ? std::string("COMMIT") : "RELEASE SAVEPOINT " + savepoint);
    } catch (const sql::Error& e) {
        undo();
        throw StorageError("Could not save the changes: " + detail::describe(e) + ".");
    }
}

void Database::backupTo(const fs::path& target) const
{
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw StorageError("Could not write the backup " + target.string() +
                           ": it is a folder, device or FIFO, not a file. Choose a file name.");
    ensureDirectory(target.parent_path());
    removeAbandonedTemporaries(target.parent_path());
    const fs::path temporary = temporaryBeside(target);
    createPrivateFile(temporary, true);
    try {
        detail::guarded("write the backup", [&] { copyDatabase(m_impl->file(), temporary); });
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

fs::path Database::backupToNewFile(const std::function<fs::path(int)>& name) const
{
    constexpr int kAttempts = 10000;
    const fs::path first = name(0);
    ensureDirectory(first.parent_path());
    removeAbandonedTemporaries(first.parent_path());
    const fs::path temporary = temporaryBeside(first);
    createPrivateFile(temporary, true);
    try {
        detail::guarded("write the backup", [&] { copyDatabase(m_impl->file(), temporary); });
        syncFile(temporary);
        for (int attempt = 0; attempt < kAttempts; ++attempt) {
            const fs::path target = attempt == 0 ? first : name(attempt);
            if (publishWithoutReplacing(temporary, target))
                return target;
        }
        throw StorageError("Could not find a free name for the backup in " + first.parent_path().string() + ".");
    } catch (...) {
        removeQuietly(temporary);
        throw;
    }
}

// Restore never takes the database file away: the backup's pages are copied INTO the live file
// through SQLite's backup API, one write transaction. A crash leaves either the old or the restored
// database (never none), and a HipRx that has the file open keeps working on it and sees the
// restored data, instead of saving into a file renamed away under it. The current database is first
// copied, the same way, to <name>.before-restore.
void Database::restore(const fs::path& backup, const fs::path& databasePath)
{
    std::error_code ec;
    if (fs::exists(databasePath, ec) && fs::equivalent(backup, databasePath, ec))
        throw StorageError("The backup and the database are the same file; choose another backup.");

    removeAbandonedTemporaries(databasePath.parent_path());

    // 1. The backup must be a HipRx database this binary can read, and intact.
    {
        Database source = openExisting(backup);
        detail::guarded("check the backup", [&] { verifyHipRxDatabase(source.impl().file(), backup); });
    }

    bool replaceFile = !fs::exists(databasePath, ec);
    try {
        if (!replaceFile && inspect(databasePath, latestSchemaVersion()).empty)
            replaceFile = true;
    } catch (const StorageError&) {
        replaceFile = true; // a damaged (or newer) file: SQLite cannot copy into it
    }
    if (replaceFile) {
        // Nothing SQLite can copy into: the copy is written beside it and renamed over it in one
        // step; a file that was there is kept (a hard link) as <name>.before-restore first.
        ensureDirectory(databasePath.parent_path());
        const fs::path temporary = temporaryBeside(databasePath);
        createPrivateFile(temporary, true);
        try {
            detail::guarded("copy the backup", [&] {
                SQLite::Database source(backup, SQLite::OPEN_READONLY, kBusyTimeoutMs);
                copyDatabase(source, temporary);
            });
            syncFile(temporary);
            if (fs::exists(databasePath, ec)) {
                const fs::path aside = withSuffix(databasePath, ".before-restore");
                removeQuietly(aside);
                fs::create_hard_link(databasePath, aside);
                // Its -wal belongs to it, not to the restored file: it moves along.
                const fs::path wal = withSuffix(databasePath, "-wal");
                if (fs::exists(wal, ec))
                    fs::rename(wal, withSuffix(aside, "-wal"));
                fs::remove(withSuffix(databasePath, "-shm"), ec); // an index SQLite rebuilds
                fs::rename(temporary, databasePath); // atomic: old or new, never none
            } else if (!publishWithoutReplacing(temporary, databasePath)) {
                throw StorageError("A database appeared at " + databasePath.string() +
                                   " during the restore; nothing was changed. Try again.");
            }
        } catch (const fs::filesystem_error& e) {
            removeQuietly(temporary);
            throw StorageError("Could not restore into " + databasePath.string() + ": " + e.code().message() +
                               ".");
        } catch (...) {
            removeQuietly(temporary);
            throw;
        }
        return;
    }

    detail::guarded("restore the backup", [&] {
        SQLite::Database live(databasePath, SQLite::OPEN_READWRITE, kBusyTimeoutMs);
        if (sqlite3_db_readonly(live.getHandle(), "main") == 1)
            throw StorageError("The database " + databasePath.string() +
                               " cannot be written (read-only); nothing was restored.");

        // 2. Keep the current database, every committed change included, as <name>.before-restore.
        const fs::path aside = withSuffix(databasePath, ".before-restore");
        const fs::path asideTemporary = temporaryBeside(aside);
        createPrivateFile(asideTemporary, true);
        try {
            copyDatabase(live, asideTemporary);
            syncFile(asideTemporary);
            fs::rename(asideTemporary, aside);
        } catch (const fs::filesystem_error& e) {
            removeQuietly(asideTemporary);
            throw StorageError("Could not keep the current database as " + aside.string() + ": " +
                               e.code().message() + "; nothing was restored.");
        } catch (...) {
            removeQuietly(asideTemporary);
            throw;
        }

        // 3. The backup's pages replace the live ones in one transaction (the WAL keeps it atomic).
        SQLite::Database source(backup, SQLite::OPEN_READONLY, kBusyTimeoutMs);
        SQLite::Backup copy(live, source);
        copy.executeStep(-1);
        if (copy.getRemainingPageCount() != 0)
            throw StorageError("The restore of " + databasePath.string() + " did not finish; it was rolled back.");
    });
}

} // namespace hiprx::store
