import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { COMMON_SECURITY_HEADERS, NON_PAGE_CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from "./lib/security/headers";

// Messages are compiled at build time (decision 0028): pages format them with icu-minify's small
// formatter instead of shipping the ICU parser (~12 kB gzip) to every browser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  // Lets a second server (e.g. an e2e run against `next dev`) build beside the usual `.next`.
  ...(process.env.KST_NEXT_DIST_DIR ? { distDir: process.env.KST_NEXT_DIST_DIR } : {}),
  // Playwright opens http://127.0.0.1:<port>; without this, `next dev` refuses its HMR socket and the page never hydrates.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() answers 403 on staff pages a role may not open (lib/auth/staff-page.ts).
  experimental: {
    authInterrupts: true,
    // STOP CSV uploads (staff imports) go through a server action; the upload form refuses files over 8 MB
    // (STOP_UPLOAD_MAX_BYTES in lib/schemas/import.ts) with a clear message, below this limit.
    serverActions: { bodySizeLimit: "10mb" },
  },
  // Server-only packages that must not be bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      // HSTS in production builds only: `next dev` on a LAN address must stay reachable over plain HTTP.
      { source: "/:path*", headers: process.env.NODE_ENV === "production" ? [...COMMON_SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY] : COMMON_SECURITY_HEADERS },
      // Pages get their CSP (with a nonce) from proxy.ts.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
