// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// src/api/schema.d.ts is generated from the checked-in copy of the Host's OpenAPI document (src/api/openapi.json);
// Host.Tests' OpenApiDocumentTests keeps that copy equal to what the Host serves. Here: the types are what
// openapi-typescript makes of the copy, so nobody edits them by hand or forgets to regenerate them.
const designer = fileURLToPath(new URL('../..', import.meta.url));

describe('the generated API types', () => {
  // Generating takes seconds (openapi-typescript and TypeScript 5 load in a child process): a generous limit.
  it('are what openapi-typescript makes of the checked-in OpenAPI document', { timeout: 120_000 }, () => {
    const generated = execFileSync(process.execPath, ['tools/api-types/generate.mjs', '--print'], {
      cwd: designer,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const checkedIn = readFileSync(`${designer}src/api/schema.d.ts`, 'utf8');

    // Not toEqual: a 5000-line diff helps nobody; the message says what to do.
    expect(generated === checkedIn, 'src/api/schema.d.ts differs from src/api/openapi.json: run `npm run api:generate`').toBe(true);
  });
});
