#!/usr/bin/env bash
# Adds an EF Core migration for both providers:
#   ./scripts/add-migration.sh workflows AddSomething   (the engine's tables, src/Workflows.Storage)
#   ./scripts/add-migration.sh host AddSomething        (identity, jurisdictions, ..., src/Host)
set -euo pipefail
target="${1:?usage: scripts/add-migration.sh workflows|host MigrationName}"
name="${2:?usage: scripts/add-migration.sh workflows|host MigrationName}"
case "$target" in
  workflows) project=Workflows.Storage; context=WorkflowDbContext; namespace=Anju.Workflows.Persistence.Migrations ;;
  host) project=Host; context=HostDbContext; namespace=Anju.Host.Persistence.Migrations ;;
  *) echo "unknown target '$target' (workflows or host)" >&2; exit 2 ;;
esac
cd "$(dirname "${BASH_SOURCE[0]}")/../src/$project"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --context "${provider}${context}" \
    --output-dir "Persistence/Migrations/$provider" --namespace "$namespace.$provider"
done
# EF places a first model snapshot by namespace; keep it beside its migrations.
if [[ -d Anju ]]; then
  for provider in Sqlite Postgres; do
    find Anju -path "*/Migrations/$provider/*.cs" -exec mv {} "Persistence/Migrations/$provider/" \;
  done
  rm -rf Anju
fi
rm -f design.db
