import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// Starts the real Host on a fresh SQLite data folder and a free port; global-teardown.ts stops it.
// ANJU_E2E_BASE_URL=http://... uses a Host that is already running instead.
// ANJU_E2E_CONFIGURATION (Debug) picks the build; ANJU_E2E_SKIP_BUILD=1 when the caller built it already.
export const stateFile = resolve(import.meta.dirname, '..', 'test-results', 'e2e-host.json');

export default async function globalSetup(): Promise<void> {
  if (process.env.ANJU_E2E_BASE_URL) return;
  const repo = resolve(import.meta.dirname, '..', '..', '..');
  const project = join(repo, 'src', 'Host');
  const configuration = process.env.ANJU_E2E_CONFIGURATION ?? 'Debug';

  if (process.env.ANJU_E2E_SKIP_BUILD !== '1') {
    const build = spawnSync('dotnet', ['build', project, '-c', configuration, '-v', 'q', '-nologo'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`dotnet build of the Host exited ${build.status}`);
  }

  mkdirSync(dirname(stateFile), { recursive: true });
  const log = openSync(join(dirname(stateFile), 'e2e-host.log'), 'w');
  const port = await freePort();
  const dataDirectory = mkdtempSync(join(tmpdir(), 'anju-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const host = spawn('dotnet', ['run', '--project', project, '--no-build', '-c', configuration, '--no-launch-profile', '--urls', baseUrl], {
    cwd: repo,
    detached: true, // own process group, so teardown stops dotnet run and the Host together
    stdio: ['ignore', log, log], // not inherited: a pipe held open by the Host would stall the caller
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      Anju__DataDirectory: dataDirectory,
      Anju__SeedDemoData: 'true',
      // The suite signs in often, all from 127.0.0.1: lift the login rate limits (Host Features/Auth/LoginOptions.cs).
      Anju__Login__PerClientPerMinute: '100000',
      Anju__Login__PerAccountPerMinute: '100000',
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    },
  });
  writeFileSync(stateFile, JSON.stringify({ pid: host.pid, dataDirectory, baseUrl }));
  process.env.ANJU_E2E_BASE_URL = baseUrl;

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (host.exitCode !== null) throw new Error(`the Host exited with ${host.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the Host did not become ready at ${baseUrl} within 120 s`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
