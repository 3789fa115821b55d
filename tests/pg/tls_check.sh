#!/usr/bin/env bash
# hiprx-cli reaching a clinic server over TLS with the server checked (sslmode=verify-full), on a
# throw-away server (run by ctest -L pg under installer/with-test-server.sh):
#   bash tests/pg/tls_check.sh path/to/hiprx-cli
# It makes a clinic certificate authority and a server certificate for "localhost" with openssl,
# turns TLS on in the test server, and lets its database take TLS connections only. Then:
#   - with the clinic's CA file the desk connects (and the server says the session is encrypted);
#   - with another CA, or by an address the certificate does not name (127.0.0.1), it is refused
#     in words and nothing is read.
# One "ok - …" line per check; exits 1 at the first failure, 77 (skipped) without a server.
set -uo pipefail
cli=$(realpath "${1:?usage: tls_check.sh HIPRX-CLI}")
[ -n "${PGHOST:-}" ] || { echo "skipped: no PGHOST (run under installer/with-test-server.sh)"; exit 77; }
command -v openssl >/dev/null || { echo "skipped: openssl is not installed"; exit 77; }
work=$(mktemp -d)
export HOME=$work/home HIPRX_TODAY=2026-12-06
mkdir -p "$HOME"
db=hiprx_tls_$$
hba=$(psql -Atc "SHOW hba_file" postgres) || { echo "not ok - the test server cannot be asked where pg_hba.conf is"; exit 1; }
datadir=$(psql -Atc "SHOW data_directory" postgres)
# Only a throw-away server on this computer whose files this script may change (pg_virtualenv's).
if [ ! -w "$hba" ] || [ ! -d "$datadir" ] || { [[ "$datadir" != */pg_virtualenv.* ]] && [ -z "${HIPRX_PG_CHECK_ANY_SERVER:-}" ]; }; then
  echo "skipped: the server is not a throw-away one on this computer (run under installer/with-test-server.sh)"
  exit 77
fi
owner=$(stat -c %U "$datadir")
certdir=$datadir/hiprx-tls-$$

. "$(dirname "${BASH_SOURCE[0]}")/cli_expect.sh"

cp "$hba" "$work/pg_hba.conf.orig" || { echo "not ok - copying pg_hba.conf"; exit 1; }
# Killed without its EXIT trap (a ctest timeout), it leaves the server changed: pg_virtualenv throws
# the whole cluster away after the run anyway.
restore_server() {
  cp "$work/pg_hba.conf.orig" "$hba"
  psql -qc "ALTER SYSTEM RESET ssl" -c "ALTER SYSTEM RESET ssl_cert_file" -c "ALTER SYSTEM RESET ssl_key_file" \
    -c "SELECT pg_reload_conf()" postgres >/dev/null 2>&1
  dropdb --if-exists --force "$db" 2>/dev/null
  rm -rf "$certdir" "$work"
}
trap restore_server EXIT

# The clinic's certificate authority, a server certificate it signs for "localhost", and a CA of
# somebody else's.
cd "$work"
quiet() { "$@" >/dev/null 2>&1 || fail "openssl: $*" "$("$@" 2>&1)"; }
quiet openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Clinic test CA" -keyout ca.key -out ca.crt
quiet openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Somebody else" -keyout other.key -out other.crt
quiet openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr
printf 'subjectAltName=DNS:localhost\n' > san.ext
quiet openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.crt
{ mkdir -p "$certdir" && cp server.crt server.key "$certdir/" && chown -R "$owner" "$certdir" &&
  chmod 700 "$certdir" && chmod 600 "$certdir/server.key"; } || fail "placing the server certificate for the server" ""

# TLS on, and this database reachable over TCP only with TLS (other tests' databases unchanged).
createdb "$db" || fail "createdb" ""
{ echo "hostnossl $db all 127.0.0.1/32 reject"; echo "hostnossl $db all ::1/128 reject"; cat "$work/pg_hba.conf.orig"; } > "$hba" ||
  fail "writing pg_hba.conf" ""
psql -qc "ALTER SYSTEM SET ssl_cert_file = '$certdir/server.crt'" -c "ALTER SYSTEM SET ssl_key_file = '$certdir/server.key'" \
  -c "ALTER SYSTEM SET ssl = on" -c "SELECT pg_reload_conf()" postgres >/dev/null || fail "turning TLS on" ""
# The certificate is in use once a connection that requires TLS gets one (SHOW ssl says on even when
# loading the certificate failed).
port=${PGPORT:-5432}
for _ in 1 2 3 4 5 6 7 8 9 10; do
  psql -Atc 'SELECT 1' "postgresql://localhost:$port/postgres?sslmode=require" >/dev/null 2>&1 && break
  sleep 0.3
done
psql -Atc 'SELECT 1' "postgresql://localhost:$port/postgres?sslmode=require" >/dev/null 2>&1 ||
  fail "the test server did not take TLS connections" "$(psql -Atc 'SELECT 1' "postgresql://localhost:$port/postgres?sslmode=require" 2>&1)"
"$cli" clinic init "postgresql:///$db" >/dev/null || fail "clinic init" ""

url="postgresql://localhost:$port/$db?sslmode=verify-full&sslrootcert=$work/ca.crt"
expect "with the clinic's certificate authority the desk connects (sslmode=verify-full)" 0 "No patients yet" \
  "$cli" --db "$url" patients
[ "$(psql -Atc "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()" "$url")" = t ] ||
  fail "the same address gives an encrypted session" ""
ok "the same address gives an encrypted session"
expect "a plain connection to the database is refused by the server" 1 "rejects connection" \
  "$cli" --db "postgresql://localhost:$port/$db?sslmode=disable" patients
expect "a server whose certificate another authority signed is refused" 1 "certificate" \
  "$cli" --db "postgresql://localhost:$port/$db?sslmode=verify-full&sslrootcert=$work/other.crt" patients
expect "an address the certificate does not name is refused (verify-full checks the name)" 1 "does not match" \
  "$cli" --db "postgresql://127.0.0.1:$port/$db?sslmode=verify-full&sslrootcert=$work/ca.crt" patients
echo "all TLS checks passed"
