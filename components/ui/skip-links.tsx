"use client";

import { usePathname } from "next/navigation";
import { pathWithoutLocale } from "@/lib/i18n/pathname";
import { CHART_TARGET_ID } from "./chart-target-id";

/** The pages that put their result in a ChartTarget: the dashboard views with a filter bar. */
const CHART_PAGES = [/^\/timeline$/, /^\/map$/, /^\/isps$/, /^\/isps\/[^/]+$/];

/**
 * The first things a keyboard reaches: "Skip to content", and on chart pages
 * "Skip to the chart", past the header, the view switcher and the filters
 * (38 tab stops on the timeline). A client component so that it follows
 * client-side navigation; it is rendered on the server too, so it works
 * without JavaScript.
 */
export function SkipLinks({ content, chart }: { content: string; chart: string }) {
  const pathname = pathWithoutLocale(usePathname());
  return (
    <>
      <a href="#main" className="skip-link">
        {content}
      </a>
      {CHART_PAGES.some((page) => page.test(pathname)) && (
        <a href={`#${CHART_TARGET_ID}`} className="skip-link" data-skip-to-chart="">
          {chart}
        </a>
      )}
    </>
  );
}
