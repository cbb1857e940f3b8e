import { z } from "zod";
import { MAX_EMBED_SIZE, MIN_EMBED_SIZE } from "@/lib/embed/embed-snippet";

const size = z.coerce.number().int().min(MIN_EMBED_SIZE).max(MAX_EMBED_SIZE).optional();

/** Query of GET /api/oembed (https://oembed.com): other parameters are ignored, as consumers add their own. */
export const ZOembedQuery = z.object({
  url: z.string().min(1).max(2048),
  format: z.enum(["json", "xml"]).default("json"),
  maxwidth: size,
  maxheight: size,
});
