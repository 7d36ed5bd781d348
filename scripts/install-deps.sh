#!/usr/bin/env bash
# Installs what kam needs on a fresh Debian machine, only if it is missing:
# libxlsxwriter (workbooks), SQLite headers (the store), tzdata (Asia/Shanghai),
# and Debian's python3-openpyxl, the independent reader the tests check workbooks with;
# msmtp (the sendmail command the mail tests use) and python3-aiosmtpd (their SMTP server on 127.0.0.1);
# chromium, chromium-driver and python3-selenium: the portal's browser test (headless, offline).
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists xlsxwriter 2>/dev/null || need+=(libxlsxwriter-dev)
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
[ -f /usr/share/zoneinfo/Asia/Shanghai ] || need+=(tzdata)
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
command -v msmtp >/dev/null 2>&1 || need+=(msmtp)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
/usr/bin/python3 -c 'import selenium' 2>/dev/null || need+=(python3-selenium)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi
