// Salus shell behaviour, no build step: idle-timeout warning, "working…" indicator for slow submits,
// CSRF header for htmx, the user's time zone for the server, and the portal's service worker.
(function () {
  'use strict';
  var body = document.body;

  // the server formats times in the zone the browser reports
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) { document.cookie = 'salus_tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax'; }
  } catch (e) { /* older browsers: the clinic's zone is used */ }

  // a form that came back with errors (or a duplicate warning) puts the keyboard on its summary
  var summary = document.querySelector('[data-focus-on-load]');
  if (summary) { summary.focus(); }

  // instants the server sends as <time data-local datetime="…Z"> are shown in the user's zone and language
  try {
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    document.querySelectorAll('time[data-local]').forEach(function (t) { t.textContent = format.format(new Date(t.dateTime)); });
  } catch (e) { /* the ISO text stays */ }

  // htmx requests carry the CSRF token like forms do
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  document.addEventListener('htmx:configRequest', function (event) {
    if (csrfHeader && csrfToken) { event.detail.headers[csrfHeader.content] = csrfToken.content; }
  });
  // a refused or failed htmx request says so where screen readers hear it
  document.addEventListener('htmx:responseError', function (event) {
    var message = document.getElementById('page-message');
    if (message) { message.textContent = body.getAttribute('data-request-failed') || 'That did not work. Reload the page and try again.'; }
  });

  // anything taking over a second shows a "working" indicator
  var working = document.getElementById('working');
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute('hx-post') || form.hasAttribute('hx-get') || !working) { return; }
    form.setAttribute('aria-busy', 'true');
    setTimeout(function () { working.hidden = false; }, 1000);
  });

  // warn before the idle sign-out, sign out when the session's idle limit passes
  if (body.getAttribute('data-signed-in') === 'true') {
    var warnAfter = Number(body.getAttribute('data-idle-warn')) * 1000;
    var limit = Number(body.getAttribute('data-idle-limit')) * 1000;
    var dialog = document.getElementById('idle-warning');
    var warnTimer, endTimer;
    var restart = function () {
      clearTimeout(warnTimer); clearTimeout(endTimer);
      warnTimer = setTimeout(function () { if (dialog && !dialog.open) { dialog.showModal(); } }, warnAfter);
      endTimer = setTimeout(function () { window.location.assign('/login?expired'); }, limit);
    };
    restart();
    document.addEventListener('htmx:afterRequest', restart);
    var stay = document.getElementById('idle-stay');
    if (stay) {
      stay.addEventListener('click', function () {
        var headers = {};
        if (csrfHeader && csrfToken) { headers[csrfHeader.content] = csrfToken.content; }
        fetch('/session/ping', { method: 'POST', headers: headers, credentials: 'same-origin' }).then(function (r) {
          if (r.ok) { dialog.close(); restart(); } else { window.location.assign('/login?expired'); }
        });
      });
    }
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* installing is optional */ });
  }
})();
