import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const render = (source: string) => renderToStaticMarkup(<Markdown>{source}</Markdown>);

describe("Markdown", () => {
  it("keeps plain formatting and safe links", () => {
    expect(render("Some *emphasis* and [a report](https://example.org/report).")).toBe(
      '<div class="prose"><p>Some <em>emphasis</em> and <a href="https://example.org/report" rel="noopener noreferrer nofollow ugc">a report</a>.</p></div>',
    );
  });

  it("shows raw HTML as inert text instead of interpreting or dropping it", () => {
    const html = render('Before <script>alert("x")</script> <img src=x onerror=alert(1)> after');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("shows an HTML block as text too", () => {
    const html = render('<div onclick="alert(1)">\n<iframe src="https://evil.example"></iframe>\n</div>');
    expect(html).not.toMatch(/<(div|iframe) on|<iframe/);
    expect(html).toContain("&lt;iframe");
  });

  it("neutralises script URLs in links and images", () => {
    const html = render("[click](javascript:alert(1)) ![x](javascript:alert(2)) [data](data:text/html;base64,PHNjcmlwdD4=)");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("data:text/html");
    expect(html).not.toContain("<img");
  });
});
