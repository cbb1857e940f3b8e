import { headers } from "next/headers";
import { policyNonce } from "@/lib/security/script-hashes";

/** The script an embed's frame needs without React: public/embed-frame.js (height, links outside, rolling reload). */
export const EMBED_FRAME_SCRIPT = "/embed-frame.js";

/**
 * Loads public/embed-frame.js: a static file of about 1 kB, so the frame sizes
 * itself and opens links outside before (and without) any of Next.js's JavaScript
 * (decision 0025). It carries the render's nonce, which a private answer's policy
 * needs; a public page's policy allows it as one of the site's own files ('self').
 */
export async function EmbedFrameScript() {
  const nonce = policyNonce((await headers()).get("content-security-policy") ?? "") ?? undefined;
  return <script src={EMBED_FRAME_SCRIPT} async nonce={nonce} />;
}
