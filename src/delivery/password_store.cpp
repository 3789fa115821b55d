// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/password_store.h"

#include "core/shared_library.h"

#include <libsecret/secret.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

namespace hiprx::delivery {

// ---------------------------------------------------------------------------------------------
// Memory

struct MemoryPasswordStore::Impl {
    std::mutex mutex;
    std::map<std::string, std::string> passwords; ///< host '\n' user → password
};

namespace {

std::string memoryKey(const std::string& host, const std::string& user) { return host + '\n' + user; }

} // namespace

MemoryPasswordStore::MemoryPasswordStore() : m_impl(std::make_unique<Impl>()) {}

MemoryPasswordStore::~MemoryPasswordStore()
{
    // Overwrite what we held before the memory goes back to the allocator.
    for (auto& [key, password] : m_impl->passwords)
        std::fill(password.begin(), password.end(), '\0');
}

std::string MemoryPasswordStore::where() const { return "memory only, until HipRx closes"; }

std::optional<std::string> MemoryPasswordStore::load(const std::string& host, const std::string& user)
{
    std::lock_guard lock(m_impl->mutex);
    const auto it = m_impl->passwords.find(memoryKey(host, user));
    if (it == m_impl->passwords.end())
        return std::nullopt;
    return it->second;
}

bool MemoryPasswordStore::save(const std::string& host, const std::string& user, const std::string& password,
                               std::string& error)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->passwords[memoryKey(host, user)] = password;
    error.clear();
    return true;
}

void MemoryPasswordStore::erase(const std::string& host, const std::string& user)
{
    std::lock_guard lock(m_impl->mutex);
    const auto it = m_impl->passwords.find(memoryKey(host, user));
    if (it != m_impl->passwords.end()) {
        std::fill(it->second.begin(), it->second.end(), '\0');
        m_impl->passwords.erase(it);
    }
}

// ---------------------------------------------------------------------------------------------
// Secret Service (libsecret)

