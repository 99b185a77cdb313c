// Colour mode: light, dark, or the system's (the default), remembered per browser. Loaded in <head>
// without defer, so the page is painted in its mode from the start (no white flash in dark mode).
(function () {
  'use strict';

  const KEY = 'camdash.theme';
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

  function chosen() {
    let value = null;
    try { value = window.localStorage.getItem(KEY); } catch (e) { /* storage off: follow the system */ }
    return value === 'light' || value === 'dark' ? value : 'auto';
  }

  function remember(value) {
    try {
      if (value === 'auto') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, value);
    } catch (e) { /* storage off: the choice lasts this page */ }
  }

  function apply(choice) {
    const mode = choice === 'auto' ? (systemDark.matches ? 'dark' : 'light') : choice;
    document.documentElement.setAttribute('data-bs-theme', mode);
    document.querySelectorAll('[data-theme-value]').forEach((item) => {
      const active = item.dataset.themeValue === choice;
      item.classList.toggle('active', active);
      item.setAttribute('aria-pressed', String(active));
    });
  }

  apply(chosen());
  systemDark.addEventListener('change', () => apply(chosen()));
  // Another tab changed the mode.
  window.addEventListener('storage', (event) => { if (event.key === KEY) apply(chosen()); });
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-theme-value]').forEach((item) => item.addEventListener('click', () => {
      remember(item.dataset.themeValue);
      apply(item.dataset.themeValue);
    }));
    apply(chosen());
  });
})();
