"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { failureMessageKey } from "@/components/staff/failure-message";
import type { ActionResult } from "@/lib/actions/result";

type Props = {
  id: number;
  version: number;
  baseVersion: number;
  action: (previous: unknown, form: FormData) => Promise<ActionResult<{ version: number }>>;
};

/** Restores an earlier version as a new revision. */
export function RestoreRevisionButton({ id, version, baseVersion, action }: Props) {
  const t = useTranslations("History");
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {t("restore", { version })}
      </button>
      <span role="status" aria-live="polite">
        {result?.ok === true && t("restored", { version: result.data.version })}
      </span>
      {result?.ok === false && (
        <span role="alert" className="field-error">
          {t(failureMessageKey(result.code))}
        </span>
      )}
    </form>
  );
}
