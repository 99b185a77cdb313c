// camdash motion: a toast on every page when a camera sees motion, badges on the live page and dashboard that
// light up while it lasts (server-sent events; the browser reconnects by itself), and on request the moving
// regions drawn over the live picture (polled from /motion/status while the switch is on).
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

  async function fetchStatus(url) {
    try {
      const response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
      return response.ok ? await response.json() : null;
    } catch (e) {
      return null;
    }
  }

  async function initialState(url) {
    const status = await fetchStatus(url);
    if (!status) return;
    status.cameras.forEach((c) => { if (c.enabled) light(c.camera, c.active); });
    if (status.cameras.some((c) => c.enabled)) {
      document.querySelectorAll('.motion-boxes-toggle').forEach((toggle) => toggle.classList.remove('d-none'));
    }
  }

  // Motion boxes drawn over the live picture, on request: polled from the status while the switch is on.
  const BOXES_KEY = 'camdash.motionBoxes';
  const BOXES_INTERVAL = 500;
  let boxesTimer = null;

  // Where the picture shows inside its element (object-fit: contain leaves bars around it).
  function pictureRect(layer) {
    const media = [...layer.parentElement.querySelectorAll('.live-image')].find((m) => !m.hidden);
    const box = layer.parentElement.getBoundingClientRect();
    const width = media ? (media.videoWidth || media.naturalWidth) : 0;
    const height = media ? (media.videoHeight || media.naturalHeight) : 0;
    if (!width || !height || !box.width || !box.height) return { left: 0, top: 0, width: box.width, height: box.height };
    const scale = Math.min(box.width / width, box.height / height);
    return { left: (box.width - width * scale) / 2, top: (box.height - height * scale) / 2,
      width: width * scale, height: height * scale };
  }

  function drawBoxes(camera, boxes) {
    document.querySelectorAll('.motion-boxes[data-motion-camera="' + CSS.escape(camera) + '"]').forEach((layer) => {
      const rect = pictureRect(layer);
      layer.replaceChildren(...boxes.map((b) => {
        const box = document.createElement('div');
        box.className = 'motion-box';
        box.style.left = (rect.left + b.x * rect.width) + 'px';
        box.style.top = (rect.top + b.y * rect.height) + 'px';
        box.style.width = (b.width * rect.width) + 'px';
        box.style.height = (b.height * rect.height) + 'px';
        return box;
      }));
    });
  }

  async function pollBoxes(url) {
    if (!document.hidden) {
      const status = await fetchStatus(url);
      if (status && boxesTimer) status.cameras.forEach((c) => drawBoxes(c.camera, c.motion ? c.boxes : []));
    }
    if (boxesTimer) boxesTimer = setTimeout(() => pollBoxes(url), BOXES_INTERVAL);
  }

  function showBoxes(url, on) {
    document.querySelectorAll('.motion-boxes').forEach((layer) => {
      layer.hidden = !on;
      layer.replaceChildren();
    });
    document.querySelectorAll('.motion-boxes-toggle input').forEach((input) => { input.checked = on; });
    try { localStorage.setItem(BOXES_KEY, on ? 'on' : 'off'); } catch (e) { /* private mode */ }
    if (on && !boxesTimer) {
      boxesTimer = setTimeout(() => pollBoxes(url), 0);
    } else if (!on && boxesTimer) {
      clearTimeout(boxesTimer);
      boxesTimer = null;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const container = document.getElementById('motion-toasts');
    if (!container) return;
    const statusUrl = container.dataset.statusUrl;
    if (document.querySelector('.motion-boxes')) {
      document.querySelectorAll('.motion-boxes-toggle input').forEach((input) => {
        input.addEventListener('change', () => showBoxes(statusUrl, input.checked));
      });
      let saved = null;
      try { saved = localStorage.getItem(BOXES_KEY); } catch (e) { /* private mode */ }
      if (saved === 'on') showBoxes(statusUrl, true);
    }
    if (!window.EventSource) return;
    if (document.querySelector('.motion-badge')) initialState(statusUrl);
    const source = new EventSource(container.dataset.streamUrl);
    source.addEventListener('motion-start', (e) => {
      const notice = JSON.parse(e.data);
      light(notice.camera, true);
      toast(container, notice);
    });
    source.addEventListener('motion-end', (e) => light(JSON.parse(e.data).camera, false));
  });
})();
