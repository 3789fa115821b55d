// SPDX-License-Identifier: GPL-3.0-or-later
//
// I/O-error injection for the fault driver (tests/reliability/io_faults.py), loaded with LD_PRELOAD
// into hiprx-cli. It counts the calls of one family of system calls and makes the Nth fail, the way
// a full disk or a dying one would:
//
//   HIPRX_FAULT_CALL    write | pwrite | fsync | fdatasync | rename | ftruncate | open
//   HIPRX_FAULT_NTH     1, 2, …: the call that fails (0 or unset: none fails, calls are only counted)
//   HIPRX_FAULT_ERRNO   EIO (default) or ENOSPC
//   HIPRX_FAULT_STICKY  1: every call of the family after the Nth fails too (a disk stays full)
//   HIPRX_FAULT_REPORT  a file that gets "<family> <calls> <failed>" lines at exit
//
// Families: write = write, writev; pwrite = pwrite, pwrite64, pwritev; rename = rename, renameat,
// renameat2; ftruncate = ftruncate, ftruncate64; open = open, open64, openat, openat64, creat when
// they may write (O_WRONLY, O_RDWR, O_CREAT). Writes to standard output and error are never counted,
// so HipRx can still say what went wrong. Calls libc makes internally (fwrite's own write) do not
// pass through here; HipRx's file writer, SQLite and the backup code call these functions directly.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum family { F_WRITE, F_PWRITE, F_FSYNC, F_FDATASYNC, F_RENAME, F_FTRUNCATE, F_OPEN, F_COUNT };
static const char* const kNames[F_COUNT] = {"write", "pwrite", "fsync", "fdatasync", "rename", "ftruncate", "open"};

static atomic_long g_calls[F_COUNT];
static atomic_long g_failed[F_COUNT];
static int g_target = -1;
static long g_nth;
static int g_errno = EIO;
static int g_sticky;

__attribute__((constructor)) static void configure(void)
{
    const char* call = getenv("HIPRX_FAULT_CALL");
    const char* nth = getenv("HIPRX_FAULT_NTH");
    const char* code = getenv("HIPRX_FAULT_ERRNO");
    const char* sticky = getenv("HIPRX_FAULT_STICKY");
    for (int i = 0; call && i < F_COUNT; ++i)
        if (strcmp(call, kNames[i]) == 0)
            g_target = i;
    g_nth = nth ? strtol(nth, NULL, 10) : 0;
    if (code && strcmp(code, "ENOSPC") == 0)
        g_errno = ENOSPC;
    g_sticky = sticky && strcmp(sticky, "1") == 0;
}

