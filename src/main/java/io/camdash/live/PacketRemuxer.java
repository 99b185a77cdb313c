package io.camdash.live;

import java.util.List;

import io.camdash.camera.source.AudioPacket;
import io.camdash.camera.source.AudioTrack;
import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import org.jspecify.annotations.Nullable;

/**
 * Remuxes a camera's own H.264 packets into our fragmented MP4, without decoding: the
 * init segment from the track's parameter sets (its {@code avcC} record, its Annex B
 * parameter sets, or those in the first keyframe), then one fragment per packet with the
 * units as they came, length-prefixed. Timestamps come from the packets (decode time, and
 * presentation time as a composition offset, so B-frames play in order); a jump back or
 * far ahead (a file looping, a camera restarting) continues the timeline one frame later.
 * The source's AAC audio, if any, goes into a second track: one fragment per packet, back
 * to back on the video's timeline (re-aligned with it after a jump). One per track; used
 * under its stream's lock.
 */
final class PacketRemuxer {

	/** A timestamp jump beyond this is a discontinuity, not a pause. */
	private static final long MAX_GAP_TICKS = 10L * Fmp4Writer.TIMESCALE;

	private final H264Track track;

	/** The source's AAC audio, or null when it has none to pass. */
	private final @Nullable AudioTrack audio;

	/** Decode time of the next audio packet, in samples, or -1 before the first. */
	private long audioNext = -1;

	/** Bytes of each unit's length in the packets, or 0 for Annex B start codes. */
	private final int lengthSize;

	private byte @Nullable [] sps;

	private byte @Nullable [] pps;

	private @Nullable InitSegment init;

	private boolean started;

	private long baseDts = H264Packet.NO_TIME;

	private long baseTicks;

	private long lastDecodeTime = -1;

	private double frameTicks;

	/**
	 * @param audio the source's audio (passed on if it is AAC), or null
	 * @param fallbackFps frame rate to assume until packets show theirs, when the track
	 * does not say
	 */
	PacketRemuxer(H264Track track, @Nullable AudioTrack audio, int fallbackFps) {
		this.track = track;
		this.audio = (audio != null && audio.passable()) ? audio : null;
		byte[] extradata = track.extradata();
		List<byte[]> sets;
		if (H264Units.isAvcC(extradata)) {
			this.lengthSize = H264Units.lengthSize(extradata);
			sets = H264Units.fromAvcC(extradata);
		}
		else {
			this.lengthSize = 0;
			sets = H264Units.fromAnnexB(extradata, extradata.length);
		}
		findParameterSets(sets);
		double fps = (track.frameRate() >= 1 && track.frameRate() <= 240) ? track.frameRate()
				: Math.max(1, fallbackFps);
		this.frameTicks = Fmp4Writer.TIMESCALE / fps;
	}

	H264Track track() {
		return this.track;
	}

	/** The init segment, once the first keyframe came. */
	@Nullable InitSegment init() {
		return this.init;
	}

	/**
	 * The packet as a fragment, or null while waiting for the first keyframe (or for
	 * parameter sets).
	 */
	@Nullable Fragment remux(long sequence, H264Packet packet) {
		byte[] data = packet.data();
		List<byte[]> units = (this.lengthSize > 0) ? H264Units.fromLengthPrefixed(data, data.length, this.lengthSize)
				: H264Units.fromAnnexB(data, data.length);
		boolean keyframe = packet.keyframe()
				|| units.stream().anyMatch((unit) -> H264Units.type(unit) == H264Units.IDR);
		if (!this.started) {
			if (!keyframe) {
				return null;
			}
			if (this.sps == null || this.pps == null) {
				findParameterSets(units);
			}
			if (this.sps == null || this.pps == null) {
				return null;
			}
			this.started = true;
			// Media time zero is this first keyframe, as it arrived.
			int width = this.track.width();
			int height = this.track.height();
			this.init = new InitSegment(Fmp4Writer.initSegment(this.sps, this.pps, width, height),
					H264Units.codec(this.sps), width, height, packet.receivedAt().toEpochMilli(),
					(this.audio != null) ? Fmp4Writer.audioCodec(this.audio) : null, (this.audio != null)
							? Fmp4Writer.initSegment(this.sps, this.pps, width, height, this.audio) : null);
		}
		long dts = (packet.dts() != H264Packet.NO_TIME) ? packet.dts() : packet.pts();
		long decodeTime = decodeTime(dts);
		int offset = (packet.pts() != H264Packet.NO_TIME && dts != H264Packet.NO_TIME) ? (int) ticks(packet.pts() - dts)
				: 0;
		byte[] sample = H264Units.toLengthPrefixed(units);
		return new Fragment(Fmp4Writer.fragment(Fmp4Writer.TRACK_ID, sequence, decodeTime,
				(int) Math.round(this.frameTicks), offset, keyframe, sample), keyframe, false,
				packet.receivedAt().toEpochMilli());
	}

