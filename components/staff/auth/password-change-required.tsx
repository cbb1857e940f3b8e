import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/result";
import styles from "./auth.module.css";
import { ChangePasswordForm } from "./change-password-form";

type Props = { action: (previous: ActionResult<void> | null, formData: FormData) => Promise<ActionResult<void>> };

/**
 * Shown by the staff console layout in place of any page while the account
 * still has a temporary password. Once the password is changed, the page that
 * was asked for appears.
 */
export async function PasswordChangeRequired({ action }: Props) {
  const t = await getTranslations("Account");
  return (
    <div className="container page">
      <div className={styles.narrow}>
        <h1>{t("mustChangeTitle")}</h1>
        <p className="notice">{t("mustChange")}</p>
        <ChangePasswordForm action={action} />
      </div>
    </div>
  );
}
