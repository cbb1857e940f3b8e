/*
 * Kazakhstan Shutdown Tracker: what an embed does in its frame, without React
 * (components/embed/embed-frame.tsx loads it; docs/decisions/0025).
 * - Reports the content's height to the parent page ({type: "kst-embed-height", height})
 *   whenever it changes, for auto-sizing iframes: the content ([data-embed-content]) plus
 *   the frame's padding, not the document's (the frame fills at least the iframe's viewport).
 * - Opens links to the tracker's other pages in a new tab (those pages refuse to be framed);
 *   links that stay within the embeds (/embed/…, /ru/embed/…) are left alone. A click that
 *   ends a drag opens nothing: the pointer went more than a few pixels from where it was
 *   pressed, or a chart marked itself [data-suppress-click] (before hydration, the first).
 * - A rolling-window embed ([data-embed-rolling]) reloads every ten minutes, so its window keeps moving.
 * - An embed hydrated on interaction (lib/http/deferred-hydration.ts) gets Next.js's scripts the first
 *   time the reader points at, touches, focuses or types in it: React then makes its charts interactive.
 */
(function () {
  var flag = "__kstEmbedFrame";
  if (window[flag]) return;
  window[flag] = true;

  function reportHeight() {
    if (window.parent === window || typeof ResizeObserver === "undefined") return;
    var content = document.querySelector("[data-embed-content]");
    var frame = content && content.parentElement;
    if (!content || !frame) return;
    var last = -1;
    var post = function () {
      var style = getComputedStyle(frame);
      var height = Math.ceil(content.getBoundingClientRect().height + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom));
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "kst-embed-height", height: height }, "*");
    };
    new ResizeObserver(post).observe(content);
    post();
  }

  /* Conservative on purpose: an odd spelling of a path opens outside, where the tracker decides what it is. */
  function staysInFrame(url) {
    return url.origin === window.location.origin && /^(\/ru)?\/embed\/[A-Za-z0-9\/_-]*$/.test(url.pathname);
  }

  /* How far the pointer went from where it was pressed: a drag, not a click, past DRAG_PIXELS. */
  var DRAG_PIXELS = 5;
  var pressed = null;
  var dragged = false;
  window.addEventListener(
    "pointerdown",
    function (event) {
      pressed = { x: event.clientX, y: event.clientY };
      dragged = false;
    },
    true,
  );
  window.addEventListener(
    "pointermove",
    function (event) {
      if (pressed && Math.max(Math.abs(event.clientX - pressed.x), Math.abs(event.clientY - pressed.y)) > DRAG_PIXELS) dragged = true;
    },
    true,
  );
  window.addEventListener(
    "pointerup",
    function () {
      pressed = null;
    },
    true,
  );

  window.addEventListener(
    "click",
    function (event) {
      if (event.defaultPrevented || event.button !== 0) return;
      var target = event.target;
      if (!target || !target.closest) return;
      if (target.closest("[data-suppress-click]")) return;
      if (dragged) {
        dragged = false;
        if (target.closest("a[href]")) {
          event.preventDefault();
          event.stopPropagation();
        }
        return;
      }
      var link = target.closest("a[href]");
      if (!link || link.target === "_blank") return;
      var url = new URL(link.href, window.location.href);
      // Only web addresses are opened; anything else (mailto:, …) is left to the browser.
      if ((url.protocol !== "https:" && url.protocol !== "http:") || staysInFrame(url)) return;
      event.preventDefault();
      event.stopPropagation();
      window.open(url.href, "_blank", "noopener");
    },
    true,
  );

  var hydrating = false;
  function hydrate() {
    if (hydrating) return;
    hydrating = true;
    for (var i = 0; i < INTERACTIONS.length; i++) window.removeEventListener(INTERACTIONS[i], hydrate, true);
    var placeholders = document.querySelectorAll('script[type="text/x-kst-deferred"][data-src]');
    for (var j = 0; j < placeholders.length; j++) {
      var src = placeholders[j].getAttribute("data-src");
      if (!src || src.indexOf("/_next/static/") !== 0) continue;
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      document.head.appendChild(script);
    }
  }
  var INTERACTIONS = ["pointerover", "pointerdown", "touchstart", "focusin", "keydown"];

  function start() {
    if (document.querySelector('script[type="text/x-kst-deferred"]')) {
      for (var i = 0; i < INTERACTIONS.length; i++) window.addEventListener(INTERACTIONS[i], hydrate, { capture: true, passive: true });
    }
    reportHeight();
    if (document.querySelector("[data-embed-rolling]")) {
      window.setInterval(function () {
        window.location.reload();
      }, 10 * 60 * 1000);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
