// SPDX-License-Identifier: GPL-3.0-or-later
//
// Private to the store: libpq, loaded the first time a clinic server is used (see
// core/shared_library.h). A solo practice never loads it, and no hiprx-cli run pays for its TLS,
// Kerberos and LDAP libraries before main. Calls go through pq().PQxxx(…), type-checked against
// libpq-fe.h as if linked.
#pragma once

#include <libpq-fe.h>

namespace hiprx::store::detail {

#define HIPRX_LIBPQ_FUNCTIONS(X)                                                                                  \
    X(PQclear) X(PQcmdTuples) X(PQconnectdbParams) X(PQconninfoFree) X(PQconninfoParse) X(PQconsumeInput)         \
    X(PQencryptPasswordConn) X(PQerrorMessage) X(PQexec) X(PQexecParams) X(PQfinish) X(PQfreemem) X(PQftype)      \
    X(PQgetisnull) X(PQgetlength) X(PQgetvalue) X(PQnotifies) X(PQntuples) X(PQresultErrorField)                  \
    X(PQresultStatus) X(PQsocket) X(PQstatus)

struct Libpq {
#define HIPRX_LIBPQ_MEMBER(name) decltype(&::name) name = nullptr;
    HIPRX_LIBPQ_FUNCTIONS(HIPRX_LIBPQ_MEMBER)
#undef HIPRX_LIBPQ_MEMBER
};

/// libpq, loaded once. Throws sql::Error (SQLSTATE 08001) naming the package to install when it is
/// missing.
const Libpq& pq();

} // namespace hiprx::store::detail
