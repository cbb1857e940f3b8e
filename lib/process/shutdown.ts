/**
 * Graceful shutdown for the project's command-line entry points. Cleanups run
 * in reverse order of registration on SIGINT, SIGTERM or SIGHUP, or when
 * `shutdown()` is called, then the process exits.
 */
type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
let installed = false;
let shuttingDown: Promise<never> | null = null;

const SIGNAL_EXIT_CODES: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export function onShutdown(cleanup: Cleanup): void {
  cleanups.push(cleanup);
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => void shutdown(code));
  }
}

export function shutdown(exitCode: number): Promise<never> {
  shuttingDown ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`Shutdown step failed: ${(error as Error).message}`);
      }
    }
    process.exit(exitCode);
  })();
  return shuttingDown;
}
