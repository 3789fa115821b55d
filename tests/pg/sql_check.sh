#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/pg/sql_check.sh: the PostgreSQL schema of clinic mode, proved on a real server.
#
#   pg_virtualenv -t bash tests/pg/sql_check.sh
#
# Applies db/migrations/postgresql/001…010 the way the store's runner does (schema hiprx, one
# transaction per file with search_path = hiprx and schema_version set to the file's number), then
# db/postgresql/clinic_security.sql twice, and checks the rules with several logins (a superuser, an
# administrator carol, a therapist alice, a front desk bob). One line "ok - …" per check; the first
# failure prints "not ok - …" with what the server said and exits 1. Exits 77 (skip) without a server.
#
# It creates roles (cluster-wide) and databases, so it runs only on a throw-away cluster: the one
# pg_virtualenv makes, or any server when HIPRX_PG_CHECK_ANY_SERVER=1 says so.
set -euo pipefail
trap '' PIPE # a write to a session that has ended is an error to look at, not a silent exit

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
migrations=$root/db/migrations/postgresql
sqlite_migrations=$root/db/migrations/sqlite
security=$root/db/postgresql/clinic_security.sql

if [ -z "${PGHOST:-}" ] || [ -z "${PGUSER:-}" ]; then
    echo "skip: no PostgreSQL server; run: pg_virtualenv -t bash tests/pg/sql_check.sh" >&2
    exit 77
fi
if [ -z "${PG_CLUSTER_CONF_ROOT:-}" ] && [ "${HIPRX_PG_CHECK_ANY_SERVER:-}" != 1 ]; then
    echo "refused: this creates roles and databases; run it under pg_virtualenv -t," \
         "or set HIPRX_PG_CHECK_ANY_SERVER=1 for a throw-away server" >&2
    exit 2
fi

super_user=$PGUSER
super_password=${PGPASSWORD:-}
db=hiprx_check
token_db=hiprx_check_tokens
tmp=$(mktemp -d)
session_pids=()

cleanup() {
    local pid
    for pid in "${session_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT

ok() { echo "ok - $*"; }
fail() {
    echo "not ok - $1" >&2
    [ $# -lt 2 ] || printf '%s\n' "$2" | sed 's/^/#   /' >&2
    exit 1
}

password_of() {
    case $1 in
        super) printf '%s' "$super_password" ;;
        carol) printf '%s' 'carol-admin-pw-1' ;;
        alice) printf '%s' 'alice-therapist-pw-1' ;;
        bob) printf '%s' 'bob-frontdesk-pw-1' ;;
        mallory) printf '%s' 'mallory-pw-1234' ;;
    esac
}
user_of() { if [ "$1" = super ]; then printf '%s' "$super_user"; else printf '%s' "$1"; fi; }

# run WHO [psql arguments…]: psql in the check database as WHO (password login over TCP), quiet,
# unaligned, tuples only, stopping at the first error, with the SQLSTATE in error messages.
run() {
    local who=$1
    shift
    PGUSER=$(user_of "$who") PGPASSWORD=$(password_of "$who") PGDATABASE=${PGDATABASE_OVERRIDE:-$db} \
        psql -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=verbose "$@"
}

# q WHO SQL: the result of one statement; a failure is a failed check.
q() {
    local out
    out=$(run "$1" -c "$2" 2>&1) || fail "as $1: $2" "$out"
    printf '%s' "$out"
}

# expect WHO SQL WANT DESCRIPTION: the statement gives WANT.
expect() {
    local got
    got=$(q "$1" "$2")
    [ "$got" = "$3" ] || fail "$4" "as $1: $2"$'\n'"want: $3"$'\n'"got:  $got"
}

# expect_error WHO SQLSTATE MESSAGE SQL DESCRIPTION: the statement fails with that SQLSTATE and a
# message containing MESSAGE (empty: any message).
expect_error() {
    local who=$1 state=$2 message=$3 sql=$4 what=$5 out
    if out=$(run "$who" -c "$sql" 2>&1); then
        fail "$what (it succeeded)" "as $who: $sql"$'\n'"$out"
    fi
    grep -qF "ERROR:  $state:" <<<"$out" || fail "$what (want SQLSTATE $state)" "as $who: $sql"$'\n'"$out"
    [ -z "$message" ] || grep -qF -- "$message" <<<"$out" || fail "$what (want '$message')" "$out"
}

