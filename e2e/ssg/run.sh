#!/usr/bin/env bash
# End-to-end: posts made from examples/ (or the folders given) are built by real Jekyll (with the
# minima theme) and real Hugo from Debian packages, offline, and the rendered HTML is checked:
# titles, resolving footnotes, tags, intact Korean. Then posts from hostile articles (e2e/ssg/hostile,
# plus a file whose name carries markup, template code, blank lines and a terminal escape) must build
# too, with no live script, handler, non-http(s) link or template output (check-hostile.mjs).
# One PASS/FAIL line per check; exit 1 on any FAIL.
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
# The hostile set: the fixture articles, and the blog text under a file name no site should choke on.
hostile="$work/hostile"
mkdir -p "$hostile"
cp "$here/hostile/"*.html "$hostile/"
cp "$here/hostile/blog.txt" "$hostile/"$'블로그 {{ site.time }} {% include passwd %} <img src=x onerror=alert(9)> `x`\n\n<b>굵게 \e]0;owned\a.txt'

status=0
# build SET PRESET CHECKER INPUT...: digest the inputs into a fresh site, build it, run the checker.
build() {
  local set="$1" preset="$2" checker="$3"; shift 3
  local site="$work/$set-$preset" out
  cp -r "$here/site-$preset" "$site"
  local posts="$site/_posts"; [ "$preset" = hugo ] && posts="$site/content/posts"
  mkdir -p "$posts"
  (cd "$work" && node "$repo/dist/cli/main.js" digest "$@" --preset "$preset" --out "$posts" --db :memory: --quiet >/dev/null)
  if [ "$preset" = jekyll ]; then
    # Jekyll leaves posts dated in the future out unless --future; news can be dated today in another zone.
    (cd "$site" && jekyll build --future --quiet --source . --destination _site) > "$work/$set-$preset.log" 2>&1 || { cat "$work/$set-$preset.log"; echo "FAIL $set jekyll build"; status=1; return; }
    out="$site/_site"
  else
    (cd "$site" && hugo --buildFuture --quiet --destination public) > "$work/$set-$preset.log" 2>&1 || { cat "$work/$set-$preset.log"; echo "FAIL $set hugo build"; status=1; return; }
    out="$site/public"
  fi
  echo "PASS $set $preset build ($(ls "$posts" | wc -l) posts)"
  node "$here/$checker" "$preset" "$posts" "$out" || status=1
}
for preset in jekyll hugo; do
  build examples "$preset" check-html.mjs "${inputs[@]}"
  build hostile "$preset" check-hostile.mjs "$hostile"
done
[ $status = 0 ] && echo "ssg e2e: all checks passed" || echo "ssg e2e: FAILED"
exit $status
