import { getTranslations } from "next-intl/server";
import { AffectedService, DisruptionType, IncidentCause } from "@/lib/generated/prisma/enums";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import type { OperatorOption } from "@/lib/server/operators/list-operators";
import type { RegionOption } from "@/lib/server/regions/list-regions";
import styles from "./view-filters.module.css";

type Option = { value: string; label: string };

/** A disclosure of native checkboxes: submits one `name=value` per choice, needs no JavaScript. */
function CheckboxGroup({ name, label, options, selected, anyLabel, countLabel }: {
  name: string;
  label: string;
  options: Option[];
  selected: string[];
  anyLabel: string;
  countLabel: string;
}) {
  return (
    <details className={styles.group}>
      <summary>
        <span className={styles.groupLabel}>{label}</span>{" "}
        <span className={styles.groupValue}>{selected.length === 0 ? anyLabel : countLabel}</span>
      </summary>
      <fieldset className={styles.options}>
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <label key={option.value} className={styles.option}>
            <input type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/**
 * The filter bar every view shares (timeline, map, operator charts). A plain
 * GET form: the resulting address holds the whole state, so any view can be
 * shared and cited, and it works without JavaScript. `keep` carries a view's
 * own parameters (a measure, a zoom) through a change of filters.
 */
export async function ViewFilters({
  filters,
  operators,
  regions,
  action,
  clearHref,
  keep = {},
  hide = [],
}: {
  filters: IncidentFilters;
  operators: OperatorOption[];
  regions: RegionOption[];
  /** The form's target: the current view's localised path. */
  action: string;
  clearHref: string;
  keep?: Record<string, string>;
  /** Filters a view does not use (e.g. "operator" on one operator's page). */
  hide?: ("operator" | "region")[];
}) {
  const t = await getTranslations("viewFilters");
  const types = await getTranslations("enums.DisruptionType");
  const services = await getTranslations("enums.AffectedService");
  const causes = await getTranslations("enums.IncidentCause");
  const group = (name: string, label: string, options: Option[], selected: string[]) => (
    <CheckboxGroup
      name={name}
      label={label}
      options={options}
      selected={selected}
      anyLabel={t("anySelected")}
      countLabel={t("selectedCount", { count: selected.length })}
    />
  );
  return (
    <form method="get" action={action} className={styles.bar} role="search" aria-label={t("legend")}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={styles.period}>
        <label>
          <span>{t("from")}</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} min="1990-01-01" max="2100-12-31" />
        </label>
        <label>
          <span>{t("to")}</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} min="1990-01-01" max="2100-12-31" />
        </label>
      </div>
      <div className={styles.groups}>
        {!hide.includes("operator") &&
          group(
            "operator",
            t("operator"),
            operators.map((operator) => ({ value: operator.slug, label: operator.name })),
            filters.operators,
          )}
        {!hide.includes("region") &&
          group(
            "region",
            t("region"),
            regions.map((region) => ({ value: region.slug, label: region.name })),
            filters.regions,
          )}
        {group(
          "type",
          t("type"),
          Object.values(DisruptionType).map((type) => ({ value: type, label: types(type) })),
          filters.types,
        )}
        {group(
          "service",
          t("service"),
          Object.values(AffectedService).map((service) => ({ value: service, label: services(service) })),
          filters.services,
        )}
        {group(
          "cause",
          t("cause"),
          Object.values(IncidentCause).map((cause) => ({ value: cause, label: causes(cause) })),
          filters.causes,
        )}
      </div>
      <fieldset className={styles.zone}>
        <legend>{t("zone")}</legend>
        <label>
          <input type="radio" name="tz" value="local" defaultChecked={filters.zone === "local"} /> {t("zoneLocal")}
        </label>
        <label>
          <input type="radio" name="tz" value="utc" defaultChecked={filters.zone === "utc"} /> {t("zoneUtc")}
        </label>
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" className="button">
          {t("apply")}
        </button>
        <a href={clearHref}>{t("clear")}</a>
      </div>
      <p className={styles.hint}>
        {t("periodHint")} {t("regionNote")}
      </p>
    </form>
  );
}