# apply_migration DATABASE FILE: one transaction, as the store's runner does it.
apply_migration() {
    local file=$2 number out
    number=$(basename "$file" | cut -c1-3)
    number=$((10#$number))
    out=$(PGDATABASE_OVERRIDE=$1 run super -1 -c 'SET LOCAL search_path = hiprx' -f "$file" \
          -c "UPDATE schema_version SET version = $number" 2>&1) || fail "migration $(basename "$file")" "$out"
}

apply_security() {
    local out
    out=$(run super -1 -c 'SET LOCAL client_min_messages = warning' -f "$security" 2>&1) \
        || fail "clinic_security.sql" "$out"
}

# Sessions that stay open: a psql reading a FIFO, its output in a file.
# start_session NAME WHO; say NAME LINE…; settle NAME: wait until psql has run everything said so far.
declare -A session_fd
marker=0
start_session() {
    local name=$1 who=$2 fd
    mkfifo "$tmp/$name.in"
    PGUSER=$(user_of "$who") PGPASSWORD=$(password_of "$who") PGDATABASE=$db \
        psql -X -q -A -t -v VERBOSITY=verbose <"$tmp/$name.in" >"$tmp/$name.out" 2>&1 &
    session_pids+=($!)
    exec {fd}>"$tmp/$name.in"
    session_fd[$name]=$fd
}
say() {
    local name=$1
    shift
    printf '%s\n' "$@" >&"${session_fd[$name]}" || fail "session $name has ended" "$(cat "$tmp/$name.out")"
}
settle() {
    local name=$1
    marker=$((marker + 1))
    say "$name" "\\echo sync-$marker"
    for _ in $(seq 1 100); do
        grep -qx "sync-$marker" "$tmp/$name.out" && return 0
        sleep 0.05
    done
    fail "session $name did not answer" "$(cat "$tmp/$name.out")"
}
end_session() {
    local fd=${session_fd[$1]}
    exec {fd}>&-
    rm -f "$tmp/$1.in"
}

# -----------------------------------------------------------------------------------------------
# Databases (dropped first, so a throw-away server can run this again)
# -----------------------------------------------------------------------------------------------
PGDATABASE_OVERRIDE=postgres q super "DROP DATABASE IF EXISTS $db" >/dev/null
PGDATABASE_OVERRIDE=postgres q super "DROP DATABASE IF EXISTS $token_db" >/dev/null
for role in alice bob carol mallory; do
    PGDATABASE_OVERRIDE=postgres q super "DROP ROLE IF EXISTS $role" >/dev/null
done
PGDATABASE_OVERRIDE=postgres q super "CREATE DATABASE $db" >/dev/null
PGDATABASE_OVERRIDE=postgres q super "CREATE DATABASE $token_db" >/dev/null

# -----------------------------------------------------------------------------------------------
# 001 refuses a database that is not UTF8
# -----------------------------------------------------------------------------------------------
PGDATABASE_OVERRIDE=postgres q super "DROP DATABASE IF EXISTS ${db}_latin1" >/dev/null
PGDATABASE_OVERRIDE=postgres q super "CREATE DATABASE ${db}_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'
                                      TEMPLATE template0" >/dev/null
out=$(PGDATABASE_OVERRIDE=${db}_latin1 run super -c 'CREATE SCHEMA hiprx' -c 'SET search_path = hiprx' \
      -f "$migrations/001_initial.sql" 2>&1) && fail "001 in a LATIN1 database" "$out"
grep -qF "HipRx needs a database in UTF8; this one is in LATIN1" <<<"$out" || fail "001 in a LATIN1 database" "$out"
PGDATABASE_OVERRIDE=postgres q super "DROP DATABASE ${db}_latin1" >/dev/null
ok "001 refuses a database that is not UTF8"

# -----------------------------------------------------------------------------------------------
# 005 fills the search tokens of existing patients exactly as SQLite's recursive split does
# -----------------------------------------------------------------------------------------------
# name_key normally holds folded words; these test the split itself: accented letters (UTF-8),
# a double and a trailing space, a repeated word, a record number with an É (lower() folds A-Z only,
# in SQLite and with COLLATE "C"), empty record number and birth date.
patients_before_005="
INSERT INTO patients (id, external_id, name, name_key, birth_date, created_at, updated_at) VALUES
 (1, 'HX-Éa7', 'María José  Pérez-Ruiz', 'maría josé  pérez-ruiz ', '1950-03-04',
  '2026-11-20T09:15:02.123Z', '2026-11-20T09:15:02.123Z'),
 (2, '', 'Ana Ana de la Cruz', 'ana ana de la cruz', '',
  '2026-11-20T09:15:03.000Z', '2026-11-20T09:15:03.000Z'),
 (3, NULL, 'Zoë', 'zoë', NULL, '2026-11-20T09:15:04.000Z', '2026-11-20T09:15:04.000Z');"
tokens_query="SELECT patient_id || '|' || token FROM patient_search_tokens ORDER BY patient_id, token;"
expected_tokens="1|1950-03-04
1|hx-Éa7
1|josé
1|maría
1|pérez-ruiz
2|ana
2|cruz
2|de
2|la
3|zoë"

out=$(PGDATABASE_OVERRIDE=$token_db run super -c 'CREATE SCHEMA hiprx' 2>&1) || fail "create schema" "$out"
for n in 001 002 003 004; do
    apply_migration "$token_db" "$migrations/${n}_"*.sql
done
out=$(PGDATABASE_OVERRIDE=$token_db run super -c 'SET search_path = hiprx' -c "$patients_before_005" 2>&1) \
    || fail "patients before 005" "$out"
apply_migration "$token_db" "$migrations/005_patient_search_tokens.sql"
pg_tokens=$(PGDATABASE_OVERRIDE=$token_db run super -c 'SET search_path = hiprx' -c "$tokens_query" 2>&1) \
    || fail "reading the tokens" "$pg_tokens"
[ "$pg_tokens" = "$expected_tokens" ] || fail "005 token fill" "want:"$'\n'"$expected_tokens"$'\n'"got:"$'\n'"$pg_tokens"
if command -v sqlite3 >/dev/null; then
    sqlite_tokens=$(cat "$sqlite_migrations"/00[1-4]_*.sql <(printf '%s\n' "$patients_before_005") \
                        "$sqlite_migrations/005_patient_search_tokens.sql" <(printf '%s\n' "$tokens_query") |
                    sqlite3 -bail "$tmp/tokens.sqlite" 2>&1) || fail "the same in SQLite" "$sqlite_tokens"
    [ "$pg_tokens" = "$sqlite_tokens" ] \
        || fail "005 tokens equal SQLite's" "PostgreSQL:"$'\n'"$pg_tokens"$'\n'"SQLite:"$'\n'"$sqlite_tokens"
    ok "005 fills the search tokens of 3 existing patients exactly as SQLite's 005 does (run side by side)"
else
    ok "005 fills the search tokens of 3 existing patients as expected (sqlite3 not installed: not compared)"
fi

# -----------------------------------------------------------------------------------------------
# Migrations and clinic_security.sql
# -----------------------------------------------------------------------------------------------
out=$(run super -c 'CREATE SCHEMA hiprx' 2>&1) || fail "create schema" "$out"
count=0
for file in "$migrations"/[0-9][0-9][0-9]_*.sql; do
    if [ "$(basename "$file" | cut -c1-3)" = 010 ]; then
        # A clinic's data at schema 9: a patient and an unsaved draft (drafts had no author then).
        q super "INSERT INTO hiprx.patients (id, name, name_key, created_at, updated_at)
                 VALUES (900, 'Draft Before Ten', 'draft before ten', 'x', 'x');
                 INSERT INTO hiprx.assessment_drafts (patient_id, visit_id, form_text, updated_at)
                 VALUES (900, 0, 'typed at schema 9', 'x')" >/dev/null
    fi
    apply_migration "$db" "$file"
    count=$((count + 1))
done
expect super "SELECT version FROM hiprx.schema_version" "$count" "schema_version after the migrations"
[ "$count" = 10 ] || fail "want 10 migrations, found $count"
ok "migrations 001…010 apply, one transaction each, schema_version = 10"
expect super "SELECT author = '' FROM hiprx.assessment_drafts WHERE patient_id = 900" t \
    "010 keeps a draft written at schema 9, without an author"
q super "INSERT INTO hiprx.assessment_drafts (patient_id, visit_id, form_text, updated_at, author)
         VALUES (900, 0, 'another desk', 'x', 'alice')" >/dev/null
expect_error super 23505 "" "INSERT INTO hiprx.assessment_drafts (patient_id, visit_id, form_text, updated_at, author)
         VALUES (900, 0, 'the same login again', 'x', 'alice')" "one draft per patient, visit and login"
q super "DELETE FROM hiprx.assessment_drafts WHERE patient_id = 900; DELETE FROM hiprx.patients WHERE id = 900" >/dev/null
ok "010: a draft per patient, visit and login; drafts from before it kept"

expect super "SELECT count(*) FROM information_schema.columns
              WHERE table_schema = 'hiprx' AND data_type = 'text' AND collation_name IS DISTINCT FROM 'C'" \
    0 "every text column is COLLATE \"C\""
expect super "SELECT count(*) FROM information_schema.columns
              WHERE table_schema = 'hiprx' AND data_type NOT IN ('text', 'bigint', 'integer', 'bytea')" \
    0 "only text, bigint, integer and bytea columns"
ok "every text column is COLLATE \"C\"; no boolean or timestamp types (0/1 and ISO text, as in SQLite)"

fingerprint_sql="SELECT md5(string_agg(x, E'\n' ORDER BY x)) FROM (
  SELECT format('rel %s %s %s', c.relname, c.relowner::regrole, c.relacl) FROM pg_class c
   WHERE c.relnamespace = 'hiprx'::regnamespace
  UNION ALL SELECT format('col %s.%s %s', c.relname, a.attname, a.attacl) FROM pg_attribute a
   JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'hiprx'::regnamespace AND a.attacl IS NOT NULL
  UNION ALL SELECT format('trg %s %s %s', t.tgrelid::regclass, t.tgname, t.tgenabled) FROM pg_trigger t
   JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'hiprx'::regnamespace AND NOT t.tgisinternal
  UNION ALL SELECT format('fn %s %s %s %s', p.oid::regprocedure, p.proowner::regrole, p.prosecdef, p.proacl)
   FROM pg_proc p WHERE p.pronamespace = 'hiprx'::regnamespace
  UNION ALL SELECT format('role %s %s %s %s %s', rolname, rolcanlogin, rolsuper, rolcreaterole, rolinherit)
   FROM pg_roles WHERE rolname LIKE 'hiprx%'
  UNION ALL SELECT format('member %s %s %s', m.roleid::regrole, m.member::regrole, m.admin_option)
   FROM pg_auth_members m
  UNION ALL SELECT format('db %s %s', d.datacl, n.nspacl) FROM pg_database d, pg_namespace n
   WHERE d.datname = current_database() AND n.nspname = 'hiprx'
  UNION ALL SELECT format('setting %s', s.setconfig) FROM pg_db_role_setting s
   JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = current_database()) f (x)"
apply_security
first=$(q super "$fingerprint_sql")
apply_security
second=$(q super "$fingerprint_sql")
[ "$first" = "$second" ] || fail "clinic_security.sql applied twice gives the same roles, owners, grants and triggers"
expect super "SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid
                                                         AND t.tgname = 'hiprx_server_audit'))
              FROM pg_class c WHERE c.relnamespace = 'hiprx'::regnamespace AND c.relkind = 'r'
               AND c.relname NOT IN ('server_audit', 'access_log')" 0 "an audit trigger on every table"
