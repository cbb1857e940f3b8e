import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

/** Rendered with status 403 when requireStaffPage finds that the role does not allow the page. */
export default async function Forbidden() {
  const t = await getTranslations("Forbidden");
  return (
    <div className="container page">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/staff">{t("back")}</Link>
      </p>
    </div>
  );
}