__attribute__((destructor)) static void report(void)
{
    const char* path = getenv("HIPRX_FAULT_REPORT");
    if (!path)
        return;
    // Appended with the real calls: the counting wrappers must not count the report itself.
    int (*realOpen)(const char*, int, ...) = (int (*)(const char*, int, ...))dlsym(RTLD_NEXT, "open");
    ssize_t (*realWrite)(int, const void*, size_t) = (ssize_t(*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
    int fd = realOpen(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    for (int i = 0; i < F_COUNT; ++i) {
        char line[96];
        int n = snprintf(line, sizeof line, "%s %ld %ld\n", kNames[i], atomic_load(&g_calls[i]),
                         atomic_load(&g_failed[i]));
        if (n > 0)
            (void)!realWrite(fd, line, (size_t)n);
    }
    close(fd);
}

/// Counts one call of `f`; true when this one must fail (errno is then set).
static int fails(enum family f)
{
    long n = atomic_fetch_add(&g_calls[f], 1) + 1;
    if ((int)f != g_target || g_nth <= 0 || n < g_nth || (n > g_nth && !g_sticky))
        return 0;
    atomic_fetch_add(&g_failed[f], 1);
    errno = g_errno;
    return 1;
}

static int writesTo(int flags)
{
    return (flags & (O_WRONLY | O_RDWR | O_CREAT)) != 0;
}

#define REAL(type, name, args) ((type(*) args)dlsym(RTLD_NEXT, name))

ssize_t write(int fd, const void* buf, size_t count)
{
    if (fd > 2 && fails(F_WRITE))
        return -1;
    return REAL(ssize_t, "write", (int, const void*, size_t))(fd, buf, count);
}

ssize_t writev(int fd, const struct iovec* iov, int n)
{
    if (fd > 2 && fails(F_WRITE))
        return -1;
    return REAL(ssize_t, "writev", (int, const struct iovec*, int))(fd, iov, n);
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset)
{
    if (fails(F_PWRITE))
        return -1;
    return REAL(ssize_t, "pwrite", (int, const void*, size_t, off_t))(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset)
{
    if (fails(F_PWRITE))
        return -1;
    return REAL(ssize_t, "pwrite64", (int, const void*, size_t, off64_t))(fd, buf, count, offset);
}

ssize_t pwritev(int fd, const struct iovec* iov, int n, off_t offset)
{
    if (fails(F_PWRITE))
        return -1;
    return REAL(ssize_t, "pwritev", (int, const struct iovec*, int, off_t))(fd, iov, n, offset);
}

int fsync(int fd)
{
    if (fails(F_FSYNC))
        return -1;
    return REAL(int, "fsync", (int))(fd);
}

int fdatasync(int fd)
{
    if (fails(F_FDATASYNC))
        return -1;
    return REAL(int, "fdatasync", (int))(fd);
}

int rename(const char* from, const char* to)
{
    if (fails(F_RENAME))
        return -1;
    return REAL(int, "rename", (const char*, const char*))(from, to);
}

int renameat(int fromDir, const char* from, int toDir, const char* to)
{
    if (fails(F_RENAME))
        return -1;
    return REAL(int, "renameat", (int, const char*, int, const char*))(fromDir, from, toDir, to);
}

int renameat2(int fromDir, const char* from, int toDir, const char* to, unsigned int flags)
{
    if (fails(F_RENAME))
        return -1;
    return REAL(int, "renameat2", (int, const char*, int, const char*, unsigned int))(fromDir, from, toDir, to, flags);
}

int ftruncate(int fd, off_t length)
{
    if (fails(F_FTRUNCATE))
        return -1;
    return REAL(int, "ftruncate", (int, off_t))(fd, length);
}

int ftruncate64(int fd, off64_t length)
{
    if (fails(F_FTRUNCATE))
        return -1;
    return REAL(int, "ftruncate64", (int, off64_t))(fd, length);
}

/// The mode argument of open/openat, present only when the flags create a file.
#define MODE_ARG(flags, last)                                                                                  \
    mode_t mode = 0;                                                                                           \
    if ((flags) & (O_CREAT | __O_TMPFILE)) {                                                                   \
        va_list args;                                                                                          \
        va_start(args, last);                                                                                  \
        mode = (mode_t)va_arg(args, int);                                                                      \
        va_end(args);                                                                                          \
    }

int open(const char* path, int flags, ...)
{
    MODE_ARG(flags, flags)
    if (writesTo(flags) && fails(F_OPEN))
        return -1;
    return REAL(int, "open", (const char*, int, ...))(path, flags, mode);
}

int open64(const char* path, int flags, ...)
{
    MODE_ARG(flags, flags)
    if (writesTo(flags) && fails(F_OPEN))
        return -1;
    return REAL(int, "open64", (const char*, int, ...))(path, flags, mode);
}

int openat(int dir, const char* path, int flags, ...)
{
    MODE_ARG(flags, flags)
    if (writesTo(flags) && fails(F_OPEN))
        return -1;
    return REAL(int, "openat", (int, const char*, int, ...))(dir, path, flags, mode);
}

int openat64(int dir, const char* path, int flags, ...)
{
    MODE_ARG(flags, flags)
    if (writesTo(flags) && fails(F_OPEN))
        return -1;
    return REAL(int, "openat64", (int, const char*, int, ...))(dir, path, flags, mode);
}

int creat(const char* path, mode_t mode)
{
    if (fails(F_OPEN))
        return -1;
    return REAL(int, "creat", (const char*, mode_t))(path, mode);
}
