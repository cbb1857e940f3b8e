"use client";

import { useParams } from "next/navigation";
import errorPageEn from "@/messages/error-page/en.json";
import errorPageRu from "@/messages/error-page/ru.json";

/** Its texts come from their own small catalogue, plain strings (lib/i18n/messages.test.ts): no message runtime in every page's JavaScript (decision 0028). */
const TEXTS = { en: errorPageEn.errorPage, ru: errorPageRu.errorPage } as const;

// Shown instead of a stack trace when rendering fails; the error itself stays in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale?: string }>();
  const t = locale === "ru" ? TEXTS.ru : TEXTS.en;
  return (
    <div className="container page" role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
