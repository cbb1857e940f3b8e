"use client";

import { useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import styles from "./staff-nav.module.css";

type Props = {
  name: string;
  /** The role's label, already translated. */
  roleLabel: string;
  canImport: boolean;
  isAdmin: boolean;
  signOutAction: () => Promise<void>;
};

/**
 * The staff console's navigation. Which links show is cosmetic: every page and
 * action checks the permission on the server.
 */
export function StaffNav({ name, roleLabel, canImport, isAdmin, signOutAction }: Props) {
  const t = useTranslations("StaffNav");
  const pathname = usePathname();
  const links = [
    { href: "/staff", label: t("home"), exact: true },
    { href: "/staff/incidents", label: t("incidents"), exact: false, not: "/staff/incidents/new" },
    { href: "/staff/incidents/new", label: t("newIncident"), exact: true },
    ...(canImport
      ? [
          { href: "/staff/imports", label: t("imports"), exact: false },
          { href: "/staff/feeds", label: t("feeds"), exact: false },
          { href: "/staff/networks", label: t("networks"), exact: false },
        ]
      : []),
    ...(isAdmin
      ? [
          { href: "/staff/users", label: t("users"), exact: false },
          { href: "/staff/audit", label: t("audit"), exact: false },
        ]
      : []),
    { href: "/staff/account", label: t("account"), exact: false },
  ];
  const isCurrent = (link: (typeof links)[number]) =>
    link.exact ? pathname === link.href : (pathname === link.href || pathname.startsWith(`${link.href}/`)) && pathname !== ("not" in link ? link.not : undefined);

  return (
    <div className={styles.bar}>
      <div className={`container ${styles.inner}`}>
        <nav aria-label={t("label")}>
          <ul className={styles.links}>
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} aria-current={isCurrent(link) ? "page" : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.who}>
          <span>{t.rich("signedInAs", { name, role: roleLabel, strong: (chunks) => <strong>{chunks}</strong> })}</span>
          <form action={signOutAction}>
            <button type="submit" className={`button button--secondary ${styles.signOut}`}>
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
