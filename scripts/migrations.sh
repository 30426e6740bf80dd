#!/usr/bin/env bash
# Migrations exist per provider (EF "migrations with multiple providers"): one folder each.
#   scripts/migrations.sh add NAME   add a migration for SQLite and PostgreSQL
#   scripts/migrations.sh reset      delete all migrations and create "Initial" again (only before the first release)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/TechBridge/TechBridge.csproj
dir=src/TechBridge/Platform/Persistence/Migrations
case "${1:-}" in
  add) name=${2:?name} ;;
  # The model snapshots land outside $dir (under src/TechBridge/TechBridge/...); a reset that kept them would
  # produce an "Initial" holding only the tables added since, so they go too.
  reset) name=Initial; rm -rf "$dir"; find src/TechBridge -name '*ModelSnapshot.cs' -delete ;;
  *) echo "usage: $0 add NAME | reset" >&2; exit 2 ;;
esac
dotnet build "$project" --no-incremental -v q -nologo | grep -E " error |rror\(s\)" || true
dotnet ef migrations add "$name" --no-build --project "$project" --context SqlitePlatformDbContext --output-dir Platform/Persistence/Migrations/Sqlite
dotnet ef migrations add "$name" --no-build --project "$project" --context PostgresPlatformDbContext --output-dir Platform/Persistence/Migrations/Postgres
