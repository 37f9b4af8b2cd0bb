#!/usr/bin/env bash
# The README's test command (`npm run test:all`): installs what the tests need and the machine lacks,
# then runs every test (`npm test`). .ci/run calls this same command on a clean checkout.
#
# Needs Node 20 with `npm ci` done; Chromium (Debian package `chromium`, or CHROME_PATH set to a Chrome
# or Chromium binary) for the element and end-to-end tests; PostgreSQL 15 or newer server programs
# (Debian package `postgresql`: initdb, pg_ctl) for the server tests' PostgreSQL server, which
# scripts/with-postgres.mjs starts on a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  can_install=false
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
      can_install=true
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
      can_install=true
    fi
  fi
  if $can_install; then
    echo "Installing ${missing[*]} with apt-get for the tests…"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The tests need what this machine lacks and cannot install it here (no apt-get, or neither root nor passwordless sudo):" >&2
    for package in "${missing[@]}"; do
      case $package in
        chromium) echo "  - Chromium: 'apt-get install chromium' on Debian, or set CHROME_PATH to a Chrome or Chromium binary" >&2 ;;
        postgresql) echo "  - PostgreSQL 15 or newer server programs (initdb, pg_ctl): 'apt-get install postgresql' on Debian" >&2 ;;
      esac
    done
    exit 1
  fi
fi

npm test
