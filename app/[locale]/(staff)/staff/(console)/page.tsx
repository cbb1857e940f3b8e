import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StaffHome } from "@/components/staff/staff-home";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getStaffOverview } from "@/lib/server/incidents/get-staff-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("StaffHome");
  return { title: t("title") };
}

export default async function StaffHomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireStaffPage("staff:access");
  const overview = await getStaffOverview({ caller: actor });
  return <StaffHome actor={actor} overview={overview} />;
}
