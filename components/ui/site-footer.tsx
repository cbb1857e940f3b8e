import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("site.footer");
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("about")}</p>
        <p>{t("time")}</p>
        <p>{t("credits")}</p>
      </div>
    </footer>
  );
}
