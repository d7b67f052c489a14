package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;

import io.ridestream.read.RideFileException;
import io.ridestream.read.RideReader;
import io.ridestream.read.RideRow;
import io.ridestream.serde.InvalidRideException;

/**
 * Runs one replay job: reads the CSV row by row (parsed {@linkplain ReadAhead ahead} on a second thread), rejects the rows that are not rides and sends the others to
 * Kafka, paced as asked, in transactions of at most {@code transaction-size} rides. A transaction is committed
 * when it is full, when the next ride is not due yet (no transaction stays open while the pacer waits), at the end
 * and on cancel. A ride counts as published only once its transaction committed: a ride whose fate is unknown is
 * never counted, and read_committed consumers never see it. If a transaction fails, all its rides count as failed
 * and the replay stops.
 */
final class Replay implements Runnable {

	/**
	 * How long one transaction may wait for paced rides. Consumers read committed rides only, so a paced replay
	 * must commit often; an unpaced one fills its transactions at once.
	 */
	private static final Duration TRANSACTION_SPAN = Duration.ofMillis(100);

	/** How often a transaction is sent again without the rides Kafka refused on their own, before failing. */
	private static final int MAX_ATTEMPTS = 5;

	private static final Log logger = LogFactory.getLog(Replay.class);

	private final ReplayJob job;

	private final ReplaySource source;

	private final RidePublisher publisher;

	private final ReplayMetrics metrics;

	private final Pacer pacer;

	private final int transactionSize;

	private TimestampLimits timestampLimits = TimestampLimits.KAFKA_DEFAULTS;

	private long rowsTaken;

	private boolean endOfInput;

	private boolean interrupted;

	private String failure;

	// Guarded by this: whether the replay's thread is committing, which shutdown must not interrupt.
	private boolean committing;

	private volatile Thread runner;

	Replay(ReplayJob job, ReplaySource source, RidePublisher publisher, ReplayMetrics metrics, ReplayProperties settings) {
		this.job = job;
		this.source = source;
		this.publisher = publisher;
		this.metrics = metrics;
		this.pacer = new Pacer(job.options(), job.cancellation(), settings.pacingMaxGap(), settings.sourceZone());
		this.transactionSize = settings.transactionSize();
	}

	/** Runs the job, and finishes it whatever happens: no job stays RUNNING. */
	@Override
	public void run() {
		this.runner = Thread.currentThread();
		String error = null;
		boolean complete = false;
		VirtualMachineError fatal = null;
		try (RideReader reader = this.source.reader();
				ReadAhead rows = new ReadAhead(reader, Thread.currentThread().getName() + "-reader",
						this.job.cancellation())) {
			TopicWritabilityCheck.Writability writability = this.publisher.writability();
			if (writability.refusal().isPresent()) {
				error = writability.refusal().get() + "; nothing was sent";
			}
			else {
				// Unreachable, Kafka cannot tell its limits either (and the first send fails): not asked again.
				this.timestampLimits = writability.answered() ? this.publisher.timestampLimits()
						: TimestampLimits.KAFKA_DEFAULTS;
				complete = replay(rows);
			}
		}
		catch (RideFileException ex) {
			error = ex.getMessage();
		}
		catch (IOException | UncheckedIOException ex) {
			error = "Reading " + this.source.description() + " failed: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "Interrupted, the service is shutting down";
		}
		catch (RuntimeException | Error ex) {
			logger.error("Replay " + this.job.id() + " failed unexpectedly", ex);
			error = "Unexpected error: " + ex;
			fatal = (ex instanceof VirtualMachineError e) ? e : null;
		}
		finally {
			try {
				this.source.discard();
			}
			finally {
				error = (error != null) ? error : this.failure;
				this.job.finish(finalState(error, complete), error);
			}
		}
		if (fatal != null) {
			throw fatal;
		}
	}

	/** @return true if every row was read, false if the replay stopped early */
	private boolean replay(ReadAhead csv) throws InterruptedException {
		RideRow.Parsed next = nextRide(csv);
		while (next != null && !this.job.isCancelRequested() && this.failure == null) {
			if (!this.pacer.awaitTurn(next.ride().pickupTime())) {
				return false;
			}
			next = publishTransaction(next, csv);
		}
		return next == null && this.endOfInput;
	}

