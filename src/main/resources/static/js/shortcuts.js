// Keyboard shortcuts. An element with aria-keyshortcuts (the standard attribute: screen readers announce it)
// is clicked when its key is pressed: F fullscreen, P take photo, arrows for the previous and next camera or
// picture, ? for the dialog listing this page's shortcuts. Keys typed into a field or a player, keys with
// Ctrl, Alt or Meta (the browser's own) and keys while a dialog is open are left alone.
(function () {
  'use strict';

  const KEY_NAMES = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
  const FIELDS = 'input, textarea, select, video, audio, [contenteditable]:not([contenteditable="false"])';

  function available() {
    return Array.from(document.querySelectorAll('[aria-keyshortcuts]'))
      .filter((element) => !element.disabled && element.getClientRects().length > 0);
  }

  function keyOf(event) {
    return event.key.length === 1 ? event.key.toUpperCase() : event.key;
  }

  function labelOf(element) {
    return element.dataset.shortcutLabel || element.textContent.trim() || element.getAttribute('aria-label');
  }

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    if (event.target.closest && event.target.closest(FIELDS)) return;
    if (document.querySelector('.modal.show, .dropdown-menu.show')) return;
    const key = keyOf(event);
    const element = available().find((candidate) => candidate.getAttribute('aria-keyshortcuts').split(' ').includes(key));
    if (!element) return;
    event.preventDefault();
    element.click();
  });

  // The dialog lists what this page offers, as the page is now.
  document.addEventListener('show.bs.modal', (event) => {
    if (event.target.id !== 'shortcuts-dialog') return;
    const list = event.target.querySelector('.shortcuts-list');
    list.replaceChildren();
    available().forEach((element) => {
      const term = document.createElement('dt');
      term.className = 'col-3 text-end';
      element.getAttribute('aria-keyshortcuts').split(' ').forEach((key) => {
        const kbd = document.createElement('kbd');
        kbd.textContent = KEY_NAMES[key] || key;
        term.append(kbd, ' ');
      });
      const description = document.createElement('dd');
      description.className = 'col-9';
      description.textContent = labelOf(element);
      list.append(term, description);
    });
  });
})();
