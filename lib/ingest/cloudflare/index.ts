/** Cloudflare Radar: file/stdin parser and live pull. */
export { parseCloudflareStream, cloudflareBodyItems, CloudflareApiError, CloudflareFormatError } from "./parse-cloudflare";
export { pullCloudflare, plannedCloudflareQueries, CLOUDFLARE_PAGE_SIZE, type CloudflarePullCursor } from "./pull-cloudflare";
