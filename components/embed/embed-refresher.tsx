"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const TEN_MINUTES = 10 * 60_000;

/** A rolling-window embed re-renders on the server every ten minutes, so its window keeps moving. */
export function EmbedRefresher() {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), TEN_MINUTES);
    return () => window.clearInterval(timer);
  }, [router]);
  return null;
}
