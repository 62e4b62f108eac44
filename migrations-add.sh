#!/usr/bin/env bash
# Adds a migration named $1 for both providers (SQLite and PostgreSQL); each has its own folder.
set -euo pipefail
cd "$(dirname "$0")"
[ $# -eq 1 ] || { echo "usage: $0 MigrationName" >&2; exit 2; }
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project src/ThiDua.Web --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite --namespace ThiDua.Data.Migrations.Sqlite
dotnet ef migrations add "$1" --project src/ThiDua.Web --context PostgresAppDbContext --output-dir Data/Migrations/Postgres --namespace ThiDua.Data.Migrations.Postgres --no-build
