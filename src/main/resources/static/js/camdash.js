// camdash page behaviour. Lives in a file (not inline) so pages work under a strict Content-Security-Policy.
(function () {
  'use strict';

  const STATE_BADGES = { LIVE: 'text-bg-success', NO_SIGNAL: 'text-bg-danger', STARTING: 'text-bg-warning', IDLE: 'text-bg-secondary' };

  function showState(badge, state) {
    badge.textContent = state.replace('_', ' ');
    badge.className = 'badge camera-state ' + (STATE_BADGES[state] || 'text-bg-secondary');
  }

  async function fetchStatus(url) {
    const response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }

  // Live page: the status panel follows the camera once a second.
  function followLivePage(page) {
    const field = (name) => page.querySelector('[data-field="' + name + '"]');
    const update = async () => {
      try {
        const s = await fetchStatus(page.dataset.statusUrl);
        showState(field('state'), s.state);
        field('fps').textContent = s.fps.toFixed(1) + ' fps';
        field('resolution').textContent = s.width + ' × ' + s.height;
        // Viewers whose link cannot carry full frames get smaller ones: say how many.
        field('viewers').textContent = s.reducedViewers ? s.viewers + ' (' + s.reducedViewers + ' on reduced frames)' : s.viewers;
        const h = s.h264;
        field('h264').textContent = !h ? '–' : h.viewers + (h.viewers === 1 ? ' viewer' : ' viewers') +
          (h.delivery === 'off' ? '' : ' · ' + h.delivery + ' · ' + (h.bitsPerSecond / 1e6).toFixed(2) + ' Mbit/s');
        field('audio').textContent = s.audio || '–';
        // Media servers the camera publishes to: each one's state, and why it retries.
        field('publish').textContent = !s.publish || !s.publish.length ? '–' : s.publish
          .map((p) => p.target + ': ' + p.state + (p.reason ? ' (' + p.reason + ')' : '')).join('; ');
        field('age').textContent = s.frameAgeMillis == null ? '–' : s.frameAgeMillis + ' ms';
        field('problem').textContent = s.problem || '–';
      } catch (e) {
        field('problem').textContent = 'status unavailable';
      }
    };
    update();
    setInterval(update, 1000);
  }

  // Dashboard tiles: state badges, NO SIGNAL with its reason, and stills refreshed in turn when there are too
  // many tiles to stream.
  function followTiles(tiles) {
    const update = () => tiles.forEach(async (tile) => {
      try {
        const status = await fetchStatus(tile.dataset.statusUrl);
        showState(tile.querySelector('.camera-state'), status.state);
        const noSignal = tile.querySelector('.no-signal');
        noSignal.hidden = status.state !== 'NO_SIGNAL';
        noSignal.querySelector('.no-signal-reason').textContent = status.problem || 'No picture from the camera';
      } catch (e) { /* the next round tries again */ }
    });
    update();
    setInterval(update, 2000);
    tiles.forEach((tile) => {
      const img = tile.querySelector('img[data-still-src]');
      if (!img) return;
      const refresh = () => {
        // Only while the tile shows stills (no H.264 in this browser).
        if (img.hidden) { setTimeout(refresh, 1000); return; }
        const next = new Image();
        next.onload = () => { img.src = next.src; setTimeout(refresh, 1000); };
        next.onerror = () => setTimeout(refresh, 3000);
        next.src = img.dataset.stillSrc + '?t=' + Date.now();
      };
      refresh();
    });
  }

  // Dashboard columns: 1 to 6 as chosen (remembered by this browser), or Auto: the fewest columns that show
  // every tile on the screen (one on a phone, where scrolling is natural).
  const COLUMNS_KEY = 'camdash.columns';

  function fittingColumns(grid) {
    const count = Number(grid.dataset.cameraCount);
    if (window.innerWidth < 576) return 1;
    const gap = parseFloat(getComputedStyle(grid).rowGap) || 0;
    const tile = grid.querySelector('.camera-tile');
    const caption = tile ? tile.querySelector('.card-body').getBoundingClientRect().height : 0;
    const height = window.innerHeight - grid.getBoundingClientRect().top - 16;
    for (let columns = 1; columns < 6; columns++) {
      const rows = Math.ceil(count / columns);
      const width = (grid.clientWidth - (columns - 1) * gap) / columns;
      if (rows * (width * 3 / 4 + caption) + (rows - 1) * gap <= height) return columns;
    }
    return 6;
  }

  function wireColumns(grid) {
    const buttons = document.querySelectorAll('.column-chooser [data-columns]');
    let chosen = 'auto';
    try { chosen = localStorage.getItem(COLUMNS_KEY) || 'auto'; } catch (e) { /* storage off: Auto */ }
    const apply = () => {
      grid.style.setProperty('--columns', chosen === 'auto' ? fittingColumns(grid) : chosen);
      buttons.forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.columns === chosen)));
      buttons.forEach((button) => button.classList.toggle('active', button.dataset.columns === chosen));
    };
    buttons.forEach((button) => button.addEventListener('click', () => {
      chosen = button.dataset.columns;
      try {
        if (chosen === 'auto') localStorage.removeItem(COLUMNS_KEY);
        else localStorage.setItem(COLUMNS_KEY, chosen);
      } catch (e) { /* storage off: the choice lasts this page */ }
      apply();
    }));
    window.addEventListener('resize', apply);
    apply();
  }

  // Every delete asks first, in one styled dialog (the layout's): forms or submit buttons marked data-confirm.
  function wireConfirmations() {
    const dialog = document.getElementById('confirm-dialog');
    if (!dialog) return;
    let pending = null;
    dialog.querySelector('.confirm-dialog-ok').addEventListener('click', () => {
      if (!pending) return;
      const { form, submitter } = pending;
      pending = null;
      form.dataset.confirmed = 'true';
      window.bootstrap.Modal.getOrCreateInstance(dialog).hide();
      if (submitter) form.requestSubmit(submitter); else form.requestSubmit();
    });
    document.querySelectorAll('form').forEach((form) => {
      form.addEventListener('submit', (event) => {
        const submitter = event.submitter;
        const question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
        if (!question) return;
        if (form.dataset.confirmed === 'true') {
          delete form.dataset.confirmed;
          return;
        }
        event.preventDefault();
        pending = { form, submitter };
        dialog.querySelector('.confirm-dialog-text').textContent = question;
        window.bootstrap.Modal.getOrCreateInstance(dialog).show();
      });
    });
  }

  function wireFullscreen() {
    document.querySelectorAll('[data-fullscreen-target]').forEach((button) => {
      button.addEventListener('click', () => {
        const target = document.querySelector(button.dataset.fullscreenTarget);
        if (document.fullscreenElement) document.exitFullscreen();
        else if (target && target.requestFullscreen) target.requestFullscreen();
      });
    });
  }

  // A stream cut by a network hiccup or a server restart comes back without a page reload.
  function reconnectStreams() {
    document.querySelectorAll('img.live-image').forEach((img) => {
      if (img.dataset.stillSrc || img.closest('.live-player')) return;
      img.addEventListener('error', () => {
        const base = img.src.split('#')[0].replace(/([?&])retry=\d+&?/, '$1').replace(/[?&]$/, '');
        setTimeout(() => { img.src = base + (base.includes('?') ? '&' : '?') + 'retry=' + Date.now(); }, 2000);
      });
    });
  }

  // Spring Security's CSRF token as a request header, when the layout carries one: every page script that
  // changes something with fetch() sends it through this one helper.
  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return (token && header) ? { [header.content]: token.content } : {};
  }

  // Installable: the service worker keeps the app shell (see the webapp package). Browsers offer it only in a
  // secure context (HTTPS, or localhost); elsewhere pages work the same without it.
  function registerServiceWorker() {
    const meta = document.querySelector('meta[name="camdash-service-worker"]');
    if (!meta || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register(meta.content, { scope: meta.dataset.scope })
      .catch((e) => console.info('camdash works without its service worker here:', e.message));
  }

  // What the features' scripts (pictures.js, notes.js) share; this file loads first, on every page.
  window.camdash = Object.freeze({ csrfHeaders });

  document.addEventListener('DOMContentLoaded', () => {
    const page = document.querySelector('.live-page');
    if (page) followLivePage(page);
    const tiles = Array.from(document.querySelectorAll('.camera-tile'));
    if (tiles.length) followTiles(tiles);
    const grid = document.querySelector('.camera-grid');
    if (grid) wireColumns(grid);
    wireFullscreen();
    wireConfirmations();
    reconnectStreams();
  });
  window.addEventListener('load', registerServiceWorker);
})();
