#!/usr/bin/env bash
# Adds an EF Core migration for both providers: ./scripts/add-migration.sh AddSomething
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "${BASH_SOURCE[0]}")/../src/Workflows"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --context "${provider}WorkflowDbContext" \
    --output-dir "Persistence/Migrations/$provider" \
    --namespace "Anju.Workflows.Persistence.Migrations.$provider"
done
# EF places a first model snapshot by namespace; keep it beside its migrations.
if [[ -d Anju ]]; then
  for provider in Sqlite Postgres; do
    mv Anju/Workflows/Persistence/Migrations/$provider/*.cs "Persistence/Migrations/$provider/" 2>/dev/null || true
  done
  rm -rf Anju
fi
