import ReactMarkdown from "react-markdown";

/**
 * Renders stored Markdown safely: raw HTML is shown as the literal text it is
 * (never interpreted), only plain formatting elements are allowed, and link
 * targets are limited to http(s) and mailto (react-markdown's default URL
 * filter blocks javascript: and data:).
 */
type MarkdownNode = { type: string; value?: string; children?: MarkdownNode[] };

/** A remark plugin: raw HTML in the source becomes a text node, so "<script>" reads as "<script>". */
function htmlAsText() {
  const walk = (node: MarkdownNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return (tree: MarkdownNode) => walk(tree);
}

const ALLOWED_ELEMENTS = ["p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "br", "h3", "h4", "hr"];

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose">
      <ReactMarkdown
        remarkPlugins={[htmlAsText]}
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
