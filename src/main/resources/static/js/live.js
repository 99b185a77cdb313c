// camdash live player: H.264 over a WebSocket into Media Source Extensions (ManagedMediaSource on iOS),
// with the MJPEG stream as the fallback. Lives in a file so pages work under a strict Content-Security-Policy.
(function () {
  'use strict';

  // Codec strings the server may answer with are matched by profile family and level, so offer the richest.
  const CANDIDATES = ['avc1.640034', 'avc1.640028', 'avc1.4D4034', 'avc1.4D401F', 'avc1.42E034', 'avc1.42E01F', 'avc1.42E01E'];
  // AAC: low complexity, HE and HE v2. A browser that plays none gets the video alone.
  const AUDIO_CANDIDATES = ['mp4a.40.2', 'mp4a.40.5', 'mp4a.40.29'];
  const MediaSourceType = window.ManagedMediaSource || window.MediaSource;
  const KEEP_SECONDS = 4;          // buffer kept behind the playhead
  const MAX_LAG_SECONDS = 1.5;     // further behind the live edge: jump
  const CHASE_LAG_SECONDS = 0.5;   // further behind: play a little faster
  // Closes that retrying cannot fix.
  const FINAL_CLOSES = { 4401: 'Sign in to watch', 4404: 'No such camera' };

  // Audio only where it can be turned on (the live page): muted dashboard tiles would only carry it.
  function playableCodecs(withAudio) {
    if (!MediaSourceType) return [];
    const video = CANDIDATES.filter((c) => MediaSourceType.isTypeSupported('video/mp4; codecs="' + c + '"'));
    if (!video.length || !withAudio) return video;
    return video.concat(AUDIO_CANDIDATES.filter((c) => MediaSourceType.isTypeSupported('audio/mp4; codecs="' + c + '"')));
  }

  function wsUrl(path) {
    return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path;
  }

  class LivePlayer {
    constructor(element) {
      this.element = element;
      this.video = element.querySelector('video');
      this.img = element.querySelector('img');
      // Sound is off until the user turns it on, and stays as they chose across reconnections.
      this.audioButton = element.dataset.audioButton ? document.getElementById(element.dataset.audioButton) : null;
      this.unmuted = false;
      if (this.audioButton) this.audioButton.addEventListener('click', () => this.toggleSound());
      this.codecs = playableCodecs(this.audioButton !== null);
      this.mode = null;          // 'h264' or 'mjpeg'
      // Where the browser reports visibility, a player starts once its element is on screen.
      this.visible = !('IntersectionObserver' in window);
      this.retryDelay = 1000;
      this.onModeChange = () => {};
    }

    canPlayH264() {
      return this.codecs.some((c) => c.startsWith('avc1.'));
    }

    /** 'h264' where the browser can play it, else 'mjpeg'. */
    play(mode) {
      const wanted = (mode === 'h264' && this.canPlayH264()) ? 'h264' : 'mjpeg';
      this.stop();
      this.mode = wanted;
      this.problem = null;
      this.element.dataset.mode = wanted;
      this.onModeChange(this);
      if (this.visible && !document.hidden) this.start();
    }

    start() {
      if (this.mode === 'h264') this.startH264();
      else this.startMjpeg();
    }

    stop() {
      clearTimeout(this.retryTimer);
      clearInterval(this.chaseTimer);
      if (this.socket) {
        const socket = this.socket;
        socket.onclose = null;
        socket.onmessage = null;
        // Closing a socket still connecting makes the browser log an error: close it once open.
        if (socket.readyState === WebSocket.CONNECTING) socket.onopen = () => socket.close(1000);
        else socket.close(1000);
        this.socket = null;
      }
      if (this.mediaSource) {
        this.video.removeAttribute('src');
        this.video.load();
        URL.revokeObjectURL(this.objectUrl);
        this.mediaSource = null;
        this.buffer = null;
      }
      if (this.img.dataset.streaming) {
        this.img.removeAttribute('src');
        delete this.img.dataset.streaming;
      }
      this.showSound(false);
    }

    setVisible(visible) {
      if (visible === this.visible) return;
      this.visible = visible;
      if (!visible) this.stop();
      else if (this.mode && !document.hidden) this.start();
    }

    startMjpeg() {
      this.video.hidden = true;
      this.img.hidden = false;
      // A dashboard with more tiles than the browser has connections shows stills instead (camdash.js).
      if (!this.element.dataset.mjpegUrl) return;
      this.img.dataset.streaming = 'true';
      this.img.onerror = () => { if (this.img.dataset.streaming) this.restartSoon(); };
      this.img.onload = () => { this.retryDelay = 1000; };
      this.img.src = this.element.dataset.mjpegUrl;
    }

    startH264() {
      this.img.hidden = true;
      this.video.hidden = false;
      this.video.muted = !this.unmuted;
      this.showSound(false);
      this.queue = [];
      this.mediaSource = new MediaSourceType();
      if (window.ManagedMediaSource && this.mediaSource instanceof window.ManagedMediaSource) {
        this.video.disableRemotePlayback = true;
      }
      this.objectUrl = URL.createObjectURL(this.mediaSource);
      this.mediaSource.addEventListener('sourceopen', () => this.connect(), { once: true });
      this.video.src = this.objectUrl;
      this.chaseTimer = setInterval(() => this.chase(), 250);
    }

    connect() {
      const socket = new WebSocket(wsUrl(this.element.dataset.wsUrl));
      socket.binaryType = 'arraybuffer';
      this.socket = socket;
      socket.onopen = () => socket.send(JSON.stringify({ type: 'mse', codecs: this.codecs }));
      socket.onmessage = (event) => {
        if (typeof event.data === 'string') this.control(JSON.parse(event.data));
        else this.append(event.data);
      };
      socket.onclose = (event) => this.closed(event);
    }

    control(message) {
      if (message.type !== 'mse') return;
      if (this.buffer) {
        // A new stream (another size): start over with a fresh buffer.
        this.stop();
        this.startH264();
        return;
      }
      if (!MediaSourceType.isTypeSupported(message.mime)) {
        this.fallBack('this browser cannot play ' + message.mime);
        return;
      }
      this.mime = message.mime;
      this.showSound(message.audio === true);
      // Capture time of media time zero: how far behind the camera the picture is (the benchmark reads it).
      this.video.dataset.streamStart = message.start;
      this.buffer = this.mediaSource.addSourceBuffer(message.mime);
      this.buffer.mode = 'segments';
      this.buffer.addEventListener('updateend', () => this.appendNext());
      this.buffer.addEventListener('error', () => this.restartSoon());
      this.retryDelay = 1000;
      this.onModeChange(this);
    }

    append(data) {
      this.queue.push(data);
      this.appendNext();
    }

    appendNext() {
      const buffer = this.buffer;
      if (!buffer || buffer.updating || !this.mediaSource || this.mediaSource.readyState !== 'open') return;
      const ranges = buffer.buffered;
      if (ranges.length && this.video.currentTime - ranges.start(0) > KEEP_SECONDS * 2) {
        buffer.remove(0, this.video.currentTime - KEEP_SECONDS);
        return;
      }
      const next = this.queue.shift();
      if (!next) return;
      try {
        buffer.appendBuffer(next);
      } catch (e) {
        // QuotaExceededError: drop what was queued; the next keyframe brings the picture back.
        this.queue = [];
      }
    }

    // Stay near the live edge: jump when far behind, play a little faster when slightly behind.
    chase() {
      const ranges = this.buffer && this.buffer.buffered;
      if (!ranges || !ranges.length) return;
      const end = ranges.end(ranges.length - 1);
      const lag = end - this.video.currentTime;
      const inRange = Array.from({ length: ranges.length }, (_, i) => i)
        .some((i) => this.video.currentTime >= ranges.start(i) && this.video.currentTime <= ranges.end(i));
      if (lag > MAX_LAG_SECONDS || !inRange) {
        this.video.currentTime = Math.max(ranges.start(ranges.length - 1), end - 0.2);
      }
      this.video.playbackRate = lag > CHASE_LAG_SECONDS ? 1.1 : 1.0;
      if (this.video.paused) this.video.play().catch(() => {});
    }

    closed(event) {
      this.socket = null;
      if (FINAL_CLOSES[event.code]) {
        this.stop();
        this.problem = event.reason || FINAL_CLOSES[event.code];
        this.onModeChange(this);
      } else if (event.code === 4415) {
        this.fallBack(event.reason);
      } else {
        this.restartSoon();
      }
    }

    /** The sound button: shown while the stream has audio, its label saying what a press does. */
    showSound(hasAudio) {
      if (!this.audioButton) return;
      this.audioButton.hidden = !hasAudio;
      this.audioButton.textContent = this.unmuted ? 'Mute' : 'Unmute';
    }

    toggleSound() {
      this.unmuted = !this.unmuted;
      this.video.muted = !this.unmuted;
      if (this.unmuted && this.video.paused) this.video.play().catch(() => {});
      this.showSound(true);
    }

    restartSoon() {
      this.stop();
      this.retryTimer = setTimeout(() => { if (this.visible && !document.hidden) this.start(); }, this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, 10000);
    }

    fallBack(reason) {
      this.codecs = [];
      this.fallbackReason = reason;
      this.play('mjpeg');
    }
  }

  function describe(player) {
    if (player.problem) return player.problem;
    if (player.mode === 'h264') return 'H.264 over WebSocket' + (player.mime ? ' · ' + player.mime.replace(/.*codecs="([^"]+)".*/, '$1') : '');
    return 'MJPEG' + (player.fallbackReason ? ' (' + player.fallbackReason + ')' : (player.canPlayH264() ? '' : ' (this browser cannot play H.264 live)'));
  }

  function fitBox(player) {
    const frame = player.element.closest('.video-frame');
    const show = (w, h) => { if (frame && w && h) frame.style.aspectRatio = w + ' / ' + h; };
    player.video.addEventListener('loadedmetadata', () => show(player.video.videoWidth, player.video.videoHeight));
    player.img.addEventListener('load', () => { if (player.img.naturalWidth > 1) show(player.img.naturalWidth, player.img.naturalHeight); });
    show(Number(player.element.dataset.width), Number(player.element.dataset.height));
  }

  document.addEventListener('DOMContentLoaded', () => {
    const players = Array.from(document.querySelectorAll('.live-player')).map((element) => new LivePlayer(element));
    if (!players.length) return;
    // ?view=mjpeg or ?view=h264 in the URL, else the last choice made on this browser.
    const stored = new URLSearchParams(location.search).get('view') || localStorage.getItem('camdash.liveMode');
    players.forEach((player) => {
      fitBox(player);
      const label = document.querySelector('[data-live-mode-label]');
      player.onModeChange = (p) => {
        // One line under the video (camdash.css): the whole text also as the tooltip.
        if (label) label.textContent = label.title = describe(p);
        document.querySelectorAll('[data-live-mode]').forEach((button) => {
          button.classList.toggle('active', button.dataset.liveMode === p.mode);
          if (button.dataset.liveMode === 'h264') button.disabled = !p.canPlayH264();
        });
      };
      player.play(stored === 'mjpeg' ? 'mjpeg' : 'h264');
    });
    document.querySelectorAll('[data-live-mode]').forEach((button) => {
      button.addEventListener('click', () => {
        localStorage.setItem('camdash.liveMode', button.dataset.liveMode);
        players.forEach((player) => player.play(button.dataset.liveMode));
      });
    });
    // Tiles off screen, and every player in a hidden tab, hold no stream.
    if ('IntersectionObserver' in window) {
      const observer = new IntersectionObserver((entries) => entries.forEach((entry) => {
        const player = players.find((p) => p.element === entry.target);
        if (player) player.setVisible(entry.isIntersecting);
      }));
      players.forEach((player) => observer.observe(player.element));
    }
    document.addEventListener('visibilitychange', () => players.forEach((player) => {
      if (document.hidden) player.stop();
      else if (player.visible && player.mode) player.start();
    }));
  });
})();
