/* Kazakhstan Shutdown Tracker: sizes embedded charts to the height they report. */
(function () {
  var flag = "__kstEmbedHeight";
  if (window[flag]) return;
  window[flag] = true;
  var script = document.currentScript;
  var origin = script && script.src ? script.src.replace(/^([a-z][a-z0-9+.-]*:\/\/[^\/?#]+).*$/i, "$1") : "";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!origin || event.origin !== origin || !data || data.type !== "kst-embed-height") return;
    var height = Math.round(Number(data.height));
    if (!(height > 0)) return;
    height = Math.min(5000, Math.max(100, height));
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + "px";
        frames[i].setAttribute("height", String(height));
      }
    }
  });
})();
