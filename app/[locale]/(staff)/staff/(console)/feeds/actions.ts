"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { getActor } from "@/lib/auth/session";
import { updateFeedSchedule } from "@/lib/server/feeds/update-feed-schedule";

export async function updateFeedScheduleAction(_previous: unknown, form: FormData): Promise<ActionResult<{ enabled: boolean }>> {
  const actor = await getActor();
  return runAction(async () => {
    const asns = String(form.get("asns") ?? "")
      .split(/[\s,;]+/)
      .map((value) => value.replace(/^AS/i, ""))
      .filter(Boolean);
    const saved = await updateFeedSchedule({
      by: actor,
      update: {
        source: form.get("source"),
        enabled: form.get("enabled") === "on",
        intervalMinutes: form.get("intervalMinutes"),
        parameters: { country: form.get("country") ?? "KZ", asns, lookbackHours: form.get("lookbackHours") },
      },
    });
    revalidatePath("/", "layout");
    return { enabled: saved.enabled };
  });
}
