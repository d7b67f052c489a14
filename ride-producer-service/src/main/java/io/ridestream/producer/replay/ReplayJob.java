package io.ridestream.producer.replay;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replay: its progress, updated by the thread that runs it and by Kafka's acknowledgements, and read by
 * whoever asks.
 */
final class ReplayJob {

	private final String id = UUID.randomUUID().toString();

	private final String source;

	private final ReplayOptions options;

	private final int rejectionsKept;

	private final Instant startedAt;

	private final AtomicLong rowsRead = new AtomicLong();

	private final AtomicLong published = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong unknown = new AtomicLong();

	private final List<RejectedRow> rejectedRows = new CopyOnWriteArrayList<>();

	private final CountDownLatch cancellation = new CountDownLatch(1);

	private final CompletableFuture<ReplayJob> completion = new CompletableFuture<>();

	private volatile Instant finishedAt;

	private volatile String error;

	// Written last when finishing, so whoever reads a finished state also sees the final counts.
	private volatile ReplayState state = ReplayState.RUNNING;

	ReplayJob(String source, ReplayOptions options, int rejectionsKept) {
		this.source = source;
		this.options = options;
		this.rejectionsKept = rejectionsKept;
		this.startedAt = now();
	}

	String id() {
		return this.id;
	}

	String source() {
		return this.source;
	}

	ReplayOptions options() {
		return this.options;
	}

	ReplayState state() {
		return this.state;
	}

	boolean isRunning() {
		return this.state == ReplayState.RUNNING;
	}

	/** Counted when a row is handed on: sent to Kafka or rejected. */
	void rowRead() {
		this.rowsRead.incrementAndGet();
	}

	void rowPublished() {
		this.published.incrementAndGet();
	}

	void rowFailed() {
		this.failed.incrementAndGet();
	}

	/** A ride whose transaction's commit Kafka did not confirm: it may or may not be published. */
	void rowUnknown() {
		this.unknown.incrementAndGet();
	}

	void rowRejected(long line, String reason) {
		if (this.rejected.incrementAndGet() <= this.rejectionsKept) {
			this.rejectedRows.add(new RejectedRow(line, reason));
		}
	}

	/**
	 * Asks the job to stop reading rows.
	 * @return false if the job had already finished
	 */
	boolean cancel() {
		if (!isRunning()) {
			return false;
		}
		this.cancellation.countDown();
		return true;
	}

	boolean isCancelRequested() {
		return this.cancellation.getCount() == 0;
	}

	/** Counts down when the job is cancelled, so that waits can end early. */
	CountDownLatch cancellation() {
		return this.cancellation;
	}

	/** Completes with this job once it has finished. */
	CompletableFuture<ReplayJob> completion() {
		return this.completion;
	}

	void finish(ReplayState finalState, String error) {
		this.finishedAt = now();
		this.error = error;
		this.state = finalState;
		this.completion.complete(this);
	}

	ReplayJobView view() {
		ReplayState state = this.state;
		// Counts before rows read: a running job never shows more outcomes than rows.
		long published = this.published.get();
		long failed = this.failed.get();
		long rejected = this.rejected.get();
		long unknown = this.unknown.get();
		boolean finished = state != ReplayState.RUNNING;
		return new ReplayJobView(this.id, state, this.source, this.options, this.rowsRead.get(), published,
				rejected, failed, unknown, this.startedAt, finished ? this.finishedAt : null, finished ? this.error : null,
				List.copyOf(this.rejectedRows));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
