import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/result";
import styles from "./auth.module.css";
import { ChangePasswordForm } from "./change-password-form";

type Props = {
  action: (previous: ActionResult<void> | null, formData: FormData) => Promise<ActionResult<void>>;
  /** The same-site path to open once the password is chosen. */
  next: string;
};

/**
 * The account page of an account that still holds a temporary password
 * (invitation, reset): every other staff page sends it here until it has
 * chosen its own, and then the form goes on to `next`.
 */
export async function PasswordChangeRequired({ action, next }: Props) {
  const t = await getTranslations("Account");
  return (
    <div className="container page">
      <div className={styles.narrow}>
        <h1>{t("mustChangeTitle")}</h1>
        <p className="notice">{t("mustChange")}</p>
        <ChangePasswordForm action={action} next={next} />
      </div>
    </div>
  );
}