expect super "SELECT count(*) FROM pg_class WHERE relnamespace = 'hiprx'::regnamespace
               AND relowner <> 'hiprx_owner'::regrole" 0 "hiprx_owner owns every table, index and sequence"
ok "clinic_security.sql applies twice with the same result (roles, owners, grants, triggers, settings)"

# -----------------------------------------------------------------------------------------------
# Logins: the first administrator (as clinic init makes it), then staff made by the administrator
# -----------------------------------------------------------------------------------------------
q super "SELECT hiprx.hiprx_create_login('carol', '$(password_of carol)', 'hiprx_admin')" >/dev/null
# carol's session asks for md5: the function stores SCRAM-SHA-256 all the same.
q carol "SET password_encryption = 'md5';
         SELECT hiprx.hiprx_create_login('alice', '$(password_of alice)', 'hiprx_therapist');
         SELECT hiprx.hiprx_create_login('bob', '$(password_of bob)', 'hiprx_frontdesk');" >/dev/null
expect super "SELECT string_agg(rolname || ':' || (rolpassword LIKE 'SCRAM-SHA-256\$%'), ' ' ORDER BY rolname)
              FROM pg_authid WHERE rolname IN ('alice', 'bob', 'carol')" \
    "alice:true bob:true carol:true" "passwords stored as SCRAM-SHA-256"
