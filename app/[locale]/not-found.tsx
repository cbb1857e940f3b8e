import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="container page">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <ul className="link-list">
        <li>
          <Link href="/">{t("overview")}</Link>
        </li>
        <li>
          <Link href="/incidents">{t("incidents")}</Link>
        </li>
      </ul>
    </div>
  );
}
