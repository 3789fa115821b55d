// SPDX-License-Identifier: GPL-3.0-or-later
//
// Loading a system library the first time it is needed. libcurl, libsecret (delivery) and libpq
// (store, clinic mode) bring some forty libraries with them (TLS, Kerberos, LDAP, GLib…); linked,
// every run of hiprx-cli pays to load them before main, although only `email`, `send` and a clinic
// server use them. Loaded on demand, `plan --pdf` starts in a third of the time. The library's own
// header still gives the types and constants, so every call is type-checked as if it were linked.
#pragma once

#include <dlfcn.h>

#include <initializer_list>
#include <string>

namespace hiprx::core {

/// The first of `names` that loads (RTLD_NOW | RTLD_LOCAL), kept for the life of the process: it is
/// never closed, so functions and data taken from it stay valid. nullptr, with the loader's reason in
/// `why`, when none loads.
inline void* openLibrary(std::initializer_list<const char*> names, std::string& why)
{
    for (const char* name : names) {
        if (void* handle = ::dlopen(name, RTLD_NOW | RTLD_LOCAL))
            return handle;
        const char* reason = ::dlerror();
        why = reason ? reason : std::string(name) + " could not be loaded";
    }
    return nullptr;
}

/// Sets `function` to the symbol `name` of `library` (or of a library it depends on); false, with
/// the name in `why`, when it is missing.
template <typename Function> bool resolveSymbol(void* library, const char* name, Function*& function, std::string& why)
{
    function = reinterpret_cast<Function*>(::dlsym(library, name));
    if (!function)
        why = std::string(name) + " is missing from the installed library";
    return function != nullptr;
}

} // namespace hiprx::core
