#!/bin/sh
# Integration tests need PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres).
set -eu
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then exit 0; fi
echo "Starting PostgreSQL..."
if command -v pg_ctlcluster >/dev/null 2>&1; then
  for version in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
fi
for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p 5432; then exit 0; fi
  sleep 1
done
echo "PostgreSQL is not reachable on 127.0.0.1:5432; install it (apt-get install -y postgresql) or set TEST_POSTGRES_URL." >&2
exit 1
