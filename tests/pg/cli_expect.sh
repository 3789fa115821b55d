# Sourced by the clinic-mode scripts that run hiprx-cli (cli_check.sh, tls_check.sh): one
# "ok - …" line per check, "not ok - …" with the output and exit 1 at the first failure.
fail() { echo "not ok - $1"; echo "$2" | sed 's/^/    /'; exit 1; }
ok() { echo "ok - $1"; }
# expect DESCRIPTION EXIT-CODE TEXT-IN-OUTPUT command…: the command exits with EXIT-CODE and prints
# TEXT (empty: anything).
expect() {
  local what=$1 code=$2 text=$3; shift 3
  local out rc
  out=$("$@" 2>&1); rc=$?
  [ "$rc" = "$code" ] || fail "$what (exit $rc, expected $code)" "$out"
  [ -z "$text" ] || grep -qF -- "$text" <<<"$out" || fail "$what (no \"$text\")" "$out"
  ok "$what"
}
