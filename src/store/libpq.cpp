// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/libpq.h"

#include "core/shared_library.h"
#include "store/sql.h"

#include <mutex>
#include <string>

namespace hiprx::store::detail {

const Libpq& pq()
{
    static Libpq functions;
    static std::string failure;
    static std::once_flag once;
    std::call_once(once, [] {
        std::string why;
        void* library = core::openLibrary({"libpq.so.5"}, why);
        bool ok = library != nullptr;
#define HIPRX_LIBPQ_RESOLVE(name) ok = ok && core::resolveSymbol(library, #name, functions.name, why);
        HIPRX_LIBPQ_FUNCTIONS(HIPRX_LIBPQ_RESOLVE)
#undef HIPRX_LIBPQ_RESOLVE
        if (!ok)
            failure = "the PostgreSQL client library could not be loaded (" + why +
                      "); install it with: apt install libpq5";
    });
    if (!failure.empty())
        throw sql::Error(failure, 0, 0, "08001");
    return functions;
}

} // namespace hiprx::store::detail