expect carol "SELECT string_agg(login || ':' || grp || ':' || can_login, ' ' ORDER BY login) FROM hiprx.hiprx_logins" \
    "alice:hiprx_therapist:true bob:hiprx_frontdesk:true carol:hiprx_admin:true" "hiprx_logins lists the staff logins"
expect alice "SELECT session_user || ' ' || pg_has_role('hiprx_therapist', 'USAGE')" "alice true" "alice logs in"
ok "an admin login (carol) creates a therapist (alice) and a front desk (bob) with hiprx_create_login; SCRAM-SHA-256 even when the session asks for md5; hiprx_logins lists them"

expect_error alice 42501 "permission denied for function hiprx_create_login" \
    "SELECT hiprx.hiprx_create_login('eve', 'long-enough-pw', 'hiprx_admin')" "a therapist cannot create logins"
expect_error carol 42501 "permission denied to create role" "CREATE ROLE eve LOGIN" \
    "an admin cannot create roles except through the function"
expect_error carol 22023 "a login is 2 to 63 characters" \
    "SELECT hiprx.hiprx_create_login('Eve; DROP ROLE x', 'long-enough-pw', 'hiprx_therapist')" "a bad login name"
expect_error carol 22023 "a login is 2 to 63 characters" \
    "SELECT hiprx.hiprx_create_login('hiprx_eve', 'long-enough-pw', 'hiprx_therapist')" "a hiprx_ login name"
expect_error carol 22023 "the group must be" \
    "SELECT hiprx.hiprx_create_login('eve', 'long-enough-pw', 'pg_execute_server_program')" "a group not HipRx's"
