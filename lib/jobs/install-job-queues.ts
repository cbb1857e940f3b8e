import PgBoss from "pg-boss";
import { JOB_QUEUE_SCHEMA } from "@/lib/db/app-role";
import { ensureJobQueues } from "./feed-scheduler";

/**
 * Installs (or migrates) pg-boss's schema and creates the scheduler's queues,
 * as the owner of the database, before the app starts: both are schema
 * changes (a queue is a table partition), which the app role may not make.
 * The running scheduler then starts pg-boss with `migrate: false`.
 */
export async function installJobQueues(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_QUEUE_SCHEMA,
    max: 1,
    application_name: "tracker-migrate",
    supervise: false,
    schedule: false,
  });
  const errors: Error[] = [];
  boss.on("error", (error) => errors.push(error));
  await boss.start();
  try {
    await ensureJobQueues(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true, close: true });
  }
  if (errors.length > 0) throw errors[0];
}
