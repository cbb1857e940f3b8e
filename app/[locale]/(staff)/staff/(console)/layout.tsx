import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PasswordChangeRequired } from "@/components/staff/auth/password-change-required";
import { StaffNav } from "@/components/staff/staff-nav";
import { ZoneToggle } from "@/components/staff/time/zone-toggle";
import { can } from "@/lib/auth/permissions";
import { getStaffSession } from "@/lib/auth/session";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { signOutAction } from "../sign-in/actions";
import { changeOwnPasswordAction } from "./account/actions";

// Staff pages are never indexed (the CSP from proxy.ts already forbids framing them).
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function StaffConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaffPage("staff:access");
  const session = await getStaffSession();
  const t = await getTranslations("StaffRoles");
  return (
    <>
      <StaffNav
        name={actor.name}
        roleLabel={t(actor.role)}
        canImport={can(actor, "import:run")}
        isAdmin={can(actor, "user:manage")}
        signOutAction={signOutAction}
      />
      <div className="container">
        <ZoneToggle />
      </div>
      {/* A temporary password (invitation, reset) must be replaced before any page shows. */}
      {session?.mustChangePassword ? <PasswordChangeRequired action={changeOwnPasswordAction} /> : children}
    </>
  );
}
