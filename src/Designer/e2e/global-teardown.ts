import { existsSync, readFileSync, rmSync } from 'node:fs';
import { stateFile } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(stateFile)) return;
  const { pid, dataDirectory } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number; dataDirectory: string };
  try {
    process.kill(-pid, 'SIGTERM'); // the whole group: dotnet run and the Host it started
  } catch {
    // already gone
  }
  await new Promise((r) => setTimeout(r, 1500));
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // stopped cleanly
  }
  rmSync(stateFile, { force: true });
  rmSync(dataDirectory, { recursive: true, force: true });
}
