// camdash motion: a toast on every page when a camera sees motion, and badges on the live page and dashboard
// that light up while it lasts. Listens to server-sent events; the browser reconnects by itself.
(function () {
  'use strict';

  const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

  function badges(camera) {
    return document.querySelectorAll('.motion-badge[data-motion-camera="' + CSS.escape(camera) + '"]');
  }

  function light(camera, on) {
    badges(camera).forEach((badge) => {
      badge.classList.remove('d-none');
      badge.classList.toggle('text-bg-danger', on);
      badge.classList.toggle('motion-active', on);
      badge.classList.toggle('text-bg-light', !on);
      badge.title = on ? 'Motion now' : 'Watching for motion';
    });
  }

  function toast(container, notice) {
    const item = document.createElement('div');
    item.className = 'toast show motion-toast align-items-center text-bg-dark border-0';
    item.setAttribute('role', 'status');
    const body = document.createElement('div');
    body.className = 'd-flex';
    const text = document.createElement('div');
    text.className = 'toast-body';
    text.textContent = 'Motion · ' + notice.cameraName + ' · ' + TIME.format(new Date(notice.start));
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'btn-close btn-close-white me-2 m-auto';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => item.remove());
    body.append(text, close);
    item.append(body);
    container.append(item);
    setTimeout(() => item.remove(), 8000);
  }

  async function initialState(url) {
    try {
      const response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      (await response.json()).cameras.forEach((c) => { if (c.enabled) light(c.camera, c.active); });
    } catch (e) { /* the stream will tell */ }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const container = document.getElementById('motion-toasts');
    if (!container || !window.EventSource) return;
    if (document.querySelector('.motion-badge')) initialState(container.dataset.statusUrl);
    const source = new EventSource(container.dataset.streamUrl);
    source.addEventListener('motion-start', (e) => {
      const notice = JSON.parse(e.data);
      light(notice.camera, true);
      toast(container, notice);
    });
    source.addEventListener('motion-end', (e) => light(JSON.parse(e.data).camera, false));
  });
})();
