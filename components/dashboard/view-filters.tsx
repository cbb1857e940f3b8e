import { getLocale, getTranslations } from "next-intl/server";
import { AffectedService, DisruptionType, IncidentCause } from "@/lib/generated/prisma/enums";
import { calendarDateLabel } from "@/lib/share/card-period";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import type { OperatorOption } from "@/lib/server/operators/list-operators";
import type { RegionOption } from "@/lib/server/regions/list-regions";
import { FilterForm } from "./filter-form";
import styles from "./view-filters.module.css";

type Option = { value: string; label: string };

/**
 * A popover of native checkboxes: submits one `name=value` per choice, needs
 * no JavaScript. It ends in its own "Apply" (kept in view as the list
 * scrolls), so an open popover never stands between a choice and applying it.
 */
function CheckboxGroup({ name, label, options, selected, anyLabel, countLabel, applyLabel, applyName }: {
  name: string;
  label: string;
  options: Option[];
  selected: string[];
  anyLabel: string;
  countLabel: string;
  applyLabel: string;
  applyName: string;
}) {
  return (
    <details className={styles.group} data-filter-popover={name}>
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
        <div className={styles.popoverActions}>
          <button type="submit" className="button" aria-label={applyName}>
            {applyLabel}
          </button>
        </div>
      </fieldset>
    </details>
  );
}

/** The one line the filters collapse to on a phone: what is chosen, or "none". */
function chosenSummary(
  filters: IncidentFilters,
  groups: { label: string; count: number }[],
  locale: string,
  t: Awaited<ReturnType<typeof getTranslations<"viewFilters">>>,
): string {
  const from = filters.from ? calendarDateLabel(filters.from, locale) : undefined;
  const to = filters.to ? calendarDateLabel(filters.to, locale) : undefined;
  const parts = [
    ...(from && to ? [t("summaryBetween", { from, to })] : from ? [t("summaryFrom", { from })] : to ? [t("summaryTo", { to })] : []),
    ...groups.filter((group) => group.count > 0).map((group) => t("summaryGroup", group)),
    ...(filters.zone === "utc" ? [t("zoneUtc")] : []),
  ];
  return parts.length > 0 ? parts.join(" · ") : t("summaryNone");
}

/**
 * The filter bar every view shares (timeline, map, operator charts). A plain
 * GET form: the resulting address holds the whole state, so any view can be
 * shared and cited, and it works without JavaScript. `keep` carries a view's
 * own parameters (a measure, a zoom) through a change of filters.
 *
 * Layout: the period, the time zone and "Apply" come first, the popovers
 * below them, so an open popover never covers "Apply" (each also has its
 * own). On a phone the whole bar collapses to one line that says what is
 * chosen, and the result comes right after it; the line opens the bar. With
 * JavaScript, Escape closes a popover (FilterForm).
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
  const locale = await getLocale();
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
      applyLabel={t("apply")}
      applyName={t("applyGroup", { group: label })}
    />
  );
  const groupCounts = [
    ...(hide.includes("operator") ? [] : [{ label: t("operator"), count: filters.operators.length }]),
    ...(hide.includes("region") ? [] : [{ label: t("region"), count: filters.regions.length }]),
    { label: t("type"), count: filters.types.length },
    { label: t("service"), count: filters.services.length },
    { label: t("cause"), count: filters.causes.length },
  ];
  return (
    <details className={styles.collapsible} data-view-filters="">
      <summary className={styles.toggle}>
        <span className={styles.toggleLabel}>{t("toggle")}</span>
        <span className={styles.toggleValue} data-view-filters-summary="">
          {chosenSummary(filters, groupCounts, locale, t)}
        </span>
      </summary>
      <FilterForm action={action} className={styles.bar} label={t("legend")}>
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
        <p className={styles.hint}>
          {t("periodHint")} {t("regionNote")}
        </p>
      </FilterForm>
    </details>
  );
}
