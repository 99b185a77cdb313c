package io.camdash.motion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.camdash.storage.AtomicFiles;
import io.camdash.storage.AtomicFiles.Durability;
import io.camdash.storage.WriteProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one event's clip, an H.264 MP4 that every browser plays, on a thread of its own
 * at low priority so capture and detection never wait for it: its {@link ClipWriter}
 * copies the camera's own H.264 packets or encodes its JPEG frames. The motion watcher
 * (and, for packets, the {@link PacketRoll}) hands it items as they come; it writes only
 * those known to belong to the clip (up to the last motion plus the post-roll, which
 * grows while the event goes on), and when told to finish drops the rest and closes the
 * file.
 * <p>
 * The MP4 is written to a hidden temporary file ({@link AtomicFiles#createTemp}), synced
 * and moved into place when complete, so a clip is either whole or absent: a full disk or
 * a failed encoder leaves nothing visible, and a crash only a temporary file that the
 * next start removes.
 * <p>
 * Longer than most classes: what belongs to the clip, when it is complete and the writing
 * are one piece of state under one lock, shared by the watcher and this thread; split,
 * that lock would span two classes.
 */
final class ClipRecorder implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(ClipRecorder.class);

	/**
	 * Bytes waiting to be written, at most: a bound on memory when the writer falls
	 * behind (frames beyond it are dropped, and the clip jumps).
	 */
	static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

	/** Free space below which a failed clip is put down to a full disk. */
	private static final long LOW_SPACE_BYTES = 1024 * 1024;

	private final Path target;

	private final ClipWriter writer;

	private final Class<? extends ClipItem> items;

	private final Consumer<Result> done;

	private final ArrayDeque<ClipItem> pending = new ArrayDeque<>();

	private long pendingBytes;

	private Instant until;

	/** The end is fixed: the clip grows no further than {@link #until}. */
	private boolean finished;

	/** No more frames come: once pending frames are encoded, the file is closed. */
	private boolean closed;

	/** A finished clip is closed by this time even if no later frame ever arrives. */
	private long closeDeadlineNanos;

	private long dropped;

	/**
	 * @param target where the finished MP4 goes
	 * @param writer makes the MP4; used on the recorder's thread only, and closed there
	 * @param until items captured up to this time belong to the clip so far
	 * @param done told once of the outcome, on the recorder's thread
	 */
	ClipRecorder(Path target, ClipWriter writer, Instant until, Consumer<Result> done) {
		this.target = target;
		this.writer = writer;
		this.items = writer.items();
		this.until = until;
		this.done = done;
	}

	/** Starts the recorder's thread. */
	void start(String cameraId) {
		Thread thread = new Thread(this, "camdash-clip-" + cameraId);
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	/**
	 * An item for the clip, if it turns out to fall within it; an item of another kind
	 * than the writer's only tells the time.
	 */
	synchronized void offer(ClipItem item) {
		if (this.closed || (this.finished && item.capturedAt().isAfter(this.until))) {
			// Past the end: nothing more can belong to the clip.
			this.closed = true;
			notifyAll();
			return;
		}
		if (!this.items.isInstance(item)) {
			return;
		}
		if (this.pendingBytes + item.size() > MAX_PENDING_BYTES) {
			this.dropped++;
			return;
		}
		this.pending.addLast(item);
		this.pendingBytes += item.size();
		notifyAll();
	}

	/** Frames captured up to {@code time} belong to the clip. */
	synchronized void extendTo(Instant time) {
		if (time.isAfter(this.until)) {
			this.until = time;
			notifyAll();
		}
	}

	/**
	 * The clip ends at {@code time}: frames up to it still come through {@link #offer},
	 * and the first frame after it closes the file.
	 */
	synchronized void finish(Instant time) {
		this.until = time;
		this.finished = true;
		this.closeDeadlineNanos = System.nanoTime() + Duration.between(Instant.now(), time).toNanos()
				+ TimeUnit.SECONDS.toNanos(5);
		notifyAll();
	}

	/**
	 * No more frames will come (camera lost, camdash stopping): closes with what it has.
	 */
	synchronized void close() {
		this.finished = true;
		this.closed = true;
		notifyAll();
	}

	/** Whether the clip takes no more frames. */
	synchronized boolean isClosed() {
		return this.closed;
	}

	/** The next item to write, waiting for one; null when the clip is complete. */
	private synchronized @Nullable ClipItem next() throws InterruptedException {
		while (true) {
			ClipItem head = this.pending.peekFirst();
			if (head != null && !head.capturedAt().isAfter(this.until)) {
				this.pending.removeFirst();
				this.pendingBytes -= head.size();
				return head;
			}
			if (this.finished && (head != null || this.closed || System.nanoTime() - this.closeDeadlineNanos > 0)) {
				this.closed = true;
				this.pending.clear();
				this.pendingBytes = 0;
				return null;
			}
			wait(200);
		}
	}

	@Override
	public void run() {
		Path temp = null;
		Result result;
		try {
			temp = AtomicFiles.createTemp(this.target.getParent(), this.target.getFileName().toString());
			// The writer's file is closed before it is synced and moved.
			try (this.writer) {
				result = record(temp);
			}
			AtomicFiles.syncFile(temp);
			AtomicFiles.moveIntoPlace(temp, this.target, false, Durability.DURABLE);
		}
		catch (Exception | LinkageError ex) {
			String problem = describe(ex, this.target.getParent());
			log.warn("Could not write the clip {}: {}", this.target.getFileName(), problem);
			log.debug("Clip failure", ex);
			result = Result.failed(problem);
			synchronized (this) {
				this.finished = true;
				this.closed = true;
				this.pending.clear();
				this.pendingBytes = 0;
			}
		}
		finally {
			this.writer.close();
			if (temp != null) {
				deleteQuietly(temp);
			}
		}
		this.done.accept(result);
	}

	private Result record(Path temp) throws Exception {
		ClipItem item;
		while ((item = next()) != null) {
			this.writer.write(temp, item);
		}
		ClipWriter.Written written = this.writer.finish();
		long dropped;
		synchronized (this) {
			dropped = this.dropped;
		}
		if (dropped > 0) {
			log.info("Clip {}: {} frames dropped because writing fell behind", this.target.getFileName(), dropped);
		}
		return new Result(this.target, written.start(), written.seconds(), written.frames(), null);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (Exception ex) {
			log.debug("Could not remove {}: {}", file, ex.toString());
		}
	}

	/**
	 * Why a clip failed, in words: the encoder (whose exceptions are IOExceptions too)
	 * reports a full disk only as an error number, so the free space is asked as well.
	 */
	static String describe(Throwable failure, Path folder) {
		if (failure instanceof IOException io && WriteProblem.of(io) != WriteProblem.OTHER) {
			return WriteProblem.describe(io, "the pictures folder");
		}
		try {
			if (Files.getFileStore(folder).getUsableSpace() < LOW_SPACE_BYTES) {
				return "the disk is full";
			}
		}
		catch (IOException | RuntimeException ex) {
			// The folder is gone: the encoder's own words will do.
		}
		String message = failure.getMessage();
		return (message == null || message.isBlank()) ? "the encoder failed" : message;
	}

	/**
	 * How a clip turned out.
	 *
	 * @param file the MP4, or null if none was written
	 * @param start capture time of its first frame
	 * @param seconds how long it plays
	 * @param frames frames in it
	 * @param problem why there is no clip, or null
	 */
	record Result(@Nullable Path file, @Nullable Instant start, double seconds, int frames, @Nullable String problem) {

		static Result failed(String problem) {
			return new Result(null, null, 0, 0, problem);
		}

		boolean written() {
			return this.file != null;
		}

	}

}
