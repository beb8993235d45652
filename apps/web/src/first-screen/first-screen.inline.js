// Inlined at the end of index.html's body by the build (vite.config.mjs): no request, runs as the
// HTML is parsed. It puts the pre-rendered screen for this address (a <template> the build filled
// from the app's own components) into #root, so a resident on a slow connection can read and type
// before the app's script arrives; and it keeps a press on "Masuk" made meanwhile, instead of the
// browser sending the form itself (which would put the password in the address), for the app to
// complete when it takes over (src/first-screen/take-over.ts). Plain ES5: it runs before anything.
/* global document, location, sessionStorage */
(function () {
  var root = document.getElementById('root');
  var path = location.pathname.replace(/\/+$/, '') || '/';
  var name = path === '/masuk' ? 'masuk' : path === '/' ? 'beranda' : '';
  try {
    // Signed in already: the app shows another screen at `/`, or a header with the account.
    if (sessionStorage.getItem('disduk.session')) name = '';
  } catch {
    // storage refused: the pre-rendered screen is still right for a visitor
  }
  var template = name && document.getElementById('first-screen-' + name);
  if (!root || !template) return;
  root.replaceChildren(template.content.cloneNode(true));
  root.setAttribute('data-first-screen', name);
  document.addEventListener(
    'submit',
    function (event) {
      var form = event.target;
      if (!root.hasAttribute('data-first-screen') || !root.contains(form)) return;
      event.preventDefault();
      form.setAttribute('data-submitted', '');
      var button = form.querySelector('button[type=submit]');
      if (button) button.textContent = 'Memproses…';
    },
    true,
  );
})();
