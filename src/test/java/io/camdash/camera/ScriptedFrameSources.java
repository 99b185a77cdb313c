package io.camdash.camera;

import java.io.IOException;

import io.camdash.camera.source.FrameSource;
import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.PiCameraProperties;
import io.camdash.camera.source.SourceSettings;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Real frame sources that a test can make fail or hang on cue, standing in for a camera
 * that is unplugged or stops answering.
 */
class ScriptedFrameSources extends FrameSourceFactory {

	enum Fault {

		NONE, THROW, STALL

	}

	private volatile Fault fault = Fault.NONE;

	ScriptedFrameSources() {
		super(PiCameraProperties.defaults());
	}

	void inject(Fault fault) {
		this.fault = fault;
	}

	@Override
	public FrameSource create(SourceSettings settings) {
		FrameSource real = super.create(settings);
		return new FrameSource() {

			@Override
			public void open() throws IOException {
				if (ScriptedFrameSources.this.fault == Fault.THROW) {
					throw new IOException("simulated camera failure");
				}
				real.open();
			}

			@Override
			public Mat grab() throws IOException, InterruptedException {
				if (ScriptedFrameSources.this.fault == Fault.THROW) {
					throw new IOException("simulated camera failure");
				}
				while (ScriptedFrameSources.this.fault == Fault.STALL) {
					Thread.sleep(10);
				}
				return real.grab();
			}

			@Override
			public long frameIntervalNanos() {
				return real.frameIntervalNanos();
			}

			@Override
			public void close() {
				real.close();
			}
		};
	}

}
