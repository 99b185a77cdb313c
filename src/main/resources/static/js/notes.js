// Notes pages: live preview, conflict merge help. A file, not inline, for the strict CSP.
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

  document.addEventListener('DOMContentLoaded', () => {
    const source = document.getElementById('note-content');
    const preview = document.getElementById('note-preview');
    if (source && preview) wirePreview(source, preview);
    wireConflict();
  });
})();
