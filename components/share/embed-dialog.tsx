"use client";

import { NextIntlClientProvider, useTranslations, type AbstractIntlMessages } from "next-intl";
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import {
  canRoll,
  defaultEmbedChoices,
  defaultEmbedHeight,
  embedSnippet,
  embedUrl,
  EMBED_LOCALES,
  MAX_EMBED_SIZE,
  MAX_ROLLING_DAYS,
  MIN_EMBED_SIZE,
  ROLLING_DAY_PRESETS,
  type EmbedChart,
  type EmbedChoices,
  type EmbedLocale,
  type EmbedView,
} from "@/lib/embed/embed-snippet";
import styles from "./share.module.css";

/** One of the view's charts, offered alone: its frame's accessible name in each locale, and what it shows in the page's. */
export type EmbedTarget = { chart: EmbedChart; titles: Record<EmbedLocale, string>; label: string };

/** What the dialog embeds: a chart alone, or the whole view. */
const WHOLE_VIEW = "view";

type Props = {
  /** The whole view. */
  view: EmbedView;
  /** The whole view's frame name in each locale. */
  titles: Record<EmbedLocale, string>;
  /** What the whole view shows, in the page's language. */
  label: string;
  /** The view's charts, each embeddable alone; the first is chosen when the dialog opens. */
  charts: EmbedTarget[];
  /** The site's public origin, for absolute addresses in the snippet. */
  origin: string;
  locale: EmbedLocale;
};

/** What the "Embed" button hands the dialog it loads: how many times it was pressed, and itself, for focus on closing. */
type Opening = { openings: number; returnFocusTo: RefObject<HTMLButtonElement | null> };

/**
 * The dialog with its own messages (the `share` namespace, from the server): the pages it opens
 * on hand their other client components none, so next-intl's runtime arrives with the dialog,
 * when the button is first pressed (decision 0028).
 */
export function EmbedDialogWithMessages({ messages, timeZone, ...props }: Props & Opening & { messages: AbstractIntlMessages; timeZone: string }) {
  return (
    <NextIntlClientProvider locale={props.locale} messages={messages} timeZone={timeZone}>
      <EmbedDialog {...props} />
    </NextIntlClientProvider>
  );
}

const DEFAULT_PIXEL_WIDTH = 640;

