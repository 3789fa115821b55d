// SPDX-License-Identifier: GPL-3.0-or-later
//
// The delivery tests' SMTP server: smtp_server.py (aiosmtpd) run by Debian's /usr/bin/python3 on
// 127.0.0.1 at a free port, waited for until it accepts connections, stopped in the destructor.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace hiprx::delivery::test_support {

/// True when /usr/bin/python3 can import aiosmtpd (Debian package python3-aiosmtpd).
bool aiosmtpdAvailable();

/// A TCP port on 127.0.0.1 that nothing listens on right now.
int freePort();

/// A fresh folder removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

class SmtpTestServer {
public:
    /// Options passed to smtp_server.py, e.g. {"--user", "therapist", "--password", "secret"}.
    explicit SmtpTestServer(std::filesystem::path outDir, std::vector<std::string> options = {});
    ~SmtpTestServer();
    SmtpTestServer(const SmtpTestServer&) = delete;
    SmtpTestServer& operator=(const SmtpTestServer&) = delete;

    /// Starts on a free port and waits until it accepts a connection; false (with `error()`) if not.
    bool start();
    /// Starts again on the same port (after stop()).
    bool restart();
    /// SIGTERM, then SIGKILL if it has not gone within 5 s.
    void stop();

    int port() const { return m_port; }
    const std::string& error() const { return m_error; }
    /// Messages received so far (N.json files).
    int received() const;

private:
    bool launch();

    std::filesystem::path m_outDir;
    std::vector<std::string> m_options;
    int m_port = 0;
    pid_t m_pid = -1;
    std::string m_error;
};

} // namespace hiprx::delivery::test_support
