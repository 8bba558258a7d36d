#!/bin/sh
# Starts Chromium ($WXTOKEN_CHROMIUM_BINARY) with every --disable-features list it was given merged into one:
# Chromium obeys only the last such flag, and Playwright passes its own list before ours.
binary="${WXTOKEN_CHROMIUM_BINARY:?}"
disabled=""
for arg in "$@"; do
  shift
  case "$arg" in
    --disable-features=*) disabled="${disabled:+$disabled,}${arg#--disable-features=}" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
exec "$binary" "$@" ${disabled:+"--disable-features=$disabled"}
