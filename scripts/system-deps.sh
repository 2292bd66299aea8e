#!/usr/bin/env bash
# The Debian packages the tests and exports need, in one list (`make test`, `make zim` and .ci/run
# call this). Installs what is missing when it can (root, or sudo without a password); otherwise
# stops at once with the one `apt-get install` line to run. Silent and fast when all is present.
set -euo pipefail

packages=(
  chromium              # browser tests (Playwright) and `make pdf`
  default-jre-headless  # the Nu HTML Checker (vnu.jar)
  hunspell              # spelling in `make check`
  hunspell-tools        # unmunch: word forms for the search benchmark's queries
  hunspell-ru hunspell-be hunspell-en-us hunspell-en-gb  # the dictionaries (ru_RU, be_BY, en_GB)
  poppler-utils         # pdftotext and pdfinfo: the PDF tests read the handbooks back
  zim-tools             # zimwriterfs and zimcheck: `make zim`
  kiwix-tools           # kiwix-serve: the ZIM files opened as a Kiwix reader would
  librsvg2-bin          # rsvg-convert: the ZIM files' 48 px illustration from the favicon
  graphviz              # dot: figures drawn at build time
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "scripts/system-deps.sh: no dpkg on this machine - install the equivalents of: ${packages[*]}" >&2
  exit 0
fi

# One dpkg-query for the whole list; a package never installed is reported on stderr and left out.
installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${packages[@]}" 2>/dev/null \
  | awk '$1 == "ii" { print $2 }' || true)
missing=()
for package in "${packages[@]}"; do
  grep -qx "$package" <<<"$installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "Missing Debian packages: ${missing[*]} - install them with:" >&2
  echo "  sudo apt-get update && sudo $line" >&2
  exit 1
fi
echo "Installing the missing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