expect_error carol 22023 "at least 8 characters" \
    "SELECT hiprx.hiprx_create_login('eve', 'short', 'hiprx_therapist')" "a short password"
expect_error carol 22023 "md5 password hashes are not accepted" \
    "SELECT hiprx.hiprx_create_login('eve', 'md5' || md5('x'), 'hiprx_therapist')" "an md5 hash"
expect_error carol 42710 "exists already" \
    "SELECT hiprx.hiprx_create_login('alice', 'long-enough-pw', 'hiprx_therapist')" "an existing login"
expect_error carol 42501 "is not a HipRx staff login" "SELECT hiprx.hiprx_disable_login('$super_user')" \
    "an admin cannot disable the superuser"
expect_error carol 42501 "is not a HipRx staff login" "SELECT hiprx.hiprx_set_password('hiprx_owner', 'long-enough-pw')" \
    "an admin cannot give the owner role a password"
expect_error carol 22023 "your own login" "SELECT hiprx.hiprx_disable_login('carol')" "an admin cannot lock themselves out"
ok "login functions refuse non-admins, bad names, other groups, short or md5 passwords, existing logins, and roles that are not staff logins"

q super "CREATE ROLE mallory LOGIN PASSWORD '$(password_of mallory)'" >/dev/null
out=$(run mallory -c 'SELECT 1' 2>&1) && fail "a login in no HipRx group connects" "$out"
grep -qF 'permission denied for database' <<<"$out" || fail "a login in no HipRx group is refused" "$out"
ok "a login that is in no HipRx group cannot connect to the database"

# -----------------------------------------------------------------------------------------------
# The therapist's day: a patient, a visit, an issued program, its note, its email
# -----------------------------------------------------------------------------------------------
now="'2026-11-20T09:15:02.123Z'"
patient=$(q alice "INSERT INTO hiprx.patients (external_id, name, name_key, birth_date, phone, created_at, updated_at)
                   VALUES ('HX-77', 'José Pérez', 'jose perez', '1950-03-04', '555-0199', $now, $now) RETURNING id")
q alice "INSERT INTO hiprx.patient_search_tokens (token, patient_id) VALUES ('jose', $patient), ('perez', $patient)" >/dev/null
visit=$(q alice "INSERT INTO hiprx.visits (patient_id, visit_date, clinician, complaint, assessment_json, created_at, updated_at)
                 VALUES ($patient, '2026-11-20', 'Alice', 'left groin pain', '{\"finding\": \"FABER positive\"}', $now, $now)
                 RETURNING id")
program=$(q alice "INSERT INTO hiprx.programs (visit_id, version, issued_at, clinician, program_json, pdf)
                   VALUES ($visit, 1, $now, 'Alice', '{}', '\\x255044462d') RETURNING id")
q alice "INSERT INTO hiprx.visit_notes (program_id, made_at, pdf) VALUES ($program, $now, '\\x2550')" >/dev/null
outbox() { # STATUS: a message for the program, as WHO=alice
    q alice "INSERT INTO hiprx.outbox (visit_id, program_version, recipient, message_id, created_at, status)
             VALUES ($visit, 1, 'jose@example.org', 'm-' || gen_random_uuid(), $now, '$1') RETURNING id"
}
sent=$(outbox queued)
q alice "UPDATE hiprx.outbox SET status = 'sent', attempts = 1, sent_at = $now WHERE id = $sent" >/dev/null
failed=$(outbox failed)
q alice "INSERT INTO hiprx.outbox_discarded (outbox_id, discarded_at) VALUES ($failed, $now)" >/dev/null
q alice "INSERT INTO hiprx.assessment_drafts (patient_id, form_text, updated_at) VALUES ($patient, 'x', $now);
         DELETE FROM hiprx.assessment_drafts WHERE patient_id = $patient" >/dev/null
q alice "INSERT INTO hiprx.audit_log (at, clinician, action, entity, entity_id, detail)
         VALUES ($now, 'Alice', 'patient.create', 'patient', $patient, 'fields: name')" >/dev/null
ok "alice (therapist) inserts a patient and a visit, issues a program with its note, emails it, keeps a draft"

# -----------------------------------------------------------------------------------------------
# What nobody can change, not even the superuser (the triggers of the migrations)
# -----------------------------------------------------------------------------------------------
expect_error super 23001 "an issued program cannot be changed; issue a new version instead" \
    "UPDATE hiprx.programs SET clinician = 'X' WHERE id = $program" "update of an issued program"
expect_error super 23001 "an issued program cannot be deleted" \
    "DELETE FROM hiprx.programs WHERE id = $program" "delete of an issued program"
expect_error super 23001 "" "TRUNCATE hiprx.programs CASCADE" "truncate of issued programs"
ok "an issued program cannot be updated, deleted or truncated (SQLSTATE 23001, SQLite's message)"

expect_error super 23001 "a stored visit note cannot be changed" \
    "UPDATE hiprx.visit_notes SET made_at = 'x' WHERE program_id = $program" "update of a visit note"
expect_error super 23001 "a stored visit note cannot be deleted" \
    "DELETE FROM hiprx.visit_notes WHERE program_id = $program" "delete of a visit note"
expect_error super 23001 "a stored visit note cannot be deleted" "TRUNCATE hiprx.visit_notes" "truncate of visit notes"
ok "a stored visit note cannot be updated, deleted or truncated"

for table in audit_log server_audit access_log; do
    case $table in
        audit_log) message="the audit log cannot be changed" column=detail ;;
        server_audit) message="the server audit cannot be changed" column=fields ;;
        access_log) message="the access log cannot be changed" column=what ;;
    esac
    q super "INSERT INTO hiprx.access_log (patient_id, what) VALUES ($patient, 'check')" >/dev/null
    expect_error super 23001 "$message" "UPDATE hiprx.$table SET $column = $column" "update of $table"
    expect_error super 23001 "$message" "DELETE FROM hiprx.$table" "delete from $table"
    expect_error super 23001 "$message" "TRUNCATE hiprx.$table" "truncate of $table"
