import { getTranslations } from "next-intl/server";
import { AffectedService, DisruptionType, IncidentCause } from "@/lib/generated/prisma/enums";
import { INCIDENT_STATE_FILTERS, type IncidentFilters } from "@/lib/schemas/incident-filters";
import type { OperatorOption } from "@/lib/server/operators/list-operators";
import type { RegionOption } from "@/lib/server/regions/list-regions";
import styles from "./incidents.module.css";

type Option = { value: string; label: string };

function Select({ name, label, any, options, selected }: { name: string; label: string; any: string; options: Option[]; selected?: string }) {
  const id = `filter-${name}`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={selected ?? ""}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A plain GET form: it works without JavaScript, and the resulting address
 * holds the filters, so a filtered list can be shared and cited.
 */
export async function IncidentFiltersForm({
  filters,
  years,
  operators,
  regions,
  action,
}: {
  filters: IncidentFilters;
  years: number[];
  operators: OperatorOption[];
  regions: RegionOption[];
  action: string;
}) {
  const t = await getTranslations("incidents.filters");
  const types = await getTranslations("enums.DisruptionType");
  const services = await getTranslations("enums.AffectedService");
  const causes = await getTranslations("enums.IncidentCause");
  return (
    <form method="get" action={action} className={styles.filters} role="search">
      <fieldset>
        <legend>{t("legend")}</legend>
        <div className={styles.fields}>
          <Select
            name="year"
            label={t("year")}
            any={t("any")}
            options={years.map((year) => ({ value: String(year), label: String(year) }))}
            selected={filters.years[0]?.toString()}
          />
          <div className={styles.field}>
            <label htmlFor="filter-from">{t("from")}</label>
            <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} min="1990-01-01" max="2100-12-31" />
          </div>
          <div className={styles.field}>
            <label htmlFor="filter-to">{t("to")}</label>
            <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} min="1990-01-01" max="2100-12-31" />
          </div>
          <Select
            name="operator"
            label={t("operator")}
            any={t("any")}
            options={operators.map((operator) => ({ value: operator.slug, label: operator.name }))}
            selected={filters.operators[0]}
          />
          <Select
            name="region"
            label={t("region")}
            any={t("any")}
            options={regions.map((region) => ({ value: region.slug, label: region.name }))}
            selected={filters.regions[0]}
          />
          <Select
            name="type"
            label={t("type")}
            any={t("any")}
            options={Object.values(DisruptionType).map((type) => ({ value: type, label: types(type) }))}
            selected={filters.types[0]}
          />
          <Select
            name="service"
            label={t("service")}
            any={t("any")}
            options={Object.values(AffectedService).map((service) => ({ value: service, label: services(service) }))}
            selected={filters.services[0]}
          />
          <Select
            name="cause"
            label={t("cause")}
            any={t("any")}
            options={Object.values(IncidentCause).map((cause) => ({ value: cause, label: causes(cause) }))}
            selected={filters.causes[0]}
          />
          <Select
            name="status"
            label={t("status")}
            any={t("any")}
            options={INCIDENT_STATE_FILTERS.map((state) => ({ value: state, label: t(state === "ongoing" ? "statusOngoing" : state === "ended" ? "statusEnded" : "statusEndNotRecorded") }))}
            selected={filters.state}
          />
        </div>
        <p className={styles.hint}>{t("regionNote")}</p>
        <button type="submit" className="button">
          {t("apply")}
        </button>
      </fieldset>
    </form>
  );
}
