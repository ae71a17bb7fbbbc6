#!/usr/bin/env bash
# End-to-end: posts made from examples/ (or the folders given) are built by real Jekyll (with the
# minima theme) and real Hugo from Debian packages, offline, and the rendered HTML is checked:
# titles, resolving footnotes, tags, intact Korean. One PASS/FAIL line per check; exit 1 on any FAIL.
#
#   e2e/ssg/run.sh [INPUT...]        (as root the first time: installs jekyll, minima and hugo with apt-get)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=("$repo/examples")
work="$(mktemp -d /tmp/newsdesk-ssg.XXXXXX)"
trap 'rm -rf "$work"' EXIT

need_install=()
command -v jekyll >/dev/null || need_install+=(jekyll)
dpkg -s jekyll-theme-minima >/dev/null 2>&1 || need_install+=(jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag)
command -v hugo >/dev/null || need_install+=(hugo)
if [ ${#need_install[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "FAIL install: need root to apt-get install ${need_install[*]}"; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_install[@]}" >/dev/null
fi

[ -f "$repo/dist/cli/main.js" ] || (cd "$repo" && npx tsc -p .)
status=0
for preset in jekyll hugo; do
  site="$work/$preset"
  cp -r "$here/site-$preset" "$site"
  posts="$site/_posts"; [ "$preset" = hugo ] && posts="$site/content/posts"
  mkdir -p "$posts"
  (cd "$work" && node "$repo/dist/cli/main.js" digest "${inputs[@]}" --preset "$preset" --out "$posts" --db :memory: --quiet >/dev/null)
  if [ "$preset" = jekyll ]; then
    # Jekyll leaves posts dated in the future out unless --future; news can be dated today in another zone.
    (cd "$site" && jekyll build --future --quiet --source . --destination _site) > "$work/$preset.log" 2>&1 || { cat "$work/$preset.log"; echo "FAIL jekyll build"; status=1; continue; }
    out="$site/_site"
  else
    (cd "$site" && hugo --buildFuture --quiet --destination public) > "$work/$preset.log" 2>&1 || { cat "$work/$preset.log"; echo "FAIL hugo build"; status=1; continue; }
    out="$site/public"
  fi
  echo "PASS $preset build ($(ls "$posts" | wc -l) posts)"
  node "$here/check-html.mjs" "$preset" "$posts" "$out" || status=1
done
[ $status = 0 ] && echo "ssg e2e: all checks passed" || echo "ssg e2e: FAILED"
exit $status
