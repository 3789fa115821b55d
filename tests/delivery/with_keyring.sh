#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command with a real, unlocked system keyring: meant to be started by
#   dbus-run-session -- with_keyring.sh COMMAND...
# It starts gnome-keyring-daemon (Secret Service only) on that private session bus with a fresh
# login keyring in a scratch HOME, waits until the service answers, then runs COMMAND. The daemon
# runs in the foreground as this script's child, so it is stopped and reaped at the end.
set -u
scratch=$(mktemp -d)
daemon=
trap '[ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null; rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
export HIPRX_EXPECT_SECRET_SERVICE=1
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
printf 'hiprx-test-keyring' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
daemon=$!
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
  tries=$((tries + 1))
  if [ "$tries" -ge 100 ]; then
    echo "with_keyring: the secret service did not appear on the session bus" >&2
    exit 1
  fi
  sleep 0.1
done
"$@"
status=$?
exit "$status"
