// Enhances the server-rendered pickers (Pages/Shared/Pickers): the plain <select> stays the form field and the
// fallback without script; this adds search by name (a combobox with a listbox, keyboard: arrows, Enter, Escape),
// a step-by-step cascade (province → city → county, section → division) and, for multiple choice, the list of chosen
// entries with a remove button each. Also echoes typed amounts ("5万" → "= ¥50,000.00") beside fields that ask for it.
let counter = 0;

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function enhance(root) {
  const select = root.querySelector('select');
  const data = root.querySelector('script[data-picker-tree]');
  if (!select || !data || root.dataset.enhanced) return;
  root.dataset.enhanced = 'true';
  const nodes = JSON.parse(data.textContent);
  const byCode = new Map(nodes.map((n) => [n.c, n]));
  const children = new Map();
  for (const n of nodes) {
    const key = n.p ?? '';
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(n);
  }
  const multiple = root.dataset.multiple === 'true';
  const text = root.dataset;
  const steps = (root.dataset.steps || '').split('|');
  const id = `picker-ui-${++counter}`;
  const label = root.querySelector('label');
  const zh = select.querySelector('option[lang]') !== null;
  const emptyLabel = !select.multiple && select.options[0]?.value === '' ? select.options[0].textContent : '';

  // The select stays in the form (hidden) so the posted value is still the code.
  // A required select the user cannot see would block the form silently; the server still refuses a blank value.
  select.hidden = true;
  select.required = false;
  root.querySelector('.picker-hint')?.setAttribute('hidden', '');
  const ui = element('div', { class: 'picker-ui' });

  // Search by name.
  const search = element('input', {
    type: 'search', id: `${id}-search`, role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': `${id}-list`, placeholder: text.textSearch, autocomplete: 'off',
  });
  const list = element('ul', { id: `${id}-list`, role: 'listbox', class: 'picker-results', hidden: true, 'aria-label': text.textSearch });
  if (label) label.htmlFor = search.id;
  const searchWrap = element('div', { class: 'picker-search' });
  searchWrap.append(search, list);
  ui.append(searchWrap);

  // Cascade: one select per step, each listing the children of the step before.
  const cascade = element('div', { class: 'picker-cascade', role: 'group', 'aria-label': label?.textContent || '' });
  const levels = steps.map((name, i) => {
    const wrap = element('label', { class: 'picker-step' });
    const step = element('select', { 'data-step': i });
    wrap.append(element('span', {}, name), step);
    cascade.append(wrap);
    return step;
  });
  ui.append(cascade);

  let addButton = null;
  let chips = null;
  if (multiple) {
    addButton = element('button', { type: 'button', class: 'secondary outline picker-add' }, text.textAdd);
    ui.append(addButton);
    chips = element('ul', { class: 'picker-chips', 'aria-live': 'polite', 'aria-label': text.textChosen });
    ui.append(chips);
  }
  root.append(ui);

  const labelOf = (n) => n.n;
  const path = (code) => {
    const result = [];
    for (let n = byCode.get(code); n; n = n.p ? byCode.get(n.p) : null) result.unshift(n.c);
    return result;
  };

  function fill(step, parent, chosen) {
    const select = levels[step];
    select.replaceChildren();
    const items = children.get(parent ?? '') || [];
    const parentNode = parent ? byCode.get(parent) : null;
    // The first step's blank entry reads like the plain select's ("All regions" in a filter, "Choose…" in a form).
    const blank = step === 0 ? (emptyLabel || text.textChoose) : (parentNode && parentNode.s ? text.textAll : text.textChoose);
    select.append(element('option', { value: '' }, blank));
    for (const n of items) {
      select.append(element('option', { value: n.c, selected: n.c === chosen, lang: zh ? 'zh-CN' : null }, labelOf(n)));
    }
    select.disabled = items.length === 0;
    select.closest('label').hidden = step > 0 && items.length === 0;
  }

  function showPath(code) {
    const codes = code ? path(code) : [];
    for (let i = 0; i < levels.length; i++) {
      if (i === 0) fill(0, null, codes[0]);
      else if (codes[i - 1]) fill(i, codes[i - 1], codes[i]);
      else fill(i, '__none__');
    }
  }

  // The deepest entry chosen in the cascade that may be picked.
  function cascadeValue() {
    for (let i = levels.length - 1; i >= 0; i--) {
      const code = levels[i].value;
      if (code && byCode.get(code)?.s) return code;
    }
    return '';
  }

  function setOption(code, on) {
    let option = [...select.options].find((o) => o.value === code);
    if (!option && code) {
      option = element('option', { value: code }, byCode.get(code)?.n ?? code);
      select.append(option);
    }
    if (option) option.selected = on;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function pick(code) {
    if (multiple) {
      if (code) setOption(code, true);
      renderChips();
    } else {
      select.value = code;
      if (select.value !== code) setOption(code, true);
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  function renderChips() {
    if (!chips) return;
    chips.replaceChildren();
    for (const option of [...select.selectedOptions]) {
      const name = byCode.get(option.value)?.n ?? option.textContent;
      const item = element('li', { lang: zh ? 'zh-CN' : null });
      const remove = element('button', { type: 'button', class: 'secondary outline', 'aria-label': `${text.textRemove} ${name}` }, '×');
      remove.addEventListener('click', () => {
        setOption(option.value, false);
        renderChips();
        search.focus();
      });
      item.append(element('span', {}, name), remove);
      chips.append(item);
    }
  }

  levels.forEach((step, i) => step.addEventListener('change', () => {
    for (let j = i + 1; j < levels.length; j++) {
      if (j === i + 1 && step.value) fill(j, step.value);
      else fill(j, '__none__');
    }
    if (!multiple) pick(cascadeValue());
  }));
  addButton?.addEventListener('click', () => {
    const code = cascadeValue();
    if (code) pick(code);
  });

  // Search results.
  let active = -1;
  let results = [];
  function close() {
    list.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    search.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function highlight(index) {
    const items = [...list.querySelectorAll('[role=option]')];
    if (items.length === 0) return;
    active = (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', i === active ? 'true' : 'false'));
    search.setAttribute('aria-activedescendant', items[active].id);
    items[active].scrollIntoView({ block: 'nearest' });
  }
  function choose(code) {
    pick(code);
    if (!multiple) showPath(code);
    search.value = '';
    close();
  }
  search.addEventListener('input', () => {
    const query = search.value.trim().toLowerCase();
    list.replaceChildren();
    if (!query) { close(); return; }
    results = nodes.filter((n) => n.s && (n.n.toLowerCase().includes(query) || n.c.toLowerCase() === query)).slice(0, 30);
    if (results.length === 0) {
      list.append(element('li', { class: 'picker-none', role: 'presentation' }, text.textNone));
    }
    results.forEach((n, i) => {
      const item = element('li', { role: 'option', id: `${id}-option-${i}`, 'aria-selected': 'false', lang: zh ? 'zh-CN' : null }, labelOf(n));
      item.addEventListener('mousedown', (event) => { event.preventDefault(); choose(n.c); });
      list.append(item);
    });
    list.hidden = false;
    search.setAttribute('aria-expanded', 'true');
    active = -1;
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); highlight(active + 1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
    else if (event.key === 'Enter' && !list.hidden) {
      event.preventDefault();
      if (results[Math.max(active, 0)]) choose(results[Math.max(active, 0)].c);
    } else if (event.key === 'Escape') close();
  });
  search.addEventListener('blur', () => setTimeout(close, 150));

  showPath(multiple ? '' : select.value);
  renderChips();
}

// Mirror of Money.TryParseYuan (Platform/Values/Money.cs): fen as a BigInt, or null when the text is not an amount.
export function parseAmount(input) {
  if (!input || input.length > 64) return null;
  let s = input.normalize('NFKC').replace(/\s+/g, '');
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  s = s.replace(/^(¥|rmb|cny)/i, '');
  if (s.endsWith('元')) s = s.slice(0, -1);
  let scale = 2;
  if (s.endsWith('万')) { s = s.slice(0, -1); scale = 6; } else if (s.endsWith('亿')) { s = s.slice(0, -1); scale = 10; }
  s = s.replaceAll(',', '');
  const match = /^(\d{1,17})(?:\.(\d+))?$/.exec(s);
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > scale) return null;
  const fen = BigInt(match[1]) * 10n ** BigInt(scale) + (fraction ? BigInt(fraction.padEnd(scale, '0')) : 0n);
  if (fen > 9223372036854775807n) return null;
  return negative ? -fen : fen;
}

export function formatFen(fen) {
  const negative = fen < 0n;
  const magnitude = negative ? -fen : fen;
  const yuan = (magnitude / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

function echoAmounts(scope) {
  for (const input of scope.querySelectorAll('input[data-amount-echo]')) {
    if (input.dataset.echoBound) continue;
    input.dataset.echoBound = 'true';
    const output = document.getElementById(input.dataset.amountEcho);
    if (!output) continue;
    const update = () => {
      const fen = parseAmount(input.value);
      output.textContent = fen === null || fen < 0n ? '' : `= ${formatFen(fen)}`;
    };
    input.addEventListener('input', update);
  }
}

function init(scope) {
  scope.querySelectorAll('[data-picker]').forEach(enhance);
  echoAmounts(scope);
}

init(document);
// Content swapped in by htmx gets the same treatment.
document.addEventListener('htmx:load', (event) => init(event.target));
