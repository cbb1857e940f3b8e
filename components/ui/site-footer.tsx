import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

export async function SiteFooter() {
  const t = await getTranslations("site.footer");
  const staff = await getTranslations("StaffNav");
  const api = await getTranslations("apiDocs");
  const credits = await getTranslations("dataCredits");
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("about")}</p>
        <p>{t("time")}</p>
        <p>{t("credits")}</p>
        <p>
          <Link href="/about-data">{credits("aboutLink")}</Link>
        </p>
        <p>
          <Link href="/api-docs">{api("footerLink")}</Link>
        </p>
        <p>
          <Link href="/staff">{staff("footerLink")}</Link>
        </p>
      </div>
    </footer>
  );
}
