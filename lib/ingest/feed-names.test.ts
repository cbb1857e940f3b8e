import { describe, expect, it } from "vitest";
import { IngestSource } from "@/lib/generated/prisma/enums";
import { MESSAGES } from "@/lib/i18n/messages";
import { feedQueue } from "@/lib/jobs/feed-scheduler";
import { ZEnabledFeedsList, ZFeedUploadForm } from "@/lib/schemas/feed-schedule";
import { FEED_NAMES, FEED_SOURCES, feedOfSource, isFeedName, isLiveFeedName, LIVE_FEED_NAMES, SCHEDULED_FEEDS, sourceOfFeed } from "./feed-names";
import { FEEDS } from "./registry";

describe("the feeds' names", () => {
  it("are the database's sources in lower case: every source but the STOP sheet is a feed", () => {
    expect(FEED_SOURCES).toEqual(FEED_NAMES.map((name) => name.toUpperCase()));
    expect([...FEED_SOURCES].sort()).toEqual(Object.values(IngestSource).filter((source) => source !== "STOP").sort());
    for (const name of FEED_NAMES) expect(feedOfSource(sourceOfFeed(name))).toBe(name);
  });

  it("schedule the live feeds, in the order their pull locks are numbered", () => {
    expect(LIVE_FEED_NAMES).toEqual(["ooni", "ioda", "cloudflare"]);
    expect(SCHEDULED_FEEDS).toEqual(["OONI", "IODA", "CLOUDFLARE"]);
    expect(SCHEDULED_FEEDS.map(feedQueue)).toEqual(["feeds.pull.ooni", "feeds.pull.ioda", "feeds.pull.cloudflare"]);
  });

  it("are the registry's keys: live feeds have a pull, the others none, and each records runs under its own source", () => {
    expect(Object.keys(FEEDS)).toEqual([...FEED_NAMES]);
    for (const name of FEED_NAMES) {
      expect(FEEDS[name].source).toBe(sourceOfFeed(name));
      expect(FEEDS[name].pull !== undefined, name).toBe(isLiveFeedName(name));
    }
  });

  it("are what the console's upload form, its worker and FEEDS_ENABLED accept, in any case for the latter", () => {
    for (const name of FEED_NAMES) expect(ZFeedUploadForm.parse({ feed: name })).toEqual({ feed: name });
    expect(ZFeedUploadForm.safeParse({ feed: "OONI" }).success).toBe(false);
    expect(ZEnabledFeedsList.parse("ooni, Cloudflare")).toEqual(["OONI", "CLOUDFLARE"]);
    expect(ZEnabledFeedsList.safeParse("csv").success).toBe(false);
    expect(isFeedName("stop")).toBe(false);
  });

  it("each have a name in the console's upload form, in every language", () => {
    for (const locale of ["en", "ru"] as const) {
      const names = MESSAGES[locale].Feeds.upload.feeds as Record<string, string>;
      expect(Object.keys(names).sort(), locale).toEqual([...FEED_NAMES].sort());
    }
  });
});
