import type { Metadata } from "next";
import type { ReactNode } from "react";
import type { z } from "zod";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { shareMetadata } from "@/lib/share/share-metadata";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { readServerEnv } from "@/lib/env";
import { siteOrigin } from "@/lib/site-url";
import styles from "./api-docs.module.css";
import { typeText, type Schema } from "./schema-text";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ locale: string }> };

type Parameter = { name: string; in: string; required: boolean; description?: string; style?: string; schema: Schema };
type Operation = {
  operationId: string;
  summary: string;
  description: string;
  parameters: Parameter[];
  responses: Record<string, { description: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "apiDocs" });
  const share = await shareMetadata({ locale, path: "/api-docs", title: t("title"), description: t("lede"), card: { kind: "view", view: "api-docs" } });
  return { title: t("title"), description: t("lede"), ...share };
}

/** /api-docs: the public API's reference, rendered on the server from its OpenAPI document. */
export default async function ApiDocsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("apiDocs");
  const origin = await siteOrigin();
  const document = buildOpenApiDocument() as { paths: Record<string, { get: Operation }>; components: { schemas: Record<string, Schema> } };
  const schemas = Object.entries(document.components.schemas);

  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("lede")}>
        <p>
          <a href="/api/v1/openapi.json">{t("documentLink")}</a>
        </p>
      </PageHeader>

      <section aria-labelledby="api-basics">
        <h2 id="api-basics">{t("basics.heading")}</h2>
        <p>{t("basics.access", { limit: readServerEnv().API_RATE_LIMIT_PER_MINUTE })}</p>
        <p>{t("basics.errors")}</p>
        <p>{t("basics.paging")}</p>
        <p>{t("basics.formats")}</p>
        <p>{t("basics.caching")}</p>
        {locale !== "en" ? <p>{t("englishOnly")}</p> : null}
      </section>

      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t("contents")}</h2>
        <ul>
          {API_ENDPOINTS.map((endpoint) => (
            <li key={endpoint.operationId}>
              <a href={`#${endpoint.operationId}`} className={styles.method}>
                GET {endpoint.path}
              </a>{" "}
              — {endpoint.summary}
            </li>
          ))}
        </ul>
      </nav>

      {API_ENDPOINTS.map((endpoint) => {
        const operation = document.paths[endpoint.path]!.get;
        return (
          <section key={endpoint.operationId} id={endpoint.operationId} className={styles.endpoint} aria-labelledby={`${endpoint.operationId}-heading`}>
            <h2 id={`${endpoint.operationId}-heading`} className={styles.method}>
              GET {endpoint.path}
            </h2>
            <p>
              <strong>{operation.summary}.</strong> {operation.description}
            </p>

            <h3>{t("parameters")}</h3>
            {operation.parameters.length === 0 ? (
              <p>{t("noParameters")}</p>
            ) : (
              <div className="table-scroll" role="region" aria-label={`${t("parameters")}: GET ${endpoint.path}`} tabIndex={0}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("parameter")}</th>
                      <th scope="col">{t("location")}</th>
                      <th scope="col">{t("type")}</th>
                      <th scope="col">{t("required")}</th>
                      <th scope="col">{t("description")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {operation.parameters.map((parameter) => (
                      <tr key={`${parameter.in}-${parameter.name}`}>
                        <th scope="row">
                          <code>{parameter.name}</code>
                        </th>
                        <td>{parameter.in}</td>
                        <td className={styles.type}>
                          {typeText(parameter.schema)}
                          {parameter.style === "form" ? ` (${t("repeatable")})` : ""}
                        </td>
                        <td>{parameter.required ? t("yes") : t("no")}</td>
                        <td>{parameter.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}

            <h3>{t("responses")}</h3>
            <ul>
              {Object.entries(operation.responses).map(([status, response]) => (
                <li key={status}>
                  <strong>{status}</strong> — <a href={`#schema-${status === "200" ? responseName(endpoint.response) : "Problem"}`}>{status === "200" ? responseName(endpoint.response) : "Problem"}</a>:{" "}
                  {response.description}
                </li>
              ))}
            </ul>

            <h3>{t("example")}</h3>
            <pre className={styles.example}>
              <code>{`curl "${origin}${endpoint.example}"`}</code>
            </pre>
          </section>
        );
      })}

      <section aria-labelledby="api-schemas" className={styles.endpoint}>
        <h2 id="api-schemas">{t("schemas")}</h2>
        {schemas.map(([name, schema]) => (
          <div key={name} id={`schema-${name}`}>
            <h3 className={styles.method}>{name}</h3>
            {schema.description ? <p>{schema.description}</p> : null}
            <div className="table-scroll" role="region" aria-label={`${t("schemas")}: ${name}`} tabIndex={0}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("field")}</th>
                    <th scope="col">{t("type")}</th>
                    <th scope="col">{t("description")}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(schema.properties ?? {}).flatMap(([field, fieldSchema]) => fieldRows(field, fieldSchema))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>
    </div>
  );
}

/** A field's row, then rows for the fields of its nested objects ("phases[].label"). */
function fieldRows(name: string, schema: Schema): ReactNode[] {
  const nested = schema.type === "array" && schema.items?.properties ? { prefix: `${name}[].`, schema: schema.items } : schema.properties ? { prefix: `${name}.`, schema } : null;
  return [
    <tr key={name}>
      <th scope="row">
        <code>{name}</code>
      </th>
      <td className={styles.type}>{typeText(schema)}</td>
      <td>{schema.description}</td>
    </tr>,
    ...(nested ? Object.entries(nested.schema.properties ?? {}).flatMap(([field, fieldSchema]) => fieldRows(`${nested.prefix}${field}`, fieldSchema)) : []),
  ];
}

const responseName = (schema: z.ZodType) => String(schema.meta()?.id ?? "");
