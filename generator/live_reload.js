// sitegen serve's live reload, added to every HTML page the preview serves (never to `sitegen
// build` output): it listens for rebuilds over Server-Sent Events, reloads the page, and shows a
// build error over the page until the next good build.
(function () {
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
  events.addEventListener('reload', function () { location.reload(); });
  events.addEventListener('failed', function (e) { show(JSON.parse(e.data).message); });
})();