done
ok "audit_log, server_audit and access_log cannot be updated, deleted or truncated, even by the superuser"

expect_error super 23001 "a sent message cannot be changed" \
    "UPDATE hiprx.outbox SET status = 'failed' WHERE id = $sent" "change of a sent message"
expect_error super 23001 "the email history cannot be deleted" "DELETE FROM hiprx.outbox WHERE id = $sent" \
    "delete of a sent message"
expect_error super 23001 "a sent message cannot be discarded" \
    "INSERT INTO hiprx.outbox_discarded VALUES ($sent, $now)" "discard of a sent message"
expect_error super 23001 "a discarded message is not sent again" \
    "UPDATE hiprx.outbox SET status = 'sent' WHERE id = $failed" "sending a discarded message"
expect_error super 23001 "the email history cannot be changed" \
    "UPDATE hiprx.outbox_discarded SET discarded_at = 'x'" "change of a discard"
expect_error super 23001 "the email history cannot be deleted" "DELETE FROM hiprx.outbox_discarded" \
    "delete of a discard"
ok "a sent outbox row cannot change, be deleted or discarded; a discarded one is not sent again"

staff=$(q carol "INSERT INTO hiprx.staff (name, credentials, created_at) VALUES ('Alice Smith', 'PT', $now) RETURNING id")
expect_error super 23001 "staff are retired, never deleted" "DELETE FROM hiprx.staff WHERE id = $staff" "delete of staff"
q carol "UPDATE hiprx.staff SET active = 0 WHERE id = $staff" >/dev/null
ok "staff cannot be deleted (an admin retires them)"

q carol "INSERT INTO hiprx.protocols (name, program_json, created_at, updated_at) VALUES
         ('Hip week 2', '{}', $now, $now), ('École', '{}', $now, $now), ('école', '{}', $now, $now)" >/dev/null
expect_error carol 23505 "protocols_name_nocase" \
    "INSERT INTO hiprx.protocols (name, program_json, created_at, updated_at) VALUES ('HIP WEEK 2', '{}', $now, $now)" \
    "a protocol name differing in case only"
expect carol "SELECT string_agg(name, ',' ORDER BY id) FROM hiprx.protocols WHERE lower(name) = lower('ÉCOLE' COLLATE \"C\")" \
    "École" "lower(\$1 COLLATE \"C\") finds the name as NOCASE would"
ok "protocol names are unique without case for A-Z only, like SQLite's NOCASE ('École' and 'école' are two)"

# -----------------------------------------------------------------------------------------------
# The front desk: contact details yes, assessments no
# -----------------------------------------------------------------------------------------------
expect_error bob 42501 "permission denied for table visits" "SELECT assessment_json FROM hiprx.visits" \
    "front desk reading an assessment"
expect_error bob 42501 "permission denied for table visits" "SELECT complaint FROM hiprx.visits" \
    "front desk reading a complaint"
expect_error bob 42501 "permission denied for table visits" \
    "INSERT INTO hiprx.visits (patient_id, assessment_json, created_at, updated_at) VALUES ($patient, '{}', $now, $now)" \
    "front desk inserting a visit"
expect_error bob 42501 "permission denied for table assessment_drafts" "SELECT * FROM hiprx.assessment_drafts" \
    "front desk reading drafts"
expect_error bob 42501 "permission denied for table patients" \
    "UPDATE hiprx.patients SET created_at = 'x' WHERE id = $patient" "front desk changing created_at"
expect bob "SELECT count(*) FROM hiprx.visits" 1 "front desk counting visits"
expect bob "SELECT visit_date || ' ' || clinician FROM hiprx.visits WHERE id = $visit" "2026-11-20 Alice" \
    "front desk listing visits"
