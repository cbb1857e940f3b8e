import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StaffNav } from "@/components/staff/staff-nav";
import { ZoneToggle } from "@/components/staff/time/zone-toggle";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { signOutAction } from "../sign-in/actions";

// Staff pages are never indexed (the CSP from proxy.ts already forbids framing them).
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function StaffConsoleLayout({ children }: { children: ReactNode }) {
  // The layout needs a signed-in account only. Each page checks its own
  // permission, and an account that still holds a temporary password is sent
  // to the password form by that check (requirePermission), not by the layout:
  // Next.js renders a page's segment on its own, so a layout that leaves the
  // page out does not keep the page (or its data) from running.
  const actor = await requireStaffPage("account:password");
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
      {children}
    </>
  );
}