	/**
	 * Sends the first ride and the rides after it that are due now in one transaction, and commits it.
	 * @return the ride to send in the next transaction once due, or null at the end, on cancel or failure
	 */
	private RideRow.Parsed publishTransaction(RideRow.Parsed first, ReadAhead csv) {
		Transaction transaction = new Transaction();
		RideRow.Parsed[] notDueYet = new RideRow.Parsed[1];
		UncheckedIOException[] readFailure = new UncheckedIOException[1];
		// Counted before the transaction begins: if it cannot begin (Kafka is down), this ride failed.
		transaction.read(first);
		long deadline = System.nanoTime() + TRANSACTION_SPAN.toNanos();
		boolean committed = commit(transaction, (sender) -> {
			send(sender, transaction.last(), transaction);
			while (transaction.size() < this.transactionSize && !this.job.isCancelRequested()
					&& !failedAtOnce(transaction)) {
				RideRow.Parsed ride;
				try {
					ride = nextRide(csv);
				}
				catch (UncheckedIOException ex) {
					// The rides read before the file broke off (a cut gzip file, a disk gone) are still published.
					readFailure[0] = ex;
					return;
				}
				if (ride == null) {
					return;
				}
				if (!awaitTurnBefore(ride, deadline)) {
					notDueYet[0] = ride;
					return;
				}
				send(sender, transaction.read(ride), transaction);
			}
		});
		if (!committed) {
			return null;
		}
		if (readFailure[0] != null) {
			throw readFailure[0];
		}
		if (notDueYet[0] != null || this.endOfInput) {
			return notDueYet[0];
		}
		return nextRide(csv);
	}

	/**
	 * Runs the transaction and counts its rides' outcome. Rides Kafka refused on their own (a timestamp or size it
	 * does not accept) fail the whole transaction, as any failed send does: they are rejected, and the others sent
	 * again in a new transaction.
	 * @return whether the replay goes on
	 */
	private boolean commit(Transaction transaction, Consumer<RidePublisher.Sender> work) {
		Transaction current = transaction;
		Consumer<RidePublisher.Sender> sending = work;
		for (int attempt = 1;; attempt++) {
			try {
				this.publisher.inTransaction(sending, () -> committing(true));
				published(current.size());
				return true;
			}
			catch (UncheckedIOException | Error ex) {
				failed(current.size());
				throw ex;
			}
			catch (CommitOutcomeUnknownException ex) {
				unknown(current.size());
				this.failure = this.publisher.describeFailure(ex);
				return false;
			}
			catch (RuntimeException ex) {
				List<Transaction.Sent> refused = current.refusedAlone();
				if (refused.isEmpty() || attempt == MAX_ATTEMPTS) {
					failed(current.size());
					this.failure = this.publisher.describeFailure(explanation(ex, current));
					return false;
				}
				for (Transaction.Sent ride : refused) {
					rejected(ride.row(), "Kafka refused the ride: " + ride.failure().getMessage());
				}
				Transaction retry = current.without(refused);
				if (retry.size() == 0) {
					return true;
				}
				current = retry;
				sending = (sender) -> retry.rides().forEach((ride) -> send(sender, ride, retry));
			}
			finally {
				committing(false);
			}
		}
	}

