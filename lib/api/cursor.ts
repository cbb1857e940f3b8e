import type { IncidentCursor } from "@/lib/server/incidents/list-api-incidents";
import { badParameter } from "./problem";

/** The opaque `cursor` of the incident list: base64url of `<starts_at ms>.<id>`. */
export function encodeCursor(cursor: IncidentCursor): string {
  return Buffer.from(`${cursor.startsAt.getTime()}.${cursor.id}`).toString("base64url");
}

/** The cursor's position, or a 400 naming `cursor`. */
export function decodeCursor(text: string): IncidentCursor {
  const match = /^(-?\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(text, "base64url").toString("utf8"));
  const startsAt = match ? new Date(Number(match[1])) : null;
  const id = match ? Number(match[2]) : NaN;
  if (!startsAt || Number.isNaN(startsAt.getTime()) || !Number.isSafeInteger(id) || id > 2_147_483_647) {
    throw badParameter("cursor", "not a cursor this API returned");
  }
  return { startsAt, id };
}
