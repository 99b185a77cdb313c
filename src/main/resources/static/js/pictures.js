// camdash pictures: Take photo on live pages, selection in the gallery.
// Lives in a file (not inline) so pages work under a strict Content-Security-Policy.
(function () {
  'use strict';

  // Take photo: post without leaving the page, so the live video keeps playing, and show the picture.
  function wireTakePhoto(form) {
    const card = document.querySelector('.current-picture');
    const error = document.querySelector('.take-photo-error');
    const button = form.querySelector('button[type="submit"]');
    card.querySelector('.current-picture-close').addEventListener('click', () => card.classList.add('d-none'));
    error.addEventListener('click', () => error.classList.add('d-none'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      button.disabled = true;
      error.classList.add('d-none');
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          body: new FormData(form),
          credentials: 'same-origin',
          headers: Object.assign({ Accept: 'application/json' }, window.camdash.csrfHeaders())
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(body.message || ('the server answered ' + response.status));
        const image = card.querySelector('.current-picture-image');
        image.src = body.imageUrl;
        image.alt = 'Picture ' + body.name;
        card.querySelectorAll('.current-picture-link').forEach((link) => { link.href = body.pageUrl; });
        card.querySelector('.current-picture-time').textContent = body.name.split('/').pop();
        card.dataset.name = body.name;
        card.classList.remove('d-none');
      } catch (e) {
        error.textContent = 'No picture taken: ' + e.message;
        error.classList.remove('d-none');
      } finally {
        button.disabled = false;
      }
    });
  }

  // Gallery: select all on the page, a live count, buttons enabled only with a selection.
  function wireSelection(form) {
    const all = document.getElementById('select-all');
    const boxes = Array.from(form.querySelectorAll('input.picture-select'));
    const count = form.querySelector('.selection-count');
    const buttons = form.querySelectorAll('.delete-selected, .download-selected');
    const update = () => {
      const selected = boxes.filter((box) => box.checked).length;
      count.textContent = selected + ' selected';
      buttons.forEach((button) => { button.disabled = selected === 0; });
      all.checked = selected > 0 && selected === boxes.length;
      all.indeterminate = selected > 0 && selected < boxes.length;
    };
    all.addEventListener('change', () => {
      boxes.forEach((box) => { box.checked = all.checked; });
      update();
    });
    boxes.forEach((box) => box.addEventListener('change', update));
    update();
  }

  // The camera filter applies as soon as a camera is chosen.
  function wireCameraFilter(form) {
    form.querySelector('select').addEventListener('change', () => form.requestSubmit());
  }

  // Copy as markdown: the clipboard API needs a secure context (https or localhost); on
  // plain http in the LAN, copying the selected text still works.
  function wireCopyMarkdown(box) {
    const input = box.querySelector('.picture-markdown');
    const status = box.querySelector('.copy-markdown-status');
    box.querySelector('.copy-markdown-button').addEventListener('click', async () => {
      let copied = false;
      if (navigator.clipboard && window.isSecureContext) {
        copied = await navigator.clipboard.writeText(input.value).then(() => true, () => false);
      }
      if (!copied) {
        input.focus();
        input.select();
        copied = document.execCommand('copy');
      }
      status.textContent = copied ? 'Copied: paste it into a note.' : 'Select the text above and copy it.';
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const copyMarkdown = document.querySelector('.copy-markdown');
    if (copyMarkdown) wireCopyMarkdown(copyMarkdown);
    const takePhoto = document.querySelector('form.take-photo');
    if (takePhoto) wireTakePhoto(takePhoto);
    const selection = document.querySelector('form.gallery-selection');
    if (selection) wireSelection(selection);
    const filter = document.querySelector('form.camera-filter');
    if (filter) wireCameraFilter(filter);
  });
})();
