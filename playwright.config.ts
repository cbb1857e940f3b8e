import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium here and in CI; Playwright's own browsers on a laptop that has them.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [["list"]],
  // Staff journeys sign in two or three people (scrypt, on a 2-core machine that also runs the server): give them room.
  timeout: 120_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A click on something that never becomes actionable fails in a minute, naming it, rather than at the test's time limit.
    actionTimeout: 60_000,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
        // The machine is offline: keep Chromium from phoning home.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /timeline-stress\.spec\.ts/ },
    // Adds 2,000 incidents to the shared database, so it runs after every other spec.
    { name: "timeline-stress", use: { ...devices["Desktop Chrome"] }, testMatch: /timeline-stress\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: {
    command: "node --conditions=react-server --import tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { E2E_PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
  },
});
