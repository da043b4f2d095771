// sitegen serve's live reload, added to every HTML page the preview serves (never to `sitegen
// build` output): it listens for rebuilds over Server-Sent Events, reloads the page, and shows a
// build error over the page until the next good build.
//
// A reload fetches the page and puts its new body in place of the old one, keeping the scroll
// position: a navigation costs the browser three times as long (it unloads, requests and lays
// out everything again), which is most of the time from a save to the edit on screen. When
// anything else in the head changed (the stylesheet, the script, the language), or the fetch
// fails, the page is loaded for real.
(function () {
  function head(doc) {
    var parts = [doc.documentElement.lang, doc.documentElement.dir];
    doc.querySelectorAll('head link[rel=stylesheet], head script[src], head link[rel=icon]').forEach(function (e) {
      parts.push(e.getAttribute('href') || e.getAttribute('src'));
    });
    return parts.join(' ');
  }
  function reload() {
    fetch(location.href, { cache: 'no-store' }).then(function (response) {
      return response.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, 'text/html');
      if (!next.body || head(next) !== head(document)) throw new Error('the head changed');
      var x = window.scrollX, y = window.scrollY;
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
      overlay = null;
      window.scrollTo(x, y);
      // The page's own scripts run again on the new body (scripts put in with it do not run).
      document.querySelectorAll('head script[src]').forEach(function (old) {
        var script = document.createElement('script');
        script.src = old.src;
        document.head.appendChild(script);
        script.onload = function () { script.remove(); };
      });
    }).catch(function () { location.reload(); });
  }
  var overlay;
  function show(message) {
    if (!overlay) {
      overlay = document.createElement('pre');
      overlay.id = 'sitegen-error';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;inset:0;margin:0;padding:2rem;z-index:2147483647;overflow:auto;' +
        'background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 monospace;white-space:pre-wrap';
      document.body.appendChild(overlay);
    }
    overlay.textContent = 'sitegen: the last edit does not build; showing the last good site.\n\n' + message;
  }
  // The build the page came from: the server sends what happened since, even before this connects.
  var since = document.currentScript ? document.currentScript.getAttribute('data-build') : null;
  var events = new EventSource('/__sitegen/events' + (since ? '?since=' + since : ''));
  events.addEventListener('reload', reload);
  events.addEventListener('failed', function (e) { show(JSON.parse(e.data).message); });
})();
