package io.camdash.bench;

import java.util.List;

/**
 * What a group of viewers received during one measured window.
 *
 * @param seconds length of the window
 * @param viewers per-viewer figures
 */
record WindowFigures(double seconds, List<ViewerFigures> viewers) {

	double[] fps() {
		return this.viewers.stream().mapToDouble((v) -> v.frames() / v.seconds()).toArray();
	}

	double bytesPerSecond() {
		return this.viewers.stream().mapToLong(ViewerFigures::bytes).sum() / this.seconds;
	}

	double meanFrameBytes() {
		long frames = this.viewers.stream().mapToLong(ViewerFigures::frames).sum();
		return (frames == 0) ? 0 : (double) this.viewers.stream().mapToLong(ViewerFigures::frameBytes).sum() / frames;
	}

	long[] latenciesMicros() {
		return this.viewers.stream().flatMapToLong((v) -> java.util.Arrays.stream(v.latenciesMicros())).toArray();
	}

	long[] startLatenciesMicros() {
		return this.viewers.stream().flatMapToLong((v) -> java.util.Arrays.stream(v.startLatenciesMicros())).toArray();
	}

	long failures() {
		return this.viewers.stream().filter(ViewerFigures::failed).count();
	}

	/**
	 * One viewer's window.
	 *
	 * @param frames complete frames received
	 * @param bytes bytes read from the socket
	 * @param frameBytes JPEG bytes of those frames
	 * @param latenciesMicros capture to complete-frame delay of each frame
	 * @param startLatenciesMicros capture to first body byte of each frame
	 * @param failed whether the stream broke
	 * @param seconds length of the window as timed by the viewer's loop
	 */
	record ViewerFigures(long frames, long bytes, long frameBytes, long[] latenciesMicros, long[] startLatenciesMicros,
			boolean failed, double seconds) {

	}

}
