#!/usr/bin/env bash
# Playwright cannot download its own browsers here, so the end-to-end tests use Debian's
# Chromium. Installs it when missing (as root, with apt-get); otherwise says what to do.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the end-to-end tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium at /usr/bin/chromium: install it with 'sudo apt-get install chromium'." >&2
exit 1
