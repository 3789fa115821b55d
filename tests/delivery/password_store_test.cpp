// SPDX-License-Identifier: GPL-3.0-or-later
//
// The SMTP password store: the memory fallback always, and the system keyring (libsecret against a
// real GNOME Keyring) when a secret service is running. CTest runs the SecretService tests a second
// time inside `dbus-run-session` with an unlocked gnome-keyring-daemon (with_keyring.sh) and sets
// HIPRX_EXPECT_SECRET_SERVICE=1 there, so they fail instead of skipping when the keyring is missing.
#include "delivery/password_store.h"

#include "../cli/cli_runner.h"
#include "smtp_test_server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <optional>
#include <random>

using namespace hiprx;
using namespace hiprx::delivery;
using ::testing::HasSubstr;
using json = nlohmann::json;

namespace {

/// Sets or unsets an environment variable for one scope, then puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name)
    {
        if (const char* old = std::getenv(name))
            m_old = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv()
    {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

/// A host name no other test run uses, so items left by a crashed run cannot interfere.
std::string uniqueHost()
{
    return "mail-" + std::to_string(std::random_device{}()) + ".clinic.example";
}

/// Imports a visit through the CLI, issues its program and returns the visit id.
std::string issuedVisit(const test::ScratchDir& scratch, const std::string& db)
{
    const auto file = scratch.write("visit.json", R"({
  "format": "hiprx-assessment/1",
  "patient": {"name": "Rosa Imbert", "birth_date": "1968-02-11", "sex": "female", "email": "rosa@example.org"},
  "visit": {"date": "2026-11-20", "clinician": "J. Park, PT", "affected_side": "right"},
  "rom": {"left": {"hip_flexion": 120, "hip_extension": 15}, "right": {"hip_flexion": 100, "hip_extension": 0}},
  "tests": {"left": {"thomas_iliopsoas": "negative"}, "right": {"thomas_iliopsoas": "positive"}}
})");
    auto r = test::runCli(scratch, {"import", file.string(), "--json", "--db", db});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    const auto visit = std::to_string(json::parse(r.out).at("visit_id").get<int>());
    r = test::runCli(scratch, {"issue", visit, "--db", db});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return visit;
}

class SecretServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string why;
        if (SecretServicePasswordStore::available(&why))
            return;
        if (std::getenv("HIPRX_EXPECT_SECRET_SERVICE"))
            FAIL() << "a secret service was expected (with_keyring.sh) but: " << why;
        GTEST_SKIP() << "no secret service in this session (" << why
                     << "); CTest runs these again under dbus-run-session with gnome-keyring";
    }
};

} // namespace

TEST(MemoryPasswordStore, KeepsOnePasswordPerHostAndUser)
{
    MemoryPasswordStore store;
    std::string error = "stale";
    ASSERT_TRUE(store.save("mail.clinic.example", "frontdesk", "first", error));
    EXPECT_TRUE(error.empty());
    ASSERT_TRUE(store.save("mail.clinic.example", "frontdesk", "second", error));
    EXPECT_EQ(store.load("mail.clinic.example", "frontdesk"), "second");
    EXPECT_EQ(store.load("mail.clinic.example", "reception"), std::nullopt);
    EXPECT_EQ(store.load("smtp.other.example", "frontdesk"), std::nullopt);
    // The separator cannot be forged by a user name holding the host's text.
    EXPECT_EQ(store.load("mail.clinic.example\nfrontdesk", ""), std::nullopt);
}

TEST(MemoryPasswordStore, EraseForgetsAndNothingSurvivesTheProcess)
{
    MemoryPasswordStore store;
    std::string error;
    store.save("mail.clinic.example", "frontdesk", "pw", error);
    store.erase("mail.clinic.example", "frontdesk");
    EXPECT_EQ(store.load("mail.clinic.example", "frontdesk"), std::nullopt);
    store.erase("mail.clinic.example", "frontdesk"); // erasing twice is harmless
    EXPECT_FALSE(store.persistent());
    EXPECT_THAT(store.where(), HasSubstr("memory"));
}

TEST(PasswordStoreFallback, WithoutASessionBusNoKeyringIsReached)
{
    const ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS", nullptr);
    const ScopedEnv runtime("XDG_RUNTIME_DIR", "/nonexistent-hiprx-runtime");
    std::string why;
    EXPECT_FALSE(SecretServicePasswordStore::available(&why));
    EXPECT_THAT(why, HasSubstr("session bus"));
}

