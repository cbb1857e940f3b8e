/**
 * `npm run user:create -- --email a@example.org --role admin [--name "A. Person"] [--password …]`
 *
 * Creates a staff account in DATABASE_URL's database, or the shared embedded
 * PostgreSQL (migrated first). Without --password, a temporary password is
 * generated, printed once, and must be replaced at first sign-in. A password
 * given on the command line stays in the shell's history: prefer to leave it out.
 */
import { parseArgs } from "node:util";
import { SYSTEM } from "@/lib/auth/permissions";
import { generateTemporaryPassword } from "@/lib/auth/temporary-password";
import { disconnectDb } from "@/lib/db/client";
import { openDatabase, prepareDatabase } from "@/lib/db/prepare-database";
import { readServerEnv } from "@/lib/env";
import { isAppError, type FieldIssues } from "@/lib/errors";
import { onShutdown, shutdown } from "@/lib/process/shutdown";
import { fieldIssuesOf } from "@/lib/schemas/parse";
import { USER_ISSUES, ZCreateUserInput, type UserIssue } from "@/lib/schemas/user";
import { exitWithError, loadDotEnv, log } from "./lib/cli";

const USAGE = `Usage: npm run user:create -- --email <address> --role <contributor|editor|admin> [--name <name>] [--password <password>]

  --email     the address the person signs in with
  --role      contributor, editor or admin
  --name      shown in the console and the change log (default: the part of the address before @)
  --password  at least 12 characters; leave it out to get a temporary password, printed once`;

function usage(problem: string): Promise<never> {
  console.error(`[tracker] ${problem}\n\n${USAGE}`);
  return shutdown(2);
}

async function main() {
  loadDotEnv();
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "create") return usage(command ? `Unknown command "${command}".` : "Say what to do: create.");
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (!values.email) return usage("--email is required.");
  if (!values.role) return usage("--role is required.");

  const generated = values.password === undefined;
  const password = values.password ?? generateTemporaryPassword();
  const input = {
    email: values.email,
    name: values.name ?? values.email.split("@")[0] ?? values.email,
    role: values.role as "admin",
    password,
    mustChangePassword: generated,
  };

  // Check the input before starting a database for it.
  const checked = ZCreateUserInput.safeParse(input);
  if (!checked.success) {
    printIssues(fieldIssuesOf(checked.error), values.name === undefined);
    return shutdown(1);
  }

  const database = await openDatabase(readServerEnv(), log);
  onShutdown(database.release);
  await prepareDatabase(database, { seed: "never", log });
  process.env.DATABASE_URL = database.url;
  onShutdown(disconnectDb);
  const { createUser } = await import("@/lib/server/users/create-user");
  try {
    const user = await createUser({ caller: SYSTEM, input });
    log(`Created ${user.role} ${user.email} (${user.name})`);
    if (generated) {
      console.log(`[tracker] Temporary password, shown only this once: ${password}`);
      console.log("[tracker] It must be replaced at first sign-in.");
    }
  } catch (error) {
    if (isAppError(error, "VALIDATION") && error.fieldIssues) {
      printIssues(error.fieldIssues, values.name === undefined);
      return shutdown(1);
    }
    throw error;
  }
  return shutdown(0);
}

function printIssues(issues: FieldIssues, nameFromEmail: boolean) {
  for (const [field, codes] of Object.entries(issues)) {
    const option = field === "name" && nameFromEmail ? "email" : field;
    console.error(`[tracker] --${option}: ${codes.map((code) => USER_ISSUES[code as UserIssue] ?? code).join(" ")}`);
  }
}

main().catch(exitWithError);