	/**
	 * The audio packet as a fragment of the audio track, or null: before the video
	 * started, of another track than the init segment's, or behind the audio already
	 * sent.
	 */
	@Nullable Fragment remuxAudio(long sequence, AudioPacket packet) {
		AudioTrack current = this.audio;
		if (!this.started || current == null || packet.track() != current || packet.pts() == H264Packet.NO_TIME
				|| this.baseDts == H264Packet.NO_TIME) {
			return null;
		}
		long rate = current.sampleRate();
		long duration = (packet.duration() > 0)
				? Math.round(packet.duration() * (double) rate * current.timeBaseNum() / current.timeBaseDen()) : 1024;
		// Where the video's timeline puts this moment of the source.
		double seconds = packet.pts() * (double) current.timeBaseNum() / current.timeBaseDen()
				- this.baseDts * (double) this.track.timeBaseNum() / this.track.timeBaseDen()
				+ this.baseTicks / (double) Fmp4Writer.TIMESCALE;
		long aligned = Math.round(seconds * rate);
		long decodeTime = this.audioNext;
		if (this.audioNext < 0 || aligned > this.audioNext + rate / 2) {
			// The first packet, or the source jumped ahead: follow the video.
			decodeTime = aligned;
		}
		else if (aligned < this.audioNext - rate / 2) {
			// Jumped back (a file looping) before the video did: wait for it.
			return null;
		}
		if (decodeTime < 0) {
			return null;
		}
		this.audioNext = decodeTime + duration;
		return new Fragment(Fmp4Writer.fragment(Fmp4Writer.AUDIO_TRACK_ID, sequence, decodeTime, (int) duration, 0,
				true, packet.data()), false, true, packet.receivedAt().toEpochMilli());
	}

	private void findParameterSets(List<byte[]> units) {
		for (byte[] unit : units) {
			if (H264Units.type(unit) == H264Units.SPS && this.sps == null && unit.length >= 4) {
				this.sps = unit;
			}
			else if (H264Units.type(unit) == H264Units.PPS && this.pps == null) {
				this.pps = unit;
			}
		}
	}

	/** The packet's decode time on our always increasing timeline, in track ticks. */
	private long decodeTime(long dts) {
		long next = (this.lastDecodeTime < 0) ? 0 : this.lastDecodeTime + Math.round(this.frameTicks);
		long ticks;
		if (dts == H264Packet.NO_TIME) {
			ticks = next;
		}
		else {
			if (this.baseDts == H264Packet.NO_TIME) {
				this.baseDts = dts;
				this.baseTicks = next;
			}
			ticks = this.baseTicks + ticks(dts - this.baseDts);
			if (this.lastDecodeTime >= 0
					&& (ticks <= this.lastDecodeTime || ticks > this.lastDecodeTime + MAX_GAP_TICKS)) {
				this.baseDts = dts;
				this.baseTicks = next;
				ticks = next;
			}
		}
		if (this.lastDecodeTime >= 0) {
			long measured = ticks - this.lastDecodeTime;
			if (measured > 0 && measured < Fmp4Writer.TIMESCALE) {
				this.frameTicks = 0.9 * this.frameTicks + 0.1 * measured;
			}
		}
		this.lastDecodeTime = ticks;
		return ticks;
	}

	/** A duration in the track's time base, in our ticks. */
	private long ticks(long duration) {
		return Math
			.round(duration * (double) Fmp4Writer.TIMESCALE * this.track.timeBaseNum() / this.track.timeBaseDen());
	}

}
