"use server";

import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { currentRequestOrigin } from "@/lib/auth/request-context";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { FEED_UPLOAD_MAX_BYTES, ZFeedUploadForm } from "@/lib/schemas/feed-schedule";
import { parseOrThrow } from "@/lib/schemas/parse";
import { ingestUpload, type IngestUploadResult } from "@/lib/server/uploads/ingest-upload";
import { updateFeedSchedule } from "@/lib/server/feeds/update-feed-schedule";

export async function updateFeedScheduleAction(_previous: unknown, form: FormData): Promise<ActionResult<{ enabled: boolean }>> {
  const [actor, origin] = await Promise.all([getActor(), currentRequestOrigin()]);
  return runAction(async () => {
    const asns = String(form.get("asns") ?? "")
      .split(/[\s,;]+/)
      .map((value) => value.replace(/^AS/i, ""))
      .filter(Boolean);
    const saved = await updateFeedSchedule({
      caller: actor,
      update: {
        source: form.get("source"),
        enabled: form.get("enabled") === "on",
        intervalMinutes: form.get("intervalMinutes"),
        parameters: { country: form.get("country") ?? "KZ", asns, lookbackHours: form.get("lookbackHours") },
      },
      origin,
    });
    revalidatePath("/", "layout");
    return { enabled: saved.enabled };
  });
}

/** Uploads one measurement file (FormData: feed, file) and ingests it, in the upload worker (ingestUpload). */
export async function uploadFeedFileAction(_previous: unknown, form: FormData): Promise<ActionResult<IngestUploadResult>> {
  const actor = await getActor();
  return runAction(async () => {
    const { feed } = parseOrThrow(ZFeedUploadForm, { feed: form.get("feed") });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "Choose a file to upload.", { fieldIssues: { file: ["missing"] } });
    if (file.size > FEED_UPLOAD_MAX_BYTES) throw new AppError("VALIDATION", "The file is larger than the upload limit.", { fieldIssues: { file: ["too large"] } });
    const result = await ingestUpload({
      caller: actor,
      job: { kind: "feed", feed, fileName: file.name.slice(0, 200) || "upload" },
      input: Readable.fromWeb(file.stream() as unknown as NodeReadableStream),
    });
    revalidatePath("/", "layout");
    return result;
  });
}