namespace {

/// The libsecret (and GLib) functions HipRx calls, taken from libsecret the first time the keyring
/// is asked for: GLib and D-Bus are loaded only by the commands that need a password.
struct Secret {
    decltype(&::secret_service_get_sync) serviceGetSync = nullptr;
    decltype(&::secret_password_lookup_sync) lookupSync = nullptr;
    decltype(&::secret_password_store_sync) storeSync = nullptr;
    decltype(&::secret_password_clear_sync) clearSync = nullptr;
    decltype(&::secret_password_free) passwordFree = nullptr;
    decltype(&::g_dbus_proxy_get_name_owner) proxyNameOwner = nullptr;
    decltype(&::g_object_unref) objectUnref = nullptr;
    decltype(&::g_free) free = nullptr;
    decltype(&::g_error_free) errorFree = nullptr;
};

struct LoadedSecret {
    Secret api;
    std::string problem; ///< empty when every function was found
};

const LoadedSecret& loadSecret()
{
    static const LoadedSecret loaded = [] {
        LoadedSecret result;
        std::string why;
        void* library = core::openLibrary({"libsecret-1.so.0"}, why);
        Secret& s = result.api;
        // GLib's and GIO's functions come from libsecret's own dependencies.
        const bool ok = library && core::resolveSymbol(library, "secret_service_get_sync", s.serviceGetSync, why) &&
                        core::resolveSymbol(library, "secret_password_lookup_sync", s.lookupSync, why) &&
                        core::resolveSymbol(library, "secret_password_store_sync", s.storeSync, why) &&
                        core::resolveSymbol(library, "secret_password_clear_sync", s.clearSync, why) &&
                        core::resolveSymbol(library, "secret_password_free", s.passwordFree, why) &&
                        core::resolveSymbol(library, "g_dbus_proxy_get_name_owner", s.proxyNameOwner, why) &&
                        core::resolveSymbol(library, "g_object_unref", s.objectUnref, why) &&
                        core::resolveSymbol(library, "g_free", s.free, why) &&
                        core::resolveSymbol(library, "g_error_free", s.errorFree, why);
        if (!ok)
            result.problem = "the keyring library libsecret could not be loaded (" + why + ")";
        return result;
    }();
    return loaded;
}

/// The loaded functions; only called once SecretServicePasswordStore::available() said yes.
const Secret& secret() { return loadSecret().api; }

const SecretSchema* schema()
{
    // Field order matches the C struct; the attribute table ends with a null name.
    static const SecretSchema s = {"org.hiprx.SmtpPassword",
                                   SECRET_SCHEMA_NONE,
                                   {{"app", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {"host", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {"user", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
                                   0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
    return &s;
}

/// Takes ownership of a GError and returns its text (never the password: libsecret does not put
/// secrets in its messages).
std::string takeError(GError* error)
{
    if (!error)
        return "no reason given";
    std::string text = error->message ? error->message : "no reason given";
    secret().errorFree(error);
    return text;
}

/// Without a session bus address GIO would try to autolaunch one through X11, which starts a bus
/// with no keyring in it (or hangs); say "not available" instead.
bool sessionBusConfigured()
{
    if (const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS"); address && *address)
        return true;
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime && *runtime) {
        std::error_code ec;
        return std::filesystem::exists(std::filesystem::path(runtime) / "bus", ec);
    }
    return false;
}

} // namespace

bool SecretServicePasswordStore::available(std::string* why)
{
    const auto fail = [&](std::string reason) {
        if (why)
            *why = std::move(reason);
        return false;
    };
    if (!sessionBusConfigured())
        return fail("there is no desktop session bus (D-Bus), so no system keyring can be reached");
    if (const std::string& problem = loadSecret().problem; !problem.empty())
        return fail(problem);
    const Secret& api = secret();
    GError* error = nullptr;
    SecretService* service = api.serviceGetSync(SECRET_SERVICE_NONE, nullptr, &error);
    if (!service)
        return fail("the desktop session bus could not be reached: " + takeError(error));
    // A keyring that is installed but not running would be started on demand and then ask for an
    // unlock password nobody can see (tests, ssh); only a running one counts.
    // A SecretService is a GDBusProxy (its first member); the checked cast macro would need GIO linked.
    gchar* owner = api.proxyNameOwner(reinterpret_cast<GDBusProxy*>(service));
    const bool running = owner != nullptr;
    api.free(owner);
    api.objectUnref(service);
    if (!running)
        return fail("no system keyring (Secret Service) is running in this session");
    if (why)
        why->clear();
    return true;
}

std::string SecretServicePasswordStore::where() const { return "the system keyring (Secret Service)"; }

std::optional<std::string> SecretServicePasswordStore::load(const std::string& host, const std::string& user)
{
    if (!loadSecret().problem.empty())
        return std::nullopt;
    GError* error = nullptr;
    const Secret& api = secret();
    gchar* found = api.lookupSync(schema(), nullptr, &error, "app", "hiprx", "host", host.c_str(), "user",
                                  user.c_str(), nullptr);
    if (!found) {
        if (error)
            api.errorFree(error); // unreadable counts as not saved: the user is asked instead
        return std::nullopt;
    }
    std::string password(found);
    api.passwordFree(found); // libsecret wipes the memory before freeing it
    return password;
}

bool SecretServicePasswordStore::save(const std::string& host, const std::string& user,
                                      const std::string& password, std::string& error)
{
    const std::string label = "HipRx mail password for " + (user.empty() ? std::string("(no login)") : user) +
                              " on " + host;
    if (const std::string& problem = loadSecret().problem; !problem.empty()) {
        error = "The system keyring did not save the password (" + problem + ").";
        return false;
    }
    GError* gerror = nullptr;
    const gboolean ok = secret().storeSync(schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), password.c_str(),
                                           nullptr, &gerror, "app", "hiprx", "host", host.c_str(), "user",
                                           user.c_str(), nullptr);
    if (!ok) {
        error = "The system keyring did not save the password (" + takeError(gerror) + ").";
        return false;
    }
    error.clear();
    return true;
}

void SecretServicePasswordStore::erase(const std::string& host, const std::string& user)
{
    if (!loadSecret().problem.empty())
        return; // no keyring library, so nothing was ever saved in it
    GError* error = nullptr;
    const Secret& api = secret();
    api.clearSync(schema(), nullptr, &error, "app", "hiprx", "host", host.c_str(), "user", user.c_str(), nullptr);
    if (error)
        api.errorFree(error); // nothing to forget, or the keyring is gone: either way nothing is saved
}

// ---------------------------------------------------------------------------------------------
// The process-wide choice

namespace {

struct Chosen {
    std::unique_ptr<PasswordStore> store;
    std::string fallbackReason; ///< empty when the secret service is used
    bool noticeTaken = false;
};

std::mutex& choiceMutex()
{
    static std::mutex mutex;
    return mutex;
}

Chosen& chosen()
{
    static Chosen c = [] {
        Chosen result;
        std::string why;
        if (SecretServicePasswordStore::available(&why)) {
            result.store = std::make_unique<SecretServicePasswordStore>();
        } else {
            result.store = std::make_unique<MemoryPasswordStore>();
            result.fallbackReason = why;
        }
        return result;
    }();
    return c;
}

} // namespace

PasswordStore& passwordStore()
{
    std::lock_guard lock(choiceMutex());
    return *chosen().store;
}

std::string takeFallbackNotice()
{
    std::lock_guard lock(choiceMutex());
    Chosen& c = chosen();
    if (c.store->persistent() || c.noticeTaken)
        return {};
    c.noticeTaken = true;
    return "The mail password is kept only until HipRx closes and will be asked for again next time: " +
           c.fallbackReason + ". It is never written to the database or the settings file.";
}

} // namespace hiprx::delivery
