#!/usr/bin/env bash
# Installs the Debian packages listed in debian-packages.txt that are missing.
# Fast when everything is present: one dpkg query, no network.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
list=${MAILSIM_PACKAGE_LIST:-$here/debian-packages.txt}
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$' || true)

if [ ${#wanted[@]} -eq 0 ]; then
  echo "deps: $list names no package" >&2
  exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "deps: this is not a Debian system (no dpkg/apt-get)." >&2
  echo "deps: install these packages (Debian 12 names) by hand: ${wanted[*]}" >&2
  exit 1
fi

# dpkg-query exits 1 when any named package is unknown or not installed, yet still prints the
# ones it knows: that status is expected here, not a failure.
status=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null || true)
installed=$(awk '$2 == "installed" { sub(/:.*/, "", $1); print $1 }' <<<"$status")
missing=()
for p in "${wanted[@]}"; do
  grep -qxF "$p" <<<"$installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#wanted[@]} Debian packages are present"
  exit 0
fi

echo "deps: ${#missing[@]} of ${#wanted[@]} Debian packages are missing: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
    echo "deps: you are not root: installing with sudo"
  else
    echo "deps: you are not root and sudo is not installed." >&2
    echo "deps: as root, run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "deps: apt-get update"
if ! "${sudo[@]}" apt-get update -q; then
  echo "deps: 'apt-get update' failed; check the network and /etc/apt/sources.list, then run 'make deps' again" >&2
  exit 1
fi
echo "deps: apt-get install ${missing[*]}"
if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  echo "deps: 'apt-get install' failed; the packages still missing are: ${missing[*]}" >&2
  echo "deps: run 'make deps' again, or install them by hand with apt-get" >&2
  exit 1
fi
echo "deps: installed ${missing[*]}"
