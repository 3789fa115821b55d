// SPDX-License-Identifier: GPL-3.0-or-later
//
// Where the SMTP password lives: the operating system's secret store (the freedesktop Secret
// Service through libsecret: GNOME Keyring, KeePassXC, KWallet's bridge), never the database or a
// config file. Debian 12's wxWidgets is built without wxSecretStore, so the app and the CLI share
// this small interface instead. When no secret service answers, a memory store keeps the password
// for the running process only, and the caller tells the user once that it will be asked again.
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace hiprx::delivery {

/// Passwords keyed by mail server host and login name.
class PasswordStore {
public:
    virtual ~PasswordStore() = default;

    /// True when a saved password survives a restart of HipRx.
    virtual bool persistent() const = 0;
    /// A short, plain description of where passwords go ("the system keyring", "memory only").
    virtual std::string where() const = 0;
    /// The saved password for host and user, if any. Never throws: a store that cannot be read
    /// behaves as if nothing were saved (the user is asked instead).
    virtual std::optional<std::string> load(const std::string& host, const std::string& user) = 0;
    /// Saves (replaces) the password; false with `error` in plain words when the store refused.
    virtual bool save(const std::string& host, const std::string& user, const std::string& password,
                      std::string& error) = 0;
    /// Forgets the password; quietly does nothing when none was saved.
    virtual void erase(const std::string& host, const std::string& user) = 0;
};

/// Keeps passwords in this process's memory only. Thread-safe.
class MemoryPasswordStore final : public PasswordStore {
public:
    MemoryPasswordStore();
    ~MemoryPasswordStore() override;
    bool persistent() const override { return false; }
    std::string where() const override;
    std::optional<std::string> load(const std::string& host, const std::string& user) override;
    bool save(const std::string& host, const std::string& user, const std::string& password,
              std::string& error) override;
    void erase(const std::string& host, const std::string& user) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The freedesktop Secret Service over D-Bus (libsecret). Items carry the attributes
/// app=hiprx, host and user, under the schema "org.hiprx.SmtpPassword".
class SecretServicePasswordStore final : public PasswordStore {
public:
    /// True when a secret service answers on the session bus now; otherwise `why` says why not.
    static bool available(std::string* why = nullptr);

    bool persistent() const override { return true; }
    std::string where() const override;
    std::optional<std::string> load(const std::string& host, const std::string& user) override;
    bool save(const std::string& host, const std::string& user, const std::string& password,
              std::string& error) override;
    void erase(const std::string& host, const std::string& user) override;
};

/// The process-wide store: the secret service when one answered at the first call, else the
/// memory store (decided once, so a password saved in memory is found again in this session).
PasswordStore& passwordStore();

/// Non-empty exactly once per process when passwordStore() is the memory fallback: a plain sentence
/// for the user saying the password is kept only until HipRx closes, and why.
std::string takeFallbackNotice();

} // namespace hiprx::delivery