	/** Whether the ride's turn comes before the deadline; if so, after waiting for it. */
	private boolean awaitTurnBefore(RideRow.Parsed ride, long deadline) {
		try {
			return this.pacer.awaitTurnBefore(ride.ride().pickupTime(), deadline);
		}
		catch (InterruptedException ex) {
			// The service is stopping, and has cancelled the job: commit what was sent and stop.
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The next row that is a ride, counting the rows rejected on the way; null at the end, the limit or cancel. */
	private RideRow.Parsed nextRide(ReadAhead csv) {
		Long limit = this.job.options().limit();
		while (!this.job.isCancelRequested()) {
			RideRow row = (limit == null || this.rowsTaken < limit) ? next(csv) : null;
			if (row == null) {
				// The read-ahead also gives up waiting for rows on cancel: that is no end of the file.
				this.endOfInput = !this.interrupted && !this.job.isCancelRequested();
				return null;
			}
			this.rowsTaken++;
			if (row instanceof RideRow.Parsed parsed) {
				return parsed;
			}
			if (row instanceof RideRow.Rejected rejected) {
				this.job.rowRead();
				this.job.rowRejected(rejected.position(), rejected.reason());
				this.metrics.rejected();
			}
		}
		return null;
	}

	private RideRow next(ReadAhead csv) {
		try {
			return csv.next();
		}
		catch (InterruptedException ex) {
			// The service is stopping, and has cancelled the job: commit what was sent and stop.
			Thread.currentThread().interrupt();
			this.interrupted = true;
			return null;
		}
	}

	/**
	 * What explains best why the transaction failed: its own error, unless that is Kafka's generic "previously sent
	 * messages" one and a send timed out, which names the brokers being away. Other send failures are not used:
	 * closing a failed producer fails its other sends too.
	 */
	private static Throwable explanation(RuntimeException failure, Transaction transaction) {
		if (Causes.find(failure, TimeoutException.class) != null) {
			return failure;
		}
		Throwable timedOut = transaction.firstFailure(TimeoutException.class);
		return (timedOut != null) ? timedOut : failure;
	}

	/**
	 * Sends a ride, already counted, in the current transaction. A ride the serializer finds not to match its
	 * schema is a bad row: the serializer throws before the record joins the transaction, which goes on. Any other
	 * error fails the transaction, with this ride in it.
	 */
	private void send(RidePublisher.Sender sender, Transaction.Sent ride, Transaction transaction) {
		try {
			ride.acknowledged = sender.send(this.job.id(), this.job.options().key(), ride.row(), this.timestampLimits);
		}
		catch (RuntimeException ex) {
			InvalidRideException invalid = Causes.find(ex, InvalidRideException.class);
			if (invalid == null) {
				throw ex;
			}
			transaction.remove(ride); // rejected rather than part of the transaction
			rejected(ride.row(), String.join("; ", invalid.violations()));
		}
	}

	/**
	 * Whether Kafka failed the last ride sent at once, e.g. after waiting for a broker that is gone: the transaction
	 * cannot commit, and each further send would wait as long again, so it takes no more rides.
	 */
	private static boolean failedAtOnce(Transaction transaction) {
		if (transaction.size() == 0) {
			return false;
		}
		CompletableFuture<?> acknowledged = transaction.last().acknowledged;
		return acknowledged != null && acknowledged.isCompletedExceptionally();
	}

	private void rejected(RideRow.Parsed row, String reason) {
		this.job.rowRejected(row.position(), reason);
		this.metrics.rejected();
	}

	private void published(int rides) {
		for (int i = 0; i < rides; i++) {
			this.job.rowPublished();
			this.metrics.published();
		}
	}

	private void failed(int rides) {
		for (int i = 0; i < rides; i++) {
			this.job.rowFailed();
			this.metrics.failed();
		}
	}

	private void unknown(int rides) {
		for (int i = 0; i < rides; i++) {
			this.job.rowUnknown();
			this.metrics.unknown();
		}
	}

	/** Interrupts the replay, as the service does at shutdown, unless it is committing (which must finish). */
	synchronized void interruptUnlessCommitting() {
		if (!this.committing && this.runner != null) {
			this.runner.interrupt();
		}
	}

	private synchronized void committing(boolean committing) {
		this.committing = committing;
	}

	private ReplayState finalState(String error, boolean complete) {
		if (error != null) {
			return ReplayState.FAILED;
		}
		return (complete || !this.job.isCancelRequested()) ? ReplayState.COMPLETED : ReplayState.CANCELLED;
	}

	/** The rides of one transaction, in the order read, with Kafka's answer to each once sent. */
	private final class Transaction {

		private final List<Sent> rides = new ArrayList<>();

		/** Counts a ride read and adds it. */
		Sent read(RideRow.Parsed ride) {
			Replay.this.job.rowRead();
			Sent sent = new Sent(ride);
			this.rides.add(sent);
			return sent;
		}

		Sent last() {
			return this.rides.get(this.rides.size() - 1);
		}

		void remove(Sent ride) {
			this.rides.remove(ride);
		}

		int size() {
			return this.rides.size();
		}

		/** The rides, as a copy: sending one may remove it. */
		List<Sent> rides() {
			return List.copyOf(this.rides);
		}

		/** The rides Kafka refused for what they are, rather than for the company they were in. */
		List<Sent> refusedAlone() {
			return this.rides.stream().filter((sent) -> isRefusedAlone(sent.failure())).toList();
		}

		/** The first ride's failure of this type, in the order sent; null if none. */
		Throwable firstFailure(Class<? extends Throwable> type) {
			return this.rides.stream().map(Sent::failure).filter(type::isInstance).findFirst().orElse(null);
		}

		/** A new transaction of the other rides, not sent yet. */
		Transaction without(List<Sent> refused) {
			Transaction rest = new Transaction();
			this.rides.stream().filter((sent) -> !refused.contains(sent)).forEach((sent) -> rest.rides.add(new Sent(sent.row())));
			return rest;
		}

		private static boolean isRefusedAlone(Throwable failure) {
			return failure instanceof InvalidTimestampException || failure instanceof RecordTooLargeException
					|| failure instanceof InvalidRecordException;
		}

		static final class Sent {

			private final RideRow.Parsed row;

			private CompletableFuture<?> acknowledged;

			Sent(RideRow.Parsed row) {
				this.row = row;
			}

			RideRow.Parsed row() {
				return this.row;
			}

			/** Why Kafka did not take the ride, or null. */
			Throwable failure() {
				if (this.acknowledged == null || !this.acknowledged.isCompletedExceptionally()) {
					return null;
				}
				return this.acknowledged.handle((result, failure) -> failure).getNow(null);
			}

		}

	}

}
