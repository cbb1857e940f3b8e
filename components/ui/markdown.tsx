import ReactMarkdown from "react-markdown";

/**
 * Renders stored Markdown safely: raw HTML is dropped (never interpreted),
 * only plain formatting elements are allowed, and link targets are limited to
 * http(s) and mailto (react-markdown's default URL filter blocks javascript:).
 */
const ALLOWED_ELEMENTS = ["p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "br", "h3", "h4", "hr"];

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose">
      <ReactMarkdown
        skipHtml
        allowedElements={ALLOWED_ELEMENTS}
        unwrapDisallowed
        components={{
          a: ({ href, children: text }) => (
            <a href={href} rel="noopener noreferrer nofollow ugc">
              {text}
            </a>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
