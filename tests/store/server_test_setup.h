// SPDX-License-Identifier: GPL-3.0-or-later
//
// Shared by the tests that run on a PostgreSQL test server (store and app): setting up a database
// one process at a time. Roles are the whole server's, so two test processes creating them at once
// collide ("tuple concurrently updated"); a file lock makes them take turns.
#pragma once

#include "store/database.h"

#include <filesystem>
#include <string>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace hiprx::store::test_support {

/// Database::initServer(url), never at the same time as another test process's.
inline void initServerOneAtATime(const std::string& url)
{
    const int lock = ::open((std::filesystem::temp_directory_path() / "hiprx-test-server.lock").c_str(),
                            O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    ::flock(lock, LOCK_EX);
    try {
        Database::initServer(url);
    } catch (...) {
        ::close(lock);
        throw;
    }
    ::close(lock);
}

} // namespace hiprx::store::test_support
