#!/usr/bin/env bash
# Installs every Debian 12 package HipRx needs to build, run, test and package.
# Idempotent; run as root or through sudo. Nothing is downloaded outside apt.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache dpkg-dev fakeroot file
  # libraries linked by HipRx
  libwxgtk3.2-dev libsqlitecpp-dev libsqlite3-dev libhpdf-dev
  nlohmann-json3-dev libcli11-dev libqrencode-dev libcurl4-openssl-dev
  libpoppler-cpp-dev libpng-dev libturbojpeg0-dev zlib1g-dev libsecret-1-dev
  # clinic mode: the PostgreSQL client library
  libpq-dev
  # fonts embedded in the PDF
  fonts-dejavu-core fontconfig
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth imagemagick poppler-utils python3-aiosmtpd
  # a throw-away PostgreSQL 15 server for the clinic-mode tests (pg_virtualenv); openssl makes the TLS test's CA
  postgresql-15 postgresql-common openssl
  # a real system keyring for the password-store tests
  gnome-keyring dbus
  # the sanitizer build, fuzzers and crash campaign (preset asan, tests/reliability/ci.sh)
  clang-14 libclang-rt-14-dev python3
)

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: run as root or install sudo" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
