// Parts of a page that follow a running job (an import): an element with an id and data-refresh (milliseconds) is
// fetched again from the same address and its content replaced in place, until the fresh copy no longer asks for a
// refresh. Nothing else on the page moves (the form, the focus, the reader's place). Without script the page's
// <noscript> meta refresh reloads the whole page instead. An external module: the CSP forbids inline script.
for (const element of document.querySelectorAll('[data-refresh][id]')) {
  const every = Math.max(1000, Number(element.dataset.refresh) || 2000);
  const tick = async () => {
    try {
      const response = await fetch(location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (!response.ok) {
        setTimeout(tick, every * 2);
        return;
      }

      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.getElementById(element.id);
      if (!fresh) return;
      element.replaceChildren(...fresh.childNodes);
      if (fresh.hasAttribute('data-refresh')) {
        setTimeout(tick, every);
      } else {
        element.removeAttribute('data-refresh');
        element.removeAttribute('aria-busy');
      }
    } catch {
      setTimeout(tick, every * 2);
    }
  };
  setTimeout(tick, every);
}
