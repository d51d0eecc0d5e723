#!/usr/bin/env bash
# Regenerates the console's API types from the Host (npm run api:generate; run from anywhere):
#  1. src/api/openapi.json: the document the Host serves at /openapi/v1.json, obtained in-process by the Host's own
#     test (tests/Host.Tests/OpenApi/OpenApiDocumentTests.cs with ANJU_WRITE_OPENAPI=1: WebApplicationFactory on a
#     throwaway SQLite folder; no port, no network, no running Host, works in a clean clone with the .NET SDK);
#  2. src/api/schema.d.ts: openapi-typescript over that copy (tools/api-types/generate.mjs).
# Both are checked in. The same test without ANJU_WRITE_OPENAPI fails when the Host's document differs from the copy,
# and tests/api/schema.test.ts (npm test) fails when the types differ from what step 2 makes of it.
set -euo pipefail

DESIGNER="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$DESIGNER/../.." && pwd)"

echo "== src/Designer/src/api/openapi.json from the Host (tests/Host.Tests, write mode)"
ANJU_WRITE_OPENAPI=1 dotnet test "$ROOT/tests/Host.Tests" -c Release -p:SkipDesignerBuild=true -nologo -v q \
  --filter "FullyQualifiedName~Anju.Host.Tests.OpenApi.OpenApiDocumentTests"

echo "== src/Designer/src/api/schema.d.ts (openapi-typescript)"
if [[ ! -d "$DESIGNER/tools/api-types/node_modules/openapi-typescript" ]]; then
  (cd "$DESIGNER" && IBM_TELEMETRY_DISABLED=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
node "$DESIGNER/tools/api-types/generate.mjs"
git -C "$ROOT" status --short -- src/Designer/src/api
