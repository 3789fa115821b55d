// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/output_file.h"

#include "core/error.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hiprx::render {
namespace {

constexpr const char* kField = "output";

/// A target the user named that cannot take the file (a folder, a device, a missing folder): bad
/// input, the message names the file.
[[noreturn]] void refuse(const fs::path& target, const std::string& why)
{
    throw InputError(kField, "Cannot write " + target.string() + ": " + why + ". Choose another file.");
}

/// The disk failed while creating the file: not the user's input, nothing was written.
[[noreturn]] void diskFailed(const fs::path& target, int error)
{
    throw Error("Could not write " + target.string() + ": " + std::strerror(error) + "; nothing was changed.");
}

/// What kind of thing a path names, in words, when it is not a regular file.
std::string specialKind(mode_t mode)
{
    if (S_ISDIR(mode))
        return "it is a folder";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "it is a device, not a file";
    if (S_ISFIFO(mode))
        return "it is a FIFO (named pipe), not a file";
    if (S_ISSOCK(mode))
        return "it is a socket, not a file";
    return "it is not a regular file";
}

/// A temporary name beside `target` that no other process, thread or call uses at the same time
/// (it is also created with O_EXCL, which settles any collision).
fs::path temporaryBeside(const fs::path& target, unsigned attempt)
{
    static std::atomic<unsigned> counter{0};
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    return target.parent_path() /
           ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
            std::to_string(counter++) + "-" + std::to_string((ticks + attempt) % 1000000007));
}

/// Writes everything or reports errno.
bool writeAll(int fd, std::string_view bytes)
{
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

void writeFileAtomically(const fs::path& requested, std::string_view bytes)
{
    if (requested.empty() || !requested.has_filename())
        refuse(requested, "no file name given");

    // A link is followed, so the file it names is replaced and the link stays.
    fs::path target = requested;
    std::error_code ec;
    if (fs::is_symlink(requested, ec)) {
        const fs::path resolved = fs::weakly_canonical(requested, ec);
        if (!ec)
            target = resolved;
    }

    struct stat existing {};
    if (::stat(target.c_str(), &existing) == 0) {
        if (!S_ISREG(existing.st_mode))
            refuse(target, specialKind(existing.st_mode));
    } else if (errno != ENOENT) {
        refuse(target, std::strerror(errno));
    }

    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    fs::path temporary;
    int fd = -1;
    for (unsigned attempt = 0; fd < 0 && attempt < 16; ++attempt) {
        temporary = temporaryBeside(target, attempt);
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR)
            refuse(target, "the folder " + folder.string() + " does not exist");
        if (error == EIO || error == ENOSPC || error == EDQUOT)
            diskFailed(target, error);
        refuse(target, std::strerror(error));
    }

    const auto fail = [&](const std::string& what, int error) {
        ::close(fd);
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw Error("Could not write " + target.string() + ": " + what + " (" + std::strerror(error) +
                    "); nothing was changed.");
    };
    // Whatever the umask: the file holds patient data.
    if (::fchmod(fd, 0600) != 0)
        fail("could not make it private", errno);
    if (!writeAll(fd, bytes))
        fail("writing failed", errno);
    if (::fsync(fd) != 0)
        fail("flushing to disk failed", errno);
    if (::close(fd) != 0) {
        const int error = errno;
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw Error("Could not write " + target.string() + ": closing failed (" + std::strerror(error) +
                    "); nothing was changed.");
    }

    // Checked again just before the rename: a special file may have appeared meanwhile.
    if (::stat(target.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        refuse(target, specialKind(existing.st_mode));
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int error = errno;
        std::error_code ignored;
        fs::remove(temporary, ignored);
        if (error == EIO || error == ENOSPC || error == EDQUOT)
            diskFailed(target, error);
        refuse(target, std::strerror(error));
    }
    // The rename is durable once the folder's entry is on disk.
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace hiprx::render
