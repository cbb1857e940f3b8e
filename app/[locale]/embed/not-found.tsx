import { headers } from "next/headers";
import { EmbedErrorCard } from "@/components/embed/embed-error-card";
import { REQUEST_PATH_HEADER } from "@/lib/auth/next-path";
import { ZEmbedParams } from "@/lib/schemas/embed";
import { readUrlState } from "@/lib/schemas/url-state";

/** An unknown operator or incident in an embed: a small card inside the frame (HTTP 404), in the theme asked for. */
export default async function EmbedNotFound() {
  // Not-found pages get no search parameters; proxy.ts passes the requested path and query along.
  const requested = (await headers()).get(REQUEST_PATH_HEADER) ?? "";
  const { theme } = readUrlState(ZEmbedParams, new URL(requested, "http://embed.invalid").searchParams, { mode: "lenient" }).state;
  return <EmbedErrorCard theme={theme} problem="not-found" />;
}
