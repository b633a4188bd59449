#!/bin/sh
# Playwright drives Debian's Chromium (its own browser download is impossible offline):
# chromium-headless-shell for the headless test runs (the build Playwright itself runs
# headless tests in; a third of the full browser's CPU per page here), chromium for a
# run you watch (`--headed`, with CHROMIUM_PATH=/usr/bin/chromium).
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromium-headless-shell ]; then exit 0; fi
echo "Installing Chromium and its headless shell from Debian's packages..."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-headless-shell >/dev/null
/usr/bin/chromium --version
