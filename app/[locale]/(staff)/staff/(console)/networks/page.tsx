import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AttachNetworkForm } from "@/components/staff/feeds/attach-network-form";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { listUnattachedNetworks } from "@/lib/server/networks/list-unattached-networks";
import { listOperators } from "@/lib/server/operators/list-operators";
import { attachNetworkAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Networks");
  return { title: t("title") };
}

export default async function NetworksPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireStaffPage("network:manage");
  const t = await getTranslations("Networks");
  const [networks, operators] = await Promise.all([listUnattachedNetworks({ caller: actor }), listOperators({ caller: actor })]);
  const choices = operators.map(({ slug, name }) => ({ slug, name }));
  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("intro")} />
      {networks.length === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("caption", { count: networks.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.asn")}</th>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.series")}</th>
                <th scope="col">{t("columns.points")}</th>
                <th scope="col">{t("columns.attach")}</th>
              </tr>
            </thead>
            <tbody>
              {networks.map((network) => (
                <tr key={network.asn}>
                  <th scope="row">AS{network.asn}</th>
                  <td>{network.name}</td>
                  <td>{network.series}</td>
                  <td>{network.points}</td>
                  <td>
                    <AttachNetworkForm asn={network.asn} operators={choices} action={attachNetworkAction} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
