#!/bin/sh
# Stand-in for Prisma's schema-engine binary, which cannot be downloaded offline.
# `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to name an existing file.
# Migrations are applied by the project's own migrator instead (npm run db:migrate).
echo "The Prisma schema engine is not installed in this project. Use 'npm run db:migrate' (see ARCHITECTURE.md)." >&2
exit 1
