"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import { reasonOf } from "./action-feedback";
import styles from "./auth.module.css";

/** The translated reason a user-management action failed. */
export function useUserActionFailure() {
  const t = useTranslations("Users.errors");
  return (result: ActionResult<unknown> | null): string | null => {
    if (!result || result.ok) return null;
    const reason = reasonOf(result);
    if (reason && t.has(reason)) return t(reason);
    switch (result.code) {
      case "NOT_FOUND":
        return t("not_found");
      case "FORBIDDEN":
        return t("forbidden");
      case "UNAUTHENTICATED":
        return t("signed_out");
      case "VALIDATION":
        return t("validation");
      default:
        return t("failed");
    }
  };
}

export function ActionFailure({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className={styles.statusError}>
      {message}
    </p>
  );
}
