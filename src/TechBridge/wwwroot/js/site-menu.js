// The header's menu button on narrow screens: without script the menu simply stays open (it wraps), with script it
// folds behind the button until asked for. The breakpoint matches site.css.
const header = document.querySelector('[data-menu]');
const button = header?.querySelector('.menu-toggle');
if (header && button) {
  const narrow = window.matchMedia('(max-width: 1023px)');
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    header.classList.toggle('menu-closed', !open);
  };
  const apply = () => {
    button.hidden = !narrow.matches;
    set(!narrow.matches);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  narrow.addEventListener('change', apply);
  apply();
}

// Tables turn into cards on a phone (site.css); each cell is labelled with its column's header, unless the page
// labelled it already.
for (const table of document.querySelectorAll('main table')) {
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  if (headers.length === 0) continue;
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, i) => {
      if (!cell.hasAttribute('data-label') && headers[i]) cell.setAttribute('data-label', headers[i]);
    });
  }
}
