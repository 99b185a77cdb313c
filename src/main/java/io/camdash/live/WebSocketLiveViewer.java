package io.camdash.live;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;

/**
 * An H.264 viewer on a WebSocket (a browser's Media Source Extensions): before each init
 * segment a text message with the exact MIME type, then binary messages, one segment
 * each. Sends without blocking: one message in flight at a time, the next one sent when
 * Jetty reports the last one written, so a slow connection only makes its own queue skip
 * to the next keyframe.
 */
final class WebSocketLiveViewer extends LiveViewer {

	private final Session session;

	private final List<String> playableCodecs;

	private final Sender sender = new Sender();

	/** Guarded by this: whether the browser plays the stream's audio too. */
	private boolean audio;

	/**
	 * @param playableCodecs the codecs the browser said it plays, such as
	 * {@code avc1.42E01E}
	 */
	WebSocketLiveViewer(Session session, List<String> playableCodecs, LiveProperties properties, Duration writeTimeout,
			LiveMetrics metrics) {
		super(properties, properties.maxDelay(), writeTimeout, metrics);
		this.session = session;
		this.playableCodecs = playableCodecs;
	}

	@Override
	boolean accepts(InitSegment init) {
		if (Codecs.canPlay(this.playableCodecs, init.codec())) {
			// A browser that does not say it plays the audio gets the video alone.
			this.audio = init.audioCodec() != null && Codecs.canPlay(this.playableCodecs, init.audioCodec());
			return true;
		}
		close(LiveCloseStatus.UNSUPPORTED_CODECS,
				"This camera sends H.264 " + init.codec() + ", which this browser cannot play");
		return false;
	}

	@Override
	synchronized boolean wantsAudio() {
		return this.audio;
	}

	@Override
	void wake() {
		this.sender.iterate();
	}

	@Override
	void end(String reason) {
		markEnded();
		close(LiveCloseStatus.ENDED, reason);
	}

	@Override
	void abort() {
		this.session.disconnect();
	}

	private void close(int code, String reason) {
		this.session.close(code, LiveCloseStatus.shortened(reason), Callback.NOOP);
	}

	static String mseMessage(InitSegment init, boolean audio) {
		return "{\"type\":\"mse\",\"mime\":\"video/mp4; codecs=\\\"" + init.codecs(audio) + "\\\"\",\"width\":"
				+ init.width() + ",\"height\":" + init.height() + ",\"start\":" + init.startMillis()
				+ ((audio && init.audioCodec() != null) ? ",\"audio\":true}" : "}");
	}

	/** Sends one message at a time, the next one once Jetty has written the last. */
	private final class Sender extends IteratingCallback {

		private byte @Nullable [] initBytes;

		@Override
		protected Action process() {
			if (!WebSocketLiveViewer.this.session.isOpen()) {
				return Action.IDLE;
			}
			Callback written = Callback.from(this::succeeded, this::failed);
			if (this.initBytes != null) {
				ByteBuffer init = ByteBuffer.wrap(this.initBytes);
				this.initBytes = null;
				WebSocketLiveViewer.this.session.sendBinary(init, written);
				return Action.SCHEDULED;
			}
			Object next = poll();
			if (next instanceof InitSegment init) {
				boolean withAudio = wantsAudio();
				this.initBytes = init.bytes(withAudio);
				WebSocketLiveViewer.this.session.sendText(mseMessage(init, withAudio), written);
				return Action.SCHEDULED;
			}
			if (next instanceof Fragment fragment) {
				WebSocketLiveViewer.this.session.sendBinary(ByteBuffer.wrap(fragment.bytes()), written);
				return Action.SCHEDULED;
			}
			return Action.IDLE;
		}

		@Override
		protected void onCompleteFailure(Throwable cause) {
			// The connection failed or closed: the handler's close callback removes the
			// viewer.
			markEnded();
		}

	}

}
