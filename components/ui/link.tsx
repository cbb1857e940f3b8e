import NextLink from "next/link";
import { getLocale } from "next-intl/server";
import type { ComponentProps } from "react";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";

type Href = Parameters<typeof getPathname>[0]["href"];

/**
 * A link to a page of the tracker, for server components: Next.js's own link with the address in
 * the page's language (or `locale`). next-intl's `Link` renders a client component that needs the
 * message provider in the browser; public pages carry none (decision 0028). Client components
 * (the staff console's) keep next-intl's.
 */
export async function Link({ href, locale, ...rest }: Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & { href: Href; locale?: Locale }) {
  const target = getPathname({ href, locale: locale ?? ((await getLocale()) as Locale) });
  return <NextLink href={target} hrefLang={locale} {...rest} />;
}
