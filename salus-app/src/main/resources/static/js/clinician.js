// The break-glass dialog: served open (it works without script); with script it becomes modal, so the
// keyboard stays inside it, and Escape leaves for the clinician's patient list rather than an empty page.
(function () {
  'use strict';
  var dialog = document.getElementById('break-glass');
  if (!dialog || typeof dialog.showModal !== 'function') { return; }
  dialog.close();
  dialog.showModal();
  var invalid = dialog.querySelector('[aria-invalid="true"]');
  (invalid || dialog.querySelector('textarea')).focus();
  dialog.addEventListener('cancel', function () {
    window.location.assign(dialog.getAttribute('data-cancel-href') || '/');
  });
})();