/** A whole number typed into a field, within bounds, or the fallback while it is not one. */
function numberOf(raw: string, fallback: number, min: number, max: number): number {
  const value = Number(raw);
  return raw.trim() !== "" && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/**
 * The dialog of the "Embed" button (embed-dialog-button.tsx, which loads it when first pressed):
 * what to embed (one of the view's charts alone, or the whole view), choices of size, theme,
 * language and period, a live preview of the embed, and the snippet to copy. It opens each time
 * `openings` grows, and keeps its choices between openings.
 */
export function EmbedDialog({ view, titles, label, charts, origin, locale, openings, returnFocusTo }: Props & Opening) {
  const t = useTranslations("share");
  const [target, setTarget] = useState<EmbedChart | typeof WHOLE_VIEW>(charts[0]?.chart ?? WHOLE_VIEW);
  const chosen = charts.find((entry) => entry.chart === target);
  const embedded: EmbedView = chosen ? { ...view, chart: chosen.chart } : view;
  const defaults = defaultEmbedChoices(embedded, locale);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const previewRef = useRef<HTMLIFrameElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  // Each press of the button opens the dialog (state adjusted while rendering, then shown as a modal).
  const [shownOpenings, setShownOpenings] = useState(0);
  const [open, setOpen] = useState(false);
  if (openings !== shownOpenings) {
    setShownOpenings(openings);
    setOpen(true);
  }
  useEffect(() => {
    if (open && !dialogRef.current?.open) dialogRef.current?.showModal();
  }, [open]);
  const [widthMode, setWidthMode] = useState<"full" | "fixed">("full");
  const [widthText, setWidthText] = useState(String(DEFAULT_PIXEL_WIDTH));
  const [heightText, setHeightText] = useState(String(defaults.height));
  const [theme, setTheme] = useState<EmbedChoices["theme"]>("light");
  const [embedLocale, setEmbedLocale] = useState<EmbedLocale>(locale);
  const [windowKind, setWindowKind] = useState<"fixed" | "rolling">("fixed");
  const [preset, setPreset] = useState<string>("30");
  const [customDaysText, setCustomDaysText] = useState("14");
  const [autoHeight, setAutoHeight] = useState(defaults.autoHeight);
  // Each tied to what it is about: a new snippet clears "Copied", a new address the old page's height.
  const [status, setStatus] = useState<{ snippet: string; text: string } | null>(null);
  const [reported, setReported] = useState<{ src: string; height: number } | null>(null);

  const rollingDays = preset === "custom" ? numberOf(customDaysText, 30, 1, MAX_ROLLING_DAYS) : Number(preset);
  const choices: EmbedChoices = {
    width: widthMode === "full" ? "100%" : numberOf(widthText, DEFAULT_PIXEL_WIDTH, MIN_EMBED_SIZE, MAX_EMBED_SIZE),
    height: numberOf(heightText, defaults.height, MIN_EMBED_SIZE, MAX_EMBED_SIZE),
    theme,
    locale: embedLocale,
    window: windowKind === "rolling" && canRoll(view.kind) ? { kind: "rolling", days: rollingDays } : { kind: "fixed" },
    autoHeight,
  };
  const title = (chosen?.titles ?? titles)[embedLocale];
  const src = embedUrl(embedded, choices, origin);
  const snippet = embedSnippet({ view: embedded, choices, origin, title });

  /** A chart alone and the whole view start from different heights. */
  function chooseTarget(next: EmbedChart | typeof WHOLE_VIEW) {
    setTarget(next);
    setHeightText(String(defaultEmbedHeight(next === WHOLE_VIEW ? view : { ...view, chart: next })));
  }

  // The preview resizes itself as the snippet's script would, when auto-height is on.
  useEffect(() => {
    if (!open) return;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; height?: unknown } | null;
      if (event.origin !== window.location.origin || event.source !== previewRef.current?.contentWindow) return;
      const frame = previewRef.current;
      if (frame && data?.type === "kst-embed-height" && typeof data.height === "number") setReported({ src: frame.src, height: Math.round(data.height) });
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [open]);

  const reportedHeight = reported?.src === src ? reported.height : null;
  const previewHeight =
    autoHeight && reportedHeight !== null ? Math.min(MAX_EMBED_SIZE, Math.max(MIN_EMBED_SIZE, reportedHeight)) : choices.height;
  const statusText = status?.snippet === snippet ? status.text : "";

  function onClose() {
    setOpen(false);
    setStatus(null);
    returnFocusTo.current?.focus();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus({ snippet, text: t("copied") });
    } catch {
      codeRef.current?.focus();
      codeRef.current?.select();
      setStatus({ snippet, text: t("copySelected") });
    }
  }

  const field = (name: string) => `${id}-${name}`;

  return (
    <>
      <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={field("heading")} onClose={onClose} data-embed-dialog="">
        <div className={styles.body}>
          <div className={styles.header}>
            <h2 id={field("heading")}>{t("dialogTitle")}</h2>
            <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()}>
              {t("close")}
            </button>
          </div>
          <p className={styles.intro}>{t("dialogIntro")}</p>

          <form className={styles.options} onSubmit={(event) => event.preventDefault()} aria-label={t("optionsHeading")}>
            <fieldset className={styles.target}>
              <legend>{t("targetHeading")}</legend>
              {charts.map((entry) => (
                <label key={entry.chart}>
                  <input type="radio" name="target" value={entry.chart} checked={target === entry.chart} onChange={() => chooseTarget(entry.chart)} />
                  {t("targetChart", { title: entry.label })}
                </label>
              ))}
              <label>
                <input type="radio" name="target" value={WHOLE_VIEW} checked={target === WHOLE_VIEW} onChange={() => chooseTarget(WHOLE_VIEW)} />
                {t("targetView", { title: label })}
              </label>
              {charts.length > 0 && <p className={styles.intro}>{t("targetNote")}</p>}
            </fieldset>

            <fieldset>
              <legend>{t("width")}</legend>
              <label>
                <input type="radio" name="width" checked={widthMode === "full"} onChange={() => setWidthMode("full")} />
                {t("widthFull")}
              </label>
              <label>
                <input type="radio" name="width" checked={widthMode === "fixed"} onChange={() => setWidthMode("fixed")} />
                {t("widthFixed")}
              </label>
              <label htmlFor={field("width")}>{t("widthPixels")}</label>
              <input
                id={field("width")}
                type="number"
                inputMode="numeric"
                min={MIN_EMBED_SIZE}
                max={MAX_EMBED_SIZE}
                value={widthText}
                disabled={widthMode !== "fixed"}
                onChange={(event) => setWidthText(event.target.value)}
              />
              <label htmlFor={field("height")}>{t("height")}</label>
              <input
                id={field("height")}
                type="number"
                inputMode="numeric"
                min={MIN_EMBED_SIZE}
                max={MAX_EMBED_SIZE}
                value={heightText}
                onChange={(event) => setHeightText(event.target.value)}
              />
              <label>
                <input type="checkbox" checked={autoHeight} onChange={(event) => setAutoHeight(event.target.checked)} />
                {t("autoHeight")}
              </label>
            </fieldset>

            <fieldset>
              <legend>{t("theme")}</legend>
              <label>
                <input type="radio" name="theme" checked={theme === "light"} onChange={() => setTheme("light")} />
                {t("themeLight")}
              </label>
              <label>
                <input type="radio" name="theme" checked={theme === "dark"} onChange={() => setTheme("dark")} />
                {t("themeDark")}
              </label>
            </fieldset>

            <fieldset>
              <legend>{t("language")}</legend>
              {EMBED_LOCALES.map((option) => (
                <label key={option}>
                  <input type="radio" name="language" checked={embedLocale === option} onChange={() => setEmbedLocale(option)} />
                  {option === "en" ? t("languageEn") : t("languageRu")}
                </label>
              ))}
            </fieldset>

            <fieldset>
              <legend>{t("window")}</legend>
              {canRoll(view.kind) ? (
                <>
                  <label>
                    <input type="radio" name="window" checked={windowKind === "fixed"} onChange={() => setWindowKind("fixed")} />
                    {t("windowFixed")}
                  </label>
                  <label>
                    <input type="radio" name="window" checked={windowKind === "rolling"} onChange={() => setWindowKind("rolling")} />
                    {t("windowRolling")}
                  </label>
                  <label htmlFor={field("days")}>{t("rollingDays")}</label>
                  <select id={field("days")} value={preset} disabled={windowKind !== "rolling"} onChange={(event) => setPreset(event.target.value)}>
                    {ROLLING_DAY_PRESETS.map((days) => (
                      <option key={days} value={String(days)}>
                        {t("rollingPreset", { days })}
                      </option>
                    ))}
                    <option value="custom">{t("rollingCustom")}</option>
                  </select>
                  {preset === "custom" && (
                    <>
                      <label htmlFor={field("custom-days")}>{t("rollingCustomDays", { max: MAX_ROLLING_DAYS })}</label>
                      <input
                        id={field("custom-days")}
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={MAX_ROLLING_DAYS}
                        value={customDaysText}
                        disabled={windowKind !== "rolling"}
                        onChange={(event) => setCustomDaysText(event.target.value)}
                      />
                    </>
                  )}
                </>
              ) : (
                <p className={styles.intro}>{t("windowIncident")}</p>
              )}
            </fieldset>
          </form>

          <section aria-labelledby={field("preview")}>
            <h3 id={field("preview")} className={styles.sectionHeading}>
              {t("previewHeading")}
            </h3>
            <div className={styles.preview}>
              {open && (
                <iframe
                  ref={previewRef}
                  src={src}
                  title={t("previewTitle", { title })}
                  width={choices.width === "100%" ? undefined : choices.width}
                  height={previewHeight}
                  style={{ width: choices.width === "100%" ? "100%" : undefined }}
                  data-embed-preview=""
                />
              )}
            </div>
          </section>

          <div>
            <h3 id={field("code")} className={styles.sectionHeading}>
              {t("codeHeading")}
            </h3>
            <textarea ref={codeRef} aria-labelledby={field("code")} className={styles.code} readOnly value={snippet} spellCheck={false} />
            <div className={styles.copyRow}>
              <button type="button" className="button" onClick={copy}>
                {t("copy")}
              </button>
              <p role="status" aria-live="polite" className={styles.status}>
                {statusText}
              </p>
            </div>
          </div>
        </div>
      </dialog>
    </>
  );
}
