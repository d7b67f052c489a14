package io.ridestream.producer.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import io.ridestream.read.RideRow;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideHeaders;
import io.ridestream.serde.registry.SchemaRegistryException;
import io.ridestream.producer.topic.TopicProperties;

/**
 * Sends rides to the rides topic in transactions, without waiting for Kafka's acknowledgement of each ride. Each
 * record carries the pickup time as its timestamp when the topic accepts it, the send time otherwise
 * ({@link TimestampLimits}), and names the replay and CSV line it came from, and its send time, in its headers.
 * <p>
 * Drives the transactional producer itself rather than through {@code KafkaTemplate}, which aborts after a failed
 * commit: a commit that timed out may still complete, and Kafka's documentation allows retrying it.
 */
@Component
class RidePublisher {

	private static final Log logger = LogFactory.getLog(RidePublisher.class);

	private final ProducerFactory<String, Ride> producers;

	private final String topic;

	private final ZoneId sourceZone;

	private final Duration commitTimeout;

	private final TopicTimestampLimits timestampLimits;

	private final TopicWritabilityCheck writability;

	private final Tracer tracer;

	private final Propagator propagator;

	RidePublisher(KafkaTemplate<String, Ride> kafka, TopicProperties topic, ReplayProperties properties,
			TopicTimestampLimits timestampLimits, TopicWritabilityCheck writability, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) {
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
		this.producers = kafka.getProducerFactory();
		this.topic = topic.name();
		this.sourceZone = properties.sourceZone();
		this.commitTimeout = properties.commitTimeout();
		this.timestampLimits = timestampLimits;
		this.writability = writability;
	}

	/** Whether Kafka answers and takes writes to the topic now. */
	TopicWritabilityCheck.Writability writability() {
		return this.writability.check();
	}

	/** The record timestamps the topic accepts now, read from the cluster. */
	TimestampLimits timestampLimits() {
		return this.timestampLimits.current();
	}

	/**
	 * Runs the work in a Kafka transaction: the rides it sends are committed together when it returns, or aborted
	 * together if it throws or the commit fails (the commit waits for every send to be acknowledged). A commit that
	 * times out or is interrupted is retried for up to {@code commit-timeout}.
	 * @param committing told when the work is done and the commit begins
	 * @throws CommitOutcomeUnknownException if the commit was sent but not confirmed in time
	 * @throws RuntimeException what the work threw, or why the transaction could not begin or commit
	 */
	void inTransaction(Consumer<Sender> work, Runnable committing) {
		Producer<String, Ride> producer = this.producers.createProducer();
		List<Header> trace = traceHeaders();
		boolean interrupted = false;
		try {
			producer.beginTransaction();
			try {
				work.accept((replayId, key, row, limits) -> send(producer, replayId, key, row, limits, trace));
			}
			catch (RuntimeException | Error ex) {
				abortQuietly(producer);
				throw ex;
			}
			committing.run();
			interrupted = commit(producer);
		}
		finally {
			closeQuietly(producer);
			// Restored only now: closing an interrupted thread's producer fails, and the commit's outcome is known.
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Commits, retrying a commit that timed out until Kafka tells its outcome or {@code commit-timeout} passes. A
	 * commit that timed out is not dropped: the producer holds it until the transaction's rides are acknowledged and
	 * then sends it, even while being closed, so its transaction may still commit (seen when a partition's leader died
	 * and another took over after max.block.ms: the transaction committed although counted failed). Its rides are
	 * failed only once Kafka has failed one of them ({@code delivery.timeout.ms}), which aborts the transaction.
	 * @return whether the thread was interrupted while committing
	 */
	private boolean commit(Producer<String, Ride> producer) {
		long deadline = System.nanoTime() + this.commitTimeout.toNanos();
		boolean interrupted = false;
		while (true) {
			try {
				producer.commitTransaction();
				return interrupted;
			}
			catch (TimeoutException | InterruptException ex) {
				interrupted |= Thread.interrupted() || ex instanceof InterruptException;
				// The commit may yet be sent, or may have reached the coordinator: only retrying tells.
				if (System.nanoTime() - deadline >= 0) {
					if (interrupted) {
						Thread.currentThread().interrupt();
					}
					throw new CommitOutcomeUnknownException(ex);
				}
				logger.warn("Commit not confirmed by Kafka at " + bootstrapServers() + ", retrying: " + ex);
			}
			catch (RuntimeException ex) {
				abortQuietly(producer);
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
				throw ex;
			}
		}
	}

	private static void closeQuietly(Producer<String, Ride> producer) {
		try {
			producer.close();
		}
		catch (RuntimeException ex) {
			// Whether the transaction committed is known by now; a producer that fails to close is discarded.
			logger.warn("Closing a Kafka producer failed: " + ex);
		}
	}

	private static void abortQuietly(Producer<String, Ride> producer) {
		try {
			producer.abortTransaction();
		}
		catch (RuntimeException ex) {
			// The producer is failed and closed: its transaction is aborted by the coordinator.
		}
	}

	private CompletableFuture<RecordMetadata> send(Producer<String, Ride> producer, String replayId, ReplayKey key,
			RideRow.Parsed row, TimestampLimits limits, List<Header> trace) {
		Ride ride = row.ride();
		long pickup = ride.pickupTime().atZone(this.sourceZone).toInstant().toEpochMilli();
		long now = System.currentTimeMillis();
		long timestamp = limits.timestampOf(pickup, now);
		List<Header> headers = new ArrayList<>(3 + trace.size());
		headers.add(header(RideHeaders.REPLAY_ID, replayId));
		headers.add(header(RideHeaders.SOURCE_LINE, Long.toString(row.position())));
		headers.addAll(trace);
		headers.add(header(RideHeaders.SENT_AT, Long.toString(now)));
		CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
		producer.send(new ProducerRecord<>(this.topic, null, timestamp, key.of(ride), ride, headers),
				(metadata, exception) -> {
					if (exception != null) {
						acknowledged.completeExceptionally(exception);
					}
					else {
						acknowledged.complete(metadata);
					}
				});
		return acknowledged;
	}

	/**
	 * The W3C trace context of the replay running on this thread ({@code traceparent}, and {@code tracestate} when
	 * there is one), put in each of its records so that consumers continue its trace; read once a transaction. A
	 * span per ride would cost more than the ride's send.
	 */
	private List<Header> traceHeaders() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return List.of();
		}
		List<Header> headers = new ArrayList<>(2);
		this.propagator.inject(context, headers, (carrier, name, value) -> carrier.add(header(name, value)));
		return List.copyOf(headers);
	}