expect bob "SELECT length(pdf) FROM hiprx.programs WHERE id = $program" 5 "front desk reprinting"
bob_update="UPDATE hiprx.patients SET phone = '555-0123', updated_at = '2026-11-20T10:00:00.000Z'
            WHERE id = $patient AND row_version = 1 RETURNING row_version"
expect bob "$bob_update" 2 "front desk updating a phone number"
q bob "DELETE FROM hiprx.patient_search_tokens WHERE patient_id = $patient;
       INSERT INTO hiprx.patient_search_tokens VALUES ('jose', $patient), ('perez', $patient)" >/dev/null
q bob "INSERT INTO hiprx.outbox (visit_id, program_version, recipient, message_id, created_at)
       VALUES ($visit, 1, 'jose@example.org', 'm-bob-1', $now)" >/dev/null
q bob "SELECT hiprx.hiprx_log_access($patient, 'open')" >/dev/null
ok "bob (front desk) gets 42501 reading visits.assessment_json, inserting a visit or reading drafts; updates a phone (row_version 1 → 2), reprints, emails, logs a read"

expect_error alice 42501 "permission denied for table patients" "DELETE FROM hiprx.patients WHERE id = $patient" \
    "a therapist deleting a patient"
expect_error alice 42501 "permission denied for table staff" "UPDATE hiprx.staff SET active = 1" \
    "a therapist changing staff"
expect_error alice 42501 "permission denied for table exercises" \
    "INSERT INTO hiprx.exercises VALUES ('x', 0, '{}', $now)" "a therapist adding an exercise"
expect_error alice 42501 "permission denied for table server_audit" "SELECT * FROM hiprx.server_audit" \
    "a therapist reading the server audit"
expect_error bob 42501 "permission denied for table access_log" \
    "INSERT INTO hiprx.access_log (patient_id, what, login) VALUES (1, 'x', 'alice')" "writing the read log directly"
expect_error bob 42501 "permission denied for table audit_log" "UPDATE hiprx.audit_log SET detail = ''" \
    "front desk changing the app's audit log"
expect_error alice 42501 "permission denied to create temporary tables" "CREATE TEMP TABLE t (a int)" \
    "temporary tables"
expect alice "SHOW idle_in_transaction_session_timeout" "5min" "idle_in_transaction_session_timeout"
q carol "INSERT INTO hiprx.settings VALUES ('clinic.name', '\"Acme\"', $now)" >/dev/null
ok "a therapist cannot delete patients, change staff or exercises, read the server audit; nobody writes the logs directly; no temp tables; idle transactions end after 5 min"

# -----------------------------------------------------------------------------------------------
# The server audit: who (session_user), what, which fields, never a value
# -----------------------------------------------------------------------------------------------
expect carol "SELECT login || '|' || operation || '|' || row_id || '|' || fields FROM hiprx.server_audit
              WHERE table_name = 'patients' ORDER BY id" \
    "alice|INSERT|$patient|birth_date, created_at, email, external_id, id, name, name_key, phone, row_version, sex, updated_at
bob|UPDATE|$patient|phone, row_version, updated_at" "server_audit rows for the patient"
expect carol "SELECT login || '|' || operation || '|' || row_id FROM hiprx.server_audit
              WHERE table_name = 'visits'" "alice|INSERT|$visit" "server_audit row for the visit"
expect carol "SELECT login || '|' || operation || '|' || row_key || '|' || fields FROM hiprx.server_audit
              WHERE table_name = 'settings'" "carol|INSERT|clinic.name|key, updated_at, value" "settings audit"
expect carol "SELECT count(*) FROM hiprx.server_audit
              WHERE concat_ws('|', login, operation, table_name, row_id, row_key, fields)
                    ~* '555|jos|p[ée]rez|faber|groin|hx-77|1950|example'" 0 "no value in server_audit"
expect carol "SELECT login || '|' || patient_id || '|' || what FROM hiprx.access_log WHERE what = 'open'" \
    "bob|$patient|open" "access_log row"
ok "server_audit names alice and bob (session_user, not the owner) with the changed field names and no values; access_log names bob"

# -----------------------------------------------------------------------------------------------
# Optimistic locking: row_version
# -----------------------------------------------------------------------------------------------
expect alice "WITH u AS (UPDATE hiprx.patients SET phone = '555-0000' WHERE id = $patient AND row_version = 1 RETURNING 1)
              SELECT count(*) FROM u" 0 "a save with a stale row_version"
expect alice "SELECT phone || ' ' || row_version FROM hiprx.patients WHERE id = $patient" "555-0123 2" "the row kept"
expect alice "UPDATE hiprx.visits SET row_version = 100, complaint = 'left hip pain' WHERE id = $visit AND row_version = 1
              RETURNING row_version" 2 "visits row_version"
