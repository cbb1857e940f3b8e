import { afterEach, beforeEach, vi } from "vitest";

/**
 * A console.error during a test fails it, unless the test expects it by
 * replacing console.error itself (vi.spyOn(console, "error").mockImplementation(...)).
 */
const original = console.error;
let logged: unknown[][] = [];

beforeEach(() => {
  logged = [];
  console.error = (...args: unknown[]) => {
    logged.push(args);
    original(...args);
  };
});

afterEach(() => {
  const unexpected = vi.isMockFunction(console.error) ? [] : logged;
  console.error = original;
  if (unexpected.length > 0) {
    throw new Error(`console.error was called during the test:\n${unexpected.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});
