#!/bin/sh
# Prisma's native schema engine cannot be downloaded on our offline machines.
# `prisma generate` only needs this path to exist; anything that tries to run it lands here.
echo "The native Prisma schema engine is not available offline. Use npm run db:migrate / db:migration:create / db:drift (see README)." >&2
exit 1
