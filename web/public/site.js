// The public site's only script, loaded in <head> so the reader's text size applies before the
// page is drawn. Without it the site works the same (the switch is a GET form with ?large=1).
(function () {
  var KEY = 'onetrip-large-text';
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  var stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch (e) {
    // storage refused (private mode): the query parameter still works
  }
  if (params.get('large') === '1' || params.get('large') === '0') stored = params.get('large');
  if (stored === '1') root.classList.add('large');
  if (stored === '0') root.classList.remove('large');

  function remember(on) {
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch (e) {
      // not kept: fine
    }
  }
  if (stored !== null) remember(stored === '1');

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('text-size');
    var sync = function () {
      var on = root.classList.contains('large');
      if (button) {
        button.setAttribute('aria-pressed', on ? 'true' : 'false');
        button.textContent = on ? '标准字号' : '大字模式';
      }
    };
    sync();
    if (button && button.form) {
      button.form.addEventListener('submit', function (event) {
        event.preventDefault();
        root.classList.toggle('large');
        remember(root.classList.contains('large'));
        sync();
      });
    }
    document.querySelectorAll('[data-print]').forEach(function (element) {
      element.addEventListener('click', function () {
        window.print();
      });
    });
  });
})();
