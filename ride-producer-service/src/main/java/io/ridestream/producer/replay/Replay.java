package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.ridestream.model.CsvHeaderException;
import io.ridestream.model.CsvRow;
import io.ridestream.model.InvalidRideException;
import io.ridestream.model.RideCsvReader;

/**
 * Runs one replay job: reads the CSV row by row, rejects the rows that are not rides and sends the others to
 * Kafka, paced as asked, with a bounded number of sends awaiting acknowledgement. Stops at the first failed
 * send. Finishes the job only once every send has settled, so its final counts add up.
 */
final class Replay implements Runnable {

	private static final Log logger = LogFactory.getLog(Replay.class);

	private final ReplayJob job;

	private final ReplaySource source;

	private final RidePublisher publisher;

	private final ReplayMetrics metrics;

	private final Pacer pacer;

	private final int maxInFlight;

	private final Semaphore inFlight;

	private final AtomicReference<String> firstFailure = new AtomicReference<>();

	Replay(ReplayJob job, ReplaySource source, RidePublisher publisher, ReplayMetrics metrics, int maxInFlight) {
		this.job = job;
		this.source = source;
		this.publisher = publisher;
		this.metrics = metrics;
		this.pacer = new Pacer(job.options(), job.cancellation());
		this.maxInFlight = maxInFlight;
		this.inFlight = new Semaphore(maxInFlight);
	}

	@Override
	public void run() {
		String error = null;
		boolean complete = false;
		try (InputStream in = this.source.open();
				RideCsvReader csv = RideCsvReader.open(in)) {
			complete = replay(csv);
		}
		catch (CsvHeaderException ex) {
			error = ex.getMessage();
		}
		catch (IOException | UncheckedIOException ex) {
			error = "Reading " + this.source.description() + " failed: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "Interrupted, the service is shutting down";
		}
		catch (RuntimeException ex) {
			logger.error("Replay " + this.job.id() + " failed unexpectedly", ex);
			error = "Unexpected error: " + ex;
		}
		finally {
			this.source.discard();
		}
		error = awaitSettled(error);
		this.job.finish(finalState(error, complete), error);
	}

	/** @return true if every row was read, false if the replay stopped early */
	private boolean replay(RideCsvReader csv) throws InterruptedException {
		Long limit = this.job.options().limit();
		ReplayKey key = this.job.options().key();
		long taken = 0;
		while (!this.job.isCancelRequested() && this.firstFailure.get() == null) {
			if (limit != null && taken >= limit) {
				return true;
			}
			CsvRow row = csv.next();
			if (row == null) {
				return true;
			}
			if (row instanceof CsvRow.Rejected rejected) {
				this.job.rowRead();
				this.job.rowRejected(rejected.line(), rejected.reason());
				this.metrics.rejected();
			}
			else if (row instanceof CsvRow.Parsed parsed) {
				if (!this.pacer.awaitTurn(parsed.ride().pickupTime())) {
					return false;
				}
				this.inFlight.acquire();
				this.job.rowRead();
				send(key, parsed);
			}
			taken++;
		}
		return false;
	}

	private void send(ReplayKey key, CsvRow.Parsed row) {
		try {
			this.publisher.publish(this.job.id(), key, row).whenComplete((result, ex) -> {
				if (ex == null) {
					this.job.rowPublished();
					this.metrics.published();
				}
				else {
					notSent(row, ex);
				}
				this.inFlight.release();
			});
		}
		catch (RuntimeException ex) {
			notSent(row, ex);
			this.inFlight.release();
		}
	}

	/** A ride the serializer found not to match its schema is a bad row; anything else is a failed send. */
	private void notSent(CsvRow.Parsed row, Throwable ex) {
		InvalidRideException invalid = Causes.find(ex, InvalidRideException.class);
		if (invalid != null) {
			this.job.rowRejected(row.line(), String.join("; ", invalid.violations()));
			this.metrics.rejected();
		}
		else {
			failed(ex);
		}
	}

	private void failed(Throwable ex) {
		this.job.rowFailed();
		this.metrics.failed();
		this.firstFailure.compareAndSet(null, this.publisher.describeFailure(ex));
	}

	/** Waits until every send is acknowledged or has failed; every permit back means nothing is in flight. */
	private String awaitSettled(String error) {
		try {
			this.inFlight.acquire(this.maxInFlight);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "Interrupted while waiting for Kafka's acknowledgements, the counts may be incomplete";
		}
		return (error != null) ? error : this.firstFailure.get();
	}

	private ReplayState finalState(String error, boolean complete) {
		if (error != null) {
			return ReplayState.FAILED;
		}
		return (complete || !this.job.isCancelRequested()) ? ReplayState.COMPLETED : ReplayState.CANCELLED;
	}

}
