// Notes pages: live preview, conflict merge help, the picture picker, and on a narrow screen one pane at a time
// (Write or Preview). A file, not inline, for the strict CSP.
(function () {
  'use strict';

  const PREVIEW_DELAY_MS = 300;

  // The server renders the preview with the same renderer and sanitizer as the note's page.
  function wirePreview(source, preview) {
    let timer = null;
    let latest = 0;
    const render = async () => {
      const request = ++latest;
      try {
        const response = await fetch(source.dataset.previewUrl, {
          method: 'POST',
          headers: Object.assign({ 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' }, window.camdash.csrfHeaders()),
          body: new URLSearchParams({ content: source.value }),
          credentials: 'same-origin'
        });
        if (request !== latest) return; // a newer preview is on its way
        if (response.ok) {
          preview.innerHTML = await response.text();
          preview.classList.remove('preview-failed');
        } else {
          preview.classList.add('preview-failed');
          preview.textContent = response.status === 413 ? 'Too large to preview.' : 'Preview unavailable (' + response.status + ').';
        }
      } catch (e) {
        if (request === latest) preview.textContent = 'Preview unavailable.';
      }
    };
    source.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(render, PREVIEW_DELAY_MS);
    });
    render();
  }

  function wireConflict() {
    const take = document.getElementById('take-disk-version');
    const disk = document.getElementById('disk-content');
    const source = document.getElementById('note-content');
    if (!take || !disk || !source) return;
    take.addEventListener('click', () => {
      source.value = disk.value;
      source.dispatchEvent(new Event('input'));
    });
  }

  // Write or Preview: the editor's data-pane says which one a narrow screen shows (notes.css); a wide screen
  // shows both.
  function wirePanes(editor) {
    const panes = editor.querySelector('.editor-panes');
    if (!panes) return;
    const buttons = panes.querySelectorAll('[data-pane]');
    const show = (pane) => {
      editor.dataset.pane = pane;
      buttons.forEach((button) => {
        const on = button.dataset.pane === pane;
        button.classList.toggle('active', on);
        button.setAttribute('aria-pressed', String(on));
      });
    };
    buttons.forEach((button) => button.addEventListener('click', () => show(button.dataset.pane)));
    show('write');
    panes.classList.remove('d-none');
  }

  // Puts text on lines of its own at the cursor, or at the end if the text was never clicked into.
  function insertAtCursor(source, text) {
    const touched = source.dataset.touched === 'true';
    const start = touched ? source.selectionStart : source.value.length;
    const end = touched ? source.selectionEnd : source.value.length;
    const before = source.value.slice(0, start);
    const block = (before && !before.endsWith('\n') ? '\n' : '') + text + '\n';
    source.setRangeText(block, start, end, 'end');
    source.dataset.touched = 'true';
    source.dispatchEvent(new Event('input'));
  }

  // The picture picker: a page of the newest pictures from the server, more on asking; a choice is inserted as
  // its picture: embed.
  function wirePicker(source) {
    const dialog = document.getElementById('picture-picker');
    const open = document.getElementById('insert-picture');
    if (!dialog || !open) return;
    const body = dialog.querySelector('.picker-body');
    let loaded = false;
    let inserted = false;
    const load = async (page) => {
      try {
        const response = await fetch(dialog.dataset.pickerUrl + '?page=' + page, { credentials: 'same-origin' });
        if (!response.ok) throw new Error('status ' + response.status);
        const holder = document.createElement('div');
        holder.innerHTML = await response.text(); // our own template, escaped by Thymeleaf
        if (page === 1) body.replaceChildren();
        body.querySelectorAll('.picker-more').forEach((more) => more.remove());
        body.append(...holder.childNodes);
        loaded = true;
      } catch (e) {
        const problem = document.createElement('p');
        problem.className = 'text-danger mb-0 picker-problem';
        problem.textContent = 'The pictures could not be loaded (' + e.message + '). Close this and try again.';
        body.replaceChildren(problem);
      }
    };
    ['focus', 'click', 'keyup'].forEach((type) => source.addEventListener(type, () => { source.dataset.touched = 'true'; }));
    dialog.addEventListener('show.bs.modal', () => {
      inserted = false;
      if (!loaded) load(1);
    });
    dialog.addEventListener('hidden.bs.modal', () => { if (inserted) source.focus(); });
    body.addEventListener('click', (event) => {
      const choice = event.target.closest('.picker-choice');
      const more = event.target.closest('.picker-more');
      if (choice) {
        insertAtCursor(source, choice.dataset.markdown);
        inserted = true;
        bootstrap.Modal.getOrCreateInstance(dialog).hide();
      } else if (more) {
        more.disabled = true;
        load(Number(more.dataset.page));
      }
    });
    open.classList.remove('d-none');
  }

  document.addEventListener('DOMContentLoaded', () => {
    const source = document.getElementById('note-content');
    const preview = document.getElementById('note-preview');
    if (source && preview) wirePreview(source, preview);
    const editor = document.querySelector('.note-editor');
    if (editor) wirePanes(editor);
    if (source) wirePicker(source);
    wireConflict();
  });
})();
