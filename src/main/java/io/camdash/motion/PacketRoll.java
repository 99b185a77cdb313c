package io.camdash.motion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import io.camdash.live.PlayableH264;
import org.jspecify.annotations.Nullable;

/**
 * The pre-roll of a camera whose own H.264 becomes its clips: the last seconds of its
 * packets, kept whole GOP by GOP so that a clip can start at a keyframe at or before its
 * pre-roll point, and handed on to the clips being recorded. Bounded by time (a GOP goes
 * once the next one starts at or before the window's start) and by bytes. Only packets of
 * a profile every browser plays are kept. Fed on the camera's capture thread, read by the
 * motion watcher: every method takes this object's lock, briefly.
 */
final class PacketRoll {

	private final Duration window;

	private final long maxBytes;

	private final ArrayDeque<Gop> gops = new ArrayDeque<>();

	private final List<ClipRecorder> followers = new CopyOnWriteArrayList<>();

	private @Nullable H264Track track;

	private volatile boolean playable;

	private long bytes;

	/**
	 * @param window how far back to keep, at least
	 * @param maxBytes most packet bytes kept; older GOPs go first
	 */
	PacketRoll(Duration window, long maxBytes) {
		this.window = window;
		this.maxBytes = maxBytes;
	}

	/** On the capture thread: keeps the packet and gives it to every clip following. */
	synchronized void add(H264Packet packet) {
		if (packet.track() != this.track) {
			// A source (re)opened: what was kept belongs to another timeline.
			this.track = packet.track();
			this.playable = PlayableH264.inBrowsers(packet.track());
			clear();
		}
		if (!this.playable) {
			return;
		}
		ClipPacket item = new ClipPacket(packet);
		for (ClipRecorder follower : this.followers) {
			follower.offer(item);
			if (follower.isClosed()) {
				this.followers.remove(follower);
			}
		}
		if (packet.keyframe()) {
			this.gops.addLast(new Gop(packet.receivedAt()));
		}
		Gop current = this.gops.peekLast();
		if (current == null) {
			// No keyframe yet: a clip could not start here.
			return;
		}
		current.packets.add(item);
		this.bytes += item.size();
		Instant cut = packet.receivedAt().minus(this.window);
		while (this.gops.size() > 1 && (this.bytes > this.maxBytes || !secondGop().start.isAfter(cut))) {
			this.bytes -= this.gops.removeFirst().bytes();
		}
		if (this.bytes > this.maxBytes) {
			// One GOP above the bound: start again at the next keyframe.
			this.gops.clear();
			this.bytes = 0;
		}
	}

	private Gop secondGop() {
		var iterator = this.gops.iterator();
		iterator.next();
		return iterator.next();
	}

	/**
	 * Whether clips can be made of packets: the camera's source gives H.264 that browsers
	 * play.
	 */
	boolean playable() {
		return this.playable;
	}

	/**
	 * The packets kept from the last keyframe at or before {@code from} (or from the
	 * oldest keyframe kept, if none is that old), oldest first.
	 */
	synchronized List<ClipPacket> since(Instant from) {
		List<ClipPacket> kept = new ArrayList<>();
		for (Gop gop : this.gops) {
			if (!gop.start.isAfter(from)) {
				kept.clear();
			}
			kept.addAll(gop.packets);
		}
		return kept;
	}

	/**
	 * Gives the recorder the packets kept from the last keyframe at or before
	 * {@code from}, then every packet that comes until it closes; false (and nothing
	 * given) when no keyframe is kept.
	 */
	synchronized boolean follow(Instant from, ClipRecorder recorder) {
		List<ClipPacket> kept = since(from);
		if (kept.isEmpty()) {
			return false;
		}
		kept.forEach(recorder::offer);
		this.followers.add(recorder);
		return true;
	}

	/** Forgets what was kept; clips following end with what they have. */
	synchronized void clear() {
		this.gops.clear();
		this.bytes = 0;
		for (ClipRecorder follower : this.followers) {
			follower.close();
		}
		this.followers.clear();
	}

	synchronized long bytes() {
		return this.bytes;
	}

	/** One GOP: a keyframe and the packets after it. */
	private static final class Gop {

		private final Instant start;

		private final List<ClipPacket> packets = new ArrayList<>();

		Gop(Instant start) {
			this.start = start;
		}

		long bytes() {
			return this.packets.stream().mapToLong(ClipPacket::size).sum();
		}

	}

}
