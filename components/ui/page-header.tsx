import type { ReactNode } from "react";

/**
 * A page's heading block: its one `<h1>`, an optional lede, and whatever the
 * page adds below them (links, notices, subscribe buttons). Every public and
 * staff page opens with it, so the heading markup and classes live here once.
 */
export function PageHeader({ title, lede, children }: { title: ReactNode; lede?: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {lede === undefined ? null : <p className="lede">{lede}</p>}
      {children}
    </header>
  );
}
