package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ridestream.read.RideRow;
import io.ridestream.read.RideReader;

/**
 * Reads and parses a replay's CSV rows on a thread of its own, a few hundred rows ahead of the replay, so that
 * parsing (about a third of a replay's work) and sending to Kafka run on two cores. Rows come out in file order,
 * and so does a read failure, after every row before it. Bounded: at most {@link #CHUNKS} chunks of
 * {@link #CHUNK_ROWS} rows wait, and the reading thread waits when they are not taken. Waiting for rows ends when
 * the job is cancelled or the reading thread has died.
 */
final class ReadAhead implements AutoCloseable {

	static final int CHUNK_ROWS = 512;

	static final int CHUNKS = 4;

	private static final long STOP_TIMEOUT_SECONDS = 10;

	private static final long POLL_MILLIS = 100;

	private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS);

	private final CountDownLatch cancellation;

	private final Thread reader;

	private volatile boolean stopped;

	private List<RideRow> current = List.of();

	private int next;

	private boolean ended;

	private Throwable failure;

	ReadAhead(RideReader csv, String threadName, CountDownLatch cancellation) {
		this.cancellation = cancellation;
		this.reader = new Thread(() -> read(csv), threadName);
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * The next row; null at the end, or once the job is cancelled.
	 * @throws RuntimeException what reading the CSV threw (e.g. {@link java.io.UncheckedIOException}), once the
	 * rows before it were taken, or if the reading thread died without a word
	 * @throws Error what reading the CSV threw, likewise
	 * @throws InterruptedException if interrupted while waiting for the reader
	 */
	RideRow next() throws InterruptedException {
		while (this.next == this.current.size()) {
			if (this.failure != null) {
				throw rethrow(this.failure);
			}
			if (this.ended || this.cancellation.getCount() == 0) {
				return null;
			}
			take();
		}
		return this.current.get(this.next++);
	}

	private void take() throws InterruptedException {
		boolean readerAlive = this.reader.isAlive();
		Chunk chunk = this.chunks.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
		if (chunk != null) {
			this.current = chunk.rows();
			this.next = 0;
			this.ended = chunk.last();
			this.failure = chunk.failure();
		}
		else if (!readerAlive) {
			// Checked before polling: a reader that ended after its last chunk has put it by then.
			this.failure = new UncheckedIOException(new IOException("the CSV reading thread ended unexpectedly"));
		}
	}

	private void read(RideReader csv) {
		List<RideRow> rows = new ArrayList<>(CHUNK_ROWS);
		try {
			for (RideRow row = csv.next(); row != null && !this.stopped; row = csv.next()) {
				rows.add(row);
				if (rows.size() == CHUNK_ROWS) {
					put(new Chunk(rows, false, null));
					rows = new ArrayList<>(CHUNK_ROWS);
				}
			}
			put(new Chunk(rows, true, null));
		}
		catch (InterruptedException ex) {
			// Stopped: nobody takes rows anymore.
		}
		catch (RuntimeException | Error ex) {
			// Errors too: a reader dying silently would leave the replay waiting for rows.
			try {
				put(new Chunk(rows, true, ex));
			}
			catch (InterruptedException stopped) {
				// Nobody takes it anymore.
			}
		}
	}

	private void put(Chunk chunk) throws InterruptedException {
		while (!this.chunks.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
			if (this.stopped) {
				throw new InterruptedException("stopped");
			}
		}
	}

	private static RuntimeException rethrow(Throwable failure) {
		if (failure instanceof Error error) {
			throw error;
		}
		return (RuntimeException) failure;
	}

	/** Stops reading and waits for the reading thread to end, so that the CSV may be closed. */
	@Override
	public void close() throws InterruptedException {
		this.stopped = true;
		this.reader.interrupt();
		this.chunks.clear();
		this.reader.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
	}

	/** Rows in file order; the last chunk may carry the failure that ended reading. */
	private record Chunk(List<RideRow> rows, boolean last, Throwable failure) {
	}

}