ok "row_version goes up by one on every UPDATE (whatever the UPDATE sets); a save with a stale row_version changes 0 rows"

# -----------------------------------------------------------------------------------------------
# Two desks: NOTIFY reaches the other desk only after COMMIT, with ids only
# -----------------------------------------------------------------------------------------------
start_session listener bob
say listener "LISTEN hiprx_change;"
settle listener
start_session writer alice
say writer "BEGIN;" "UPDATE hiprx.patients SET email = 'jp@example.org' WHERE id = $patient;" \
    "UPDATE hiprx.visits SET clinician = 'Alice S' WHERE id = $visit;"
settle writer
sleep 0.3
say listener "SELECT 1;"
settle listener
! grep -q 'Asynchronous notification' "$tmp/listener.out" \
    || fail "a notification arrived before COMMIT" "$(cat "$tmp/listener.out")"
say writer "COMMIT;"
settle writer
for _ in $(seq 1 50); do
    say listener "SELECT 1;"
    settle listener
    [ "$(grep -c 'Asynchronous notification' "$tmp/listener.out")" -lt 2 ] || break
    sleep 0.1
done
got=$(grep -o 'with payload "[^"]*"' "$tmp/listener.out" | sort | tr '\n' ' ')
want="with payload \"patients:$patient:$patient\" with payload \"visits:$visit:$patient\" "
[ "$got" = "$want" ] || fail "notifications after COMMIT" "want: $want"$'\n'"got:  $got"$'\n'"$(cat "$tmp/listener.out")"
end_session writer
ok "LISTEN hiprx_change (bob) sees nothing while alice's transaction is open and 'patients:$patient:$patient', 'visits:$visit:$patient' after COMMIT"

# -----------------------------------------------------------------------------------------------
# Two desks at once on the outbox: a discard and a send cannot both win
# -----------------------------------------------------------------------------------------------
waiting_for_lock() { # until a session of $1 waits on a lock
    local _ waiting
    for _ in $(seq 1 100); do
        waiting=$(q super "SELECT count(*) FROM pg_stat_activity WHERE usename = '$1' AND wait_event_type = 'Lock'")
        [ "$waiting" = 0 ] || return 0
        sleep 0.05
    done
    fail "no session of $1 waits for the other"
}
race() { # FIRST-SQL SECOND-SQL WANTED-ERROR
    start_session first alice
    start_session second carol
    say first "BEGIN;" "$1" ; settle first
    say second "$2"
    waiting_for_lock carol
    say first "COMMIT;"; settle first
    settle second
    grep -qF "$3" "$tmp/second.out" || fail "the later of two desks is refused: $3" "$(cat "$tmp/second.out")"
    end_session first
    end_session second
}
queued=$(outbox queued)
race "UPDATE hiprx.outbox SET status = 'sent', sent_at = $now WHERE id = $queued;" \
     "INSERT INTO hiprx.outbox_discarded VALUES ($queued, $now);" "a sent message cannot be discarded"
queued=$(outbox queued)
race "INSERT INTO hiprx.outbox_discarded VALUES ($queued, $now);" \
     "UPDATE hiprx.outbox SET status = 'sent', sent_at = $now WHERE id = $queued;" "a discarded message is not sent again"
ok "a send and a discard of one message at two desks at once: the second waits, then is refused"

# -----------------------------------------------------------------------------------------------
# A disabled login: its open session ends and it cannot connect again
# -----------------------------------------------------------------------------------------------
expect carol "SELECT hiprx.hiprx_disable_login('bob')" 1 "sessions ended by disabling bob"
say listener "SELECT 1;"
for _ in $(seq 1 100); do
    grep -q 'terminating connection due to administrator command' "$tmp/listener.out" && break
    sleep 0.05
done
grep -q 'terminating connection due to administrator command' "$tmp/listener.out" \
    || fail "bob's open session is ended" "$(cat "$tmp/listener.out")"
end_session listener
out=$(run bob -c 'SELECT 1' 2>&1) && fail "a disabled login connects" "$out"
grep -qF 'role "bob" is not permitted to log in' <<<"$out" || fail "a disabled login is refused" "$out"
expect carol "SELECT can_login FROM hiprx.hiprx_logins WHERE login = 'bob'" f "hiprx_logins shows bob disabled"
q carol "SELECT hiprx.hiprx_enable_login('bob'); SELECT hiprx.hiprx_set_password('bob', 'a-new-password-2')" >/dev/null
out=$(PGUSER=bob PGPASSWORD=a-new-password-2 PGDATABASE=$db psql -X -A -t -c 'SELECT session_user' 2>&1) \
    || fail "bob logs in again with the new password" "$out"
ok "a disabled login's open session is ended and it cannot connect ('not permitted to log in'); enabled again with a new password it can"

echo "# all checks passed"