// Without --password-env and without a keyring, the CLI says what to do instead of sending
// without a password or hanging on a keyring prompt; nothing reaches a server.
TEST(PasswordStoreFallback, CliWithoutKeyringAsksForPasswordEnv)
{
    test::ScratchDir scratch;
    const std::string db = scratch.file("clinic.sqlite").string();
    const std::string visit = issuedVisit(scratch, db);
    const ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS", nullptr);
    const ScopedEnv runtime("XDG_RUNTIME_DIR", "/nonexistent-hiprx-runtime");
    const auto r = test::runCli(scratch, {"email", visit, "--smtp", "smtp://127.0.0.1:9", "--user", "frontdesk",
                                          "--from", "frontdesk@clinic.example", "--db", db});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("--password-env"));
    EXPECT_THAT(r.err, HasSubstr("no saved password can be read"));
    EXPECT_THAT(r.err, HasSubstr("session bus"));
    const auto outbox = test::runCli(scratch, {"outbox", "--json", "--db", db});
    EXPECT_EQ(json::parse(outbox.out).size(), 0u); // refused before anything was queued
}

TEST_F(SecretServiceTest, SavesLoadsReplacesAndErases)
{
    SecretServicePasswordStore store;
    const std::string host = uniqueHost();
    EXPECT_TRUE(store.persistent());
    EXPECT_EQ(store.load(host, "frontdesk"), std::nullopt);
    std::string error;
    ASSERT_TRUE(store.save(host, "frontdesk", "correct horse ñ", error)) << error;
    EXPECT_EQ(store.load(host, "frontdesk"), "correct horse ñ");
    ASSERT_TRUE(store.save(host, "frontdesk", "battery staple", error)) << error;
    EXPECT_EQ(store.load(host, "frontdesk"), "battery staple");
    // A second store object reads the same keyring: the password is not held by the object.
    EXPECT_EQ(SecretServicePasswordStore().load(host, "frontdesk"), "battery staple");
    store.erase(host, "frontdesk");
    EXPECT_EQ(store.load(host, "frontdesk"), std::nullopt);
}

TEST_F(SecretServiceTest, PasswordsAreKeyedByHostAndUser)
{
    SecretServicePasswordStore store;
    const std::string host = uniqueHost();
    std::string error;
    ASSERT_TRUE(store.save(host, "frontdesk", "one", error)) << error;
    ASSERT_TRUE(store.save(host, "reception", "two", error)) << error;
    EXPECT_EQ(store.load(host, "frontdesk"), "one");
    EXPECT_EQ(store.load(host, "reception"), "two");
    EXPECT_EQ(store.load("other." + host, "frontdesk"), std::nullopt);
    store.erase(host, "frontdesk");
    EXPECT_EQ(store.load(host, "reception"), "two"); // erasing one login leaves the other
    store.erase(host, "reception");
}

TEST_F(SecretServiceTest, TheProcessWideStoreIsTheKeyring)
{
    EXPECT_TRUE(passwordStore().persistent());
    EXPECT_THAT(passwordStore().where(), HasSubstr("keyring"));
    EXPECT_EQ(takeFallbackNotice(), ""); // nothing to tell the user
}

// The app saves the password in the keyring; the CLI, run without --password-env, finds it there
// and a retry from the outbox logs in and delivers.
TEST_F(SecretServiceTest, CliRetryUsesThePasswordSavedInTheKeyring)
{
    using namespace hiprx::delivery::test_support;
    if (!aiosmtpdAvailable())
        GTEST_SKIP() << "/usr/bin/python3 cannot import aiosmtpd (install python3-aiosmtpd)";
    TempDir mail;
    SmtpTestServer smtp(mail.path(), {"--user", "therapist", "--password", "k3yring-pw"});
    ASSERT_TRUE(smtp.start()) << smtp.error();
    test::ScratchDir scratch;
    const std::string db = scratch.file("clinic.sqlite").string();
    const std::string visit = issuedVisit(scratch, db);
    const std::string url = "smtp://127.0.0.1:" + std::to_string(smtp.port());
    const std::vector<std::string> server = {"--smtp", url, "--user", "therapist", "--from",
                                             "frontdesk@clinic.example", "--db", db};

    SecretServicePasswordStore store;
    std::string error;
    ASSERT_TRUE(store.save("127.0.0.1", "therapist", "wrong-pw", error)) << error;
    auto args = std::vector<std::string>{"email", visit, "--to", "rosa@example.org"};
    args.insert(args.end(), server.begin(), server.end());
    auto r = test::runCli(scratch, args);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.err, HasSubstr("refused the login")); // the keyring's password was the one used
    EXPECT_EQ(smtp.received(), 0);

    ASSERT_TRUE(store.save("127.0.0.1", "therapist", "k3yring-pw", error)) << error;
    args = {"retry", "1"};
    args.insert(args.end(), server.begin(), server.end());
    r = test::runCli(scratch, args);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(smtp.received(), 1);
    store.erase("127.0.0.1", "therapist");
}
