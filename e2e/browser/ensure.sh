#!/usr/bin/env bash
# The workbench's browser test drives Debian's Chromium (/usr/bin/chromium) with Korean fonts. On a fresh
# machine `npm test` runs this first (npm's pretest): as root it installs both with apt-get; otherwise it
# says how, and the browser test then fails with the same advice.
set -euo pipefail
[ -n "${NEWSDESK_CHROMIUM:-}" ] && exit 0
if [ -x /usr/bin/chromium ] && dpkg -s fonts-nanum >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "newsdesk tests: Chromium or fonts-nanum missing; run: sudo apt-get install -y chromium fonts-nanum" >&2
  exit 0
fi
echo "newsdesk tests: installing Debian's chromium and fonts-nanum (once)" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-nanum >/dev/null
