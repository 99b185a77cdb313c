package io.camdash.support;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * The picture slices of an H.264 MP4 file as its encoder wrote them, read packet by
 * packet without decoding: a file whose slices are all among a camera's was copied from
 * it, not encoded again.
 */
public final class H264Slices {

	private H264Slices() {
	}

	/** Every slice unit (IDR or not) of the file's video, in order. */
	public static List<ByteBuffer> of(Path mp4) throws Exception {
		List<ByteBuffer> slices = new ArrayList<>();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
			grabber.start();
			AVPacket packet;
			while ((packet = grabber.grabPacket()) != null) {
				byte[] data = new byte[packet.size()];
				packet.data().get(data);
				avcodec.av_packet_unref(packet);
				// MP4 samples: each unit after a 4-byte length.
				int i = 0;
				while (i + 4 <= data.length) {
					int size = ByteBuffer.wrap(data, i, 4).getInt();
					int type = data[i + 4] & 0x1F;
					if (type == 1 || type == 5) {
						slices.add(ByteBuffer.wrap(data, i + 4, size).slice());
					}
					i += 4 + size;
				}
			}
		}
		return slices;
	}

}