	/**
	 * Explains why a send failed, naming the schema registry or the brokers, so that a dead or misconfigured
	 * registry or Kafka, or wrong credentials, are plain to see.
	 */
	String describeFailure(Throwable failure) {
		SchemaRegistryException registry = Causes.find(failure, SchemaRegistryException.class);
		if (registry != null) {
			return registry.getMessage();
		}
		AuthenticationException authentication = Causes.find(failure, AuthenticationException.class);
		if (authentication != null) {
			return "Kafka at " + bootstrapServers() + " rejected the credentials: " + authentication.getMessage();
		}
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		String detail = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
		if (failure instanceof CommitOutcomeUnknownException) {
			return "Kafka at " + bootstrapServers() + " did not confirm a commit within " + this.commitTimeout
					.toSeconds() + " s; its rides may or may not be published: " + detail;
		}
		// Rides that expired unacknowledged, or were refused: the cluster may say why (too few in-sync replicas).
		if (cause instanceof NotEnoughReplicasException
				|| cause instanceof TimeoutException && String.valueOf(cause.getMessage()).startsWith("Expiring")) {
			Optional<String> refusal = writability().refusal();
			if (refusal.isPresent()) {
				return "Kafka at " + bootstrapServers() + " did not take a ride: " + refusal.get() + " (" + detail + ")";
			}
		}
		if (cause instanceof TimeoutException) {
			return "Kafka at " + bootstrapServers() + " is unreachable or topic '" + this.topic
					+ "' is not available: " + detail;
		}
		return "Kafka at " + bootstrapServers() + " did not take a ride for topic '" + this.topic + "': " + detail;
	}

	private String bootstrapServers() {
		Object servers = this.producers.getConfigurationProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
		return (servers instanceof Collection<?> list) ? String.join(",", list.stream().map(String::valueOf).toList())
				: String.valueOf(servers);
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends one ride in the current transaction. */
	@FunctionalInterface
	interface Sender {

		/**
		 * @return completes when Kafka has acknowledged the ride, or exceptionally when it will not; the ride is
		 * published only once its transaction commits
		 */
		CompletableFuture<RecordMetadata> send(String replayId, ReplayKey key, RideRow.Parsed row,
				TimestampLimits limits);

	}

}
