"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";

type Props = {
  asn: number;
  operators: { slug: string; name: string }[];
  action: (previous: unknown, form: FormData) => Promise<ActionResult<{ asn: number }>>;
};

/** Attaches one ASN to an operator; its stored measurements count for the operator from then on. */
export function AttachNetworkForm({ asn, operators, action }: Props) {
  const t = useTranslations("Networks");
  const [result, formAction, pending] = useActionState(action, null);
  const selectId = `attach-${asn}`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="asn" value={asn} />
      <label htmlFor={selectId} className="visually-hidden">
        {t("operatorFor", { asn })}
      </label>
      <select id={selectId} name="operator" defaultValue="" required>
        <option value="" disabled>
          {t("choose")}
        </option>
        {operators.map((operator) => (
          <option key={operator.slug} value={operator.slug}>
            {operator.name}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="button button--secondary" disabled={pending}>
        {t("attach")}
      </button>
      {result?.ok === false && (
        <span role="alert" className="field-error">
          {" "}
          {t("failed")}
        </span>
      )}
    </form>
  );
}
