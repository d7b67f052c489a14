package io.ridestream.producer.replay;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.ridestream.model.CsvRow;
import io.ridestream.model.Ride;
import io.ridestream.model.schema.SchemaRegistryException;
import io.ridestream.producer.topic.TopicProperties;

/**
 * Sends rides to the rides topic in transactions, without waiting for Kafka's acknowledgement of each ride. Each
 * record carries the pickup time as its timestamp when the topic accepts it, the send time otherwise
 * ({@link TimestampLimits}), and names the replay and CSV line it came from in its headers.
 */
@Component
class RidePublisher {

	static final String REPLAY_ID_HEADER = "ridestream-replay-id";

	static final String SOURCE_LINE_HEADER = "ridestream-source-line";

	private final KafkaTemplate<String, Ride> kafka;

	private final String topic;

	private final ZoneId sourceZone;

	private final TopicTimestampLimits timestampLimits;

	RidePublisher(KafkaTemplate<String, Ride> kafka, TopicProperties topic, ReplayProperties properties,
			TopicTimestampLimits timestampLimits) {
		this.kafka = kafka;
		this.topic = topic.name();
		this.sourceZone = properties.sourceZone();
		this.timestampLimits = timestampLimits;
	}

	/** The record timestamps the topic accepts now, read from the cluster. */
	TimestampLimits timestampLimits() {
		return this.timestampLimits.current();
	}

	/**
	 * Sends one ride, in the transaction of the calling thread ({@link #inTransaction}).
	 * @return completes when Kafka has acknowledged the ride, or exceptionally when it will not; the ride is
	 * published only once its transaction commits
	 */
	CompletableFuture<SendResult<String, Ride>> publish(String replayId, ReplayKey key, CsvRow.Parsed row,
			TimestampLimits limits) {
		Ride ride = row.ride();
		long pickup = ride.pickupTime().atZone(this.sourceZone).toInstant().toEpochMilli();
		long timestamp = limits.timestampOf(pickup, System.currentTimeMillis());
		List<Header> headers = List.of(header(REPLAY_ID_HEADER, replayId),
				header(SOURCE_LINE_HEADER, Long.toString(row.line())));
		return this.kafka.send(new ProducerRecord<>(this.topic, null, timestamp, key.of(ride), ride, headers));
	}

	/**
	 * Runs the work in a Kafka transaction: the rides it publishes are committed together when it returns, or
	 * aborted together if it throws or the commit fails (the commit waits for every send to be acknowledged).
	 * @throws RuntimeException what the work threw, or why the transaction could not begin or commit
	 */
	void inTransaction(Runnable work) {
		try {
			this.kafka.executeInTransaction((operations) -> {
				try {
					work.run();
				}
				catch (Error ex) {
					// Spring aborts the transaction on exceptions only: an Error would leave the cached producer
					// in its transaction, failing every later replay.
					throw new ErrorInTransaction(ex);
				}
				return null;
			});
		}
		catch (ErrorInTransaction ex) {
			throw (Error) ex.getCause();
		}
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
		if (cause instanceof TimeoutException) {
			return "Kafka at " + bootstrapServers() + " is unreachable or topic '" + this.topic
					+ "' is not available: " + detail;
		}
		return "Kafka at " + bootstrapServers() + " did not take a ride for topic '" + this.topic + "': " + detail;
	}

	private String bootstrapServers() {
		Object servers = this.kafka.getProducerFactory()
			.getConfigurationProperties()
			.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
		return (servers instanceof Collection<?> list) ? String.join(",", list.stream().map(String::valueOf).toList())
				: String.valueOf(servers);
	}

	/** Carries an Error out of a transaction, which is aborted on the way. */
	private static final class ErrorInTransaction extends RuntimeException {

		ErrorInTransaction(Error error) {
			super(error);
		}

	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
