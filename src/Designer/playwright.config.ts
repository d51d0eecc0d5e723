import { defineConfig } from '@playwright/test';

// End-to-end tests against the real Host. e2e/global-setup.ts starts it (dotnet run --no-build, fresh SQLite
// data folder, free port) unless ANJU_E2E_BASE_URL points at a running one. No browser is ever downloaded:
// Debian's chromium is launched (PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, default /usr/bin/chromium).
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
});
