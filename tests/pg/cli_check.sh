#!/usr/bin/env bash
# hiprx-cli in clinic mode, as an administrator, a therapist and a front desk would use it, on a
# throw-away server (run by ctest -L pg under installer/with-test-server.sh):
#   bash tests/pg/cli_check.sh path/to/hiprx-cli
# One "ok - …" line per check; exits 1 at the first failure, 77 (skipped) without a server.
set -uo pipefail
cli=${1:?usage: cli_check.sh HIPRX-CLI}
[ -n "${PGHOST:-}" ] || { echo "skipped: no PGHOST (run under installer/with-test-server.sh)"; exit 77; }
root=$(dirname "$0")/../..
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home HIPRX_TODAY=2026-12-06
mkdir -p "$HOME"
suffix=$$
db=hiprx_cli_$suffix
admin=carol_$suffix alice=alice_$suffix bob=bob_$suffix
createdb "$db" || { echo "not ok - createdb"; exit 1; }
cleanup_server() {
  dropdb --if-exists --force "$db" 2>/dev/null
  dropdb --if-exists --force "${db}_moved" 2>/dev/null
  for r in "$admin" "$alice" "$bob"; do psql -qc "DROP ROLE IF EXISTS $r" postgres 2>/dev/null; done
}
trap 'cleanup_server; rm -rf "$work"' EXIT

. "$(dirname "${BASH_SOURCE[0]}")/cli_expect.sh"

expect "clinic init sets up the server and the first administrator" 0 "ready at schema" \
  bash -c "echo 'admin password 1' | '$cli' clinic init postgresql:///$db --admin $admin"
C="postgresql://$admin@localhost/$db" A="postgresql://$alice@localhost/$db" B="postgresql://$bob@localhost/$db"
expect "clinic init again (after an update) changes nothing and says nothing more" 0 "ready at schema" \
  "$cli" clinic init "postgresql:///$db"
expect "the administrator adds a therapist with a login" 0 "with the login $alice (Therapist)" \
  bash -c "echo 'alice password 1' | PGPASSWORD='admin password 1' '$cli' --db '$C' staff add 'Alice Ng' --credentials PT --login $alice"
expect "and a front desk" 0 "(Front desk)" \
  bash -c "echo 'bob password 12' | PGPASSWORD='admin password 1' '$cli' --db '$C' staff add 'Bob Reyes' --login $bob --role frontdesk"
expect "a short password is refused naming the field" 2 "password: at least 8 characters" \
  bash -c "echo 'short' | PGPASSWORD='admin password 1' '$cli' --db '$C' staff add 'Short Pw' --login shorty_$suffix"
expect "staff logins lists them with their role" 0 "Front desk" \
  env PGPASSWORD='admin password 1' "$cli" --db "$C" staff logins
expect "a therapist cannot add people or logins" 1 "your login may not do this" \
  bash -c "echo 'x password 1' | PGPASSWORD='alice password 1' '$cli' --db '$A' staff add 'X Y' --login x_$suffix"
expect "the therapist imports a visit" 0 "imported" \
  env PGPASSWORD='alice password 1' "$cli" --db "$A" import "$root/assets/examples/desk_worker_tight_hip_flexors.json"
expect "the front desk sees the patient list" 0 "Sam Carter" env PGPASSWORD='bob password 12' "$cli" --db "$B" patients
expect "and the patient's visits, without what they were about" 0 "VISIT  DATE" \
  env PGPASSWORD='bob password 12' "$cli" --db "$B" show 1
env PGPASSWORD='bob password 12' "$cli" --db "$B" show 1 | grep -q "Stiff\|tight" && fail "the front desk saw the complaint" ""
expect "but not the findings" 1 "your login may not do this at this clinic" \
  env PGPASSWORD='bob password 12' "$cli" --db "$B" export 1 --out "$work/visit.json"
expect "the therapist issues the program" 0 "" \
  env PGPASSWORD='alice password 1' "$cli" --db "$A" issue 1
expect "the front desk reprints it as issued" 0 "Wrote" \
  env PGPASSWORD='bob password 12' "$cli" --db "$B" pdf 1 --out "$work/reprint.pdf"
expect "and emails it (a relay that does not answer keeps it in the outbox)" 1 "kept in the outbox" \
  env PGPASSWORD='bob password 12' "$cli" --db "$B" email 1 --to sam@example.org --smtp smtp://127.0.0.1:9 --from desk@clinic.example
expect "and sees it in the outbox" 0 "sam@example.org" env PGPASSWORD='bob password 12' "$cli" --db "$B" outbox
expect "and tries it again" 1 "kept in the outbox" \
  env PGPASSWORD='bob password 12' "$cli" --db "$B" retry 1 --smtp smtp://127.0.0.1:9 --from desk@clinic.example
expect "a wrong password is refused in words" 1 "password authentication failed" \
  env PGPASSWORD=nope "$cli" --db "$B" patients
expect "the administrator disables the front desk" 0 "can no longer log in" \
  env PGPASSWORD='admin password 1' "$cli" --db "$C" staff disable "$bob"
expect "who then cannot log in" 1 "not permitted to log in" env PGPASSWORD='bob password 12' "$cli" --db "$B" patients
expect "a staff login cannot make the server's backup" 1 "no backup was written" \
  env PGPASSWORD='admin password 1' "$cli" --db "$C" backup "$work/clinic.dump"
[ ! -e "$work/clinic.dump" ] || fail "a failed backup left a file" ""
expect "the superuser's backup is a pg_dump file" 0 "pg_dump custom format" "$cli" --db "postgresql:///$db" backup "$work/clinic.dump"
[ "$(stat -c %a "$work/clinic.dump")" = 600 ] || fail "the backup is not 0600" "$(stat -c %a "$work/clinic.dump")"
ok "the backup can be read by its owner only"
expect "restore into a server is refused with what to do" 2 "pg_restore" "$cli" --db "postgresql:///$db" restore "$work/clinic.dump"
expect "a plain connection to another computer is refused" 1 "would not check the server" \
  "$cli" --db "postgresql://alice@db.clinic.example/hiprx?sslmode=disable" patients

# Moving a solo practice in.
solo=$work/solo.sqlite
for f in "$root"/assets/examples/*.json; do "$cli" --db "$solo" import "$f" >/dev/null || fail "import $f" ""; done
before=$(sha256sum "$solo")
createdb "${db}_moved"
"$cli" clinic init "postgresql:///${db}_moved" >/dev/null || fail "clinic init of the new database" ""
expect "clinic migrate copies the practice and checks every table" 0 "every table's rows and checksum match" \
  "$cli" clinic migrate "$solo" "postgresql:///${db}_moved"
[ "$(sha256sum "$solo")" = "$before" ] || fail "the file was changed" ""
ok "the solo file was not changed"
expect "the moved patients are there" 0 "Margaret O'Neill" "$cli" --db "postgresql:///${db}_moved" patients
expect "a second move into a database with records is refused" 1 "already holds records" \
  "$cli" clinic migrate "$solo" "postgresql:///${db}_moved"
