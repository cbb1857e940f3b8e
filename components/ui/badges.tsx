import { getTranslations } from "next-intl/server";
import type { DisruptionType, IncidentScope, VerificationLevel } from "@/lib/generated/prisma/enums";
import styles from "./badges.module.css";

export async function TypeBadge({ type }: { type: DisruptionType }) {
  const t = await getTranslations("enums.DisruptionType");
  return (
    <span className={styles.badge} data-type={type}>
      <span className={styles.swatch} aria-hidden="true" />
      {t(type)}
    </span>
  );
}

export async function ScopeBadge({ scope }: { scope: IncidentScope }) {
  const t = await getTranslations("enums.IncidentScope");
  return <span className={styles.badge}>{t(scope)}</span>;
}

export async function VerificationBadge({ level }: { level: VerificationLevel }) {
  const t = await getTranslations("enums.VerificationLevel");
  return (
    <span className={styles.badge} data-verification={level}>
      {t(level)}
    </span>
  );
}
