package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;

/**
 * Deals with a message of the rides topic that is not a ride: {@link RideOrPoisonDeserializer} hands it to the
 * listener without a value (with the reason in a header), or it is a tombstone. It is parked on
 * the dead-letter topic, in the listener's transaction, and logged with where it was, why and where it went.
 */
@Component
class PoisonMessages {

	private static final Log logger = LogFactory.getLog(PoisonMessages.class);

	private static final int MAX_REASON_LENGTH = 300;

	private static final int LOGGED_PER_BATCH = 10;

	/** Jackson's " at [Source: REDACTED ...; byte offset: #12]": says nothing with the source redacted. */
	private static final Pattern JACKSON_LOCATION = Pattern.compile("\\s+at \\[Source: [^\\]]*\\]");

	/** Jackson's " (through reference chain: io.ridestream.model.Ride["fare_amount"])": the field is named already. */
	private static final Pattern JACKSON_REFERENCE_CHAIN = Pattern.compile("\\s+\\(through reference chain: [^)]*\\)");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final DeadLetterPublisher deadLetters;

	PoisonMessages(DeadLetterPublisher deadLetters) {
		this.deadLetters = deadLetters;
	}

	/**
	 * Sends the poison messages of one commit to the dead-letter topic in the current transaction, without waiting
	 * for them. A burst of garbage must not flood the log: the first {@value #LOGGED_PER_BATCH} are logged one by one
	 * once parked, the others counted in one line.
	 * @throws org.springframework.kafka.KafkaException if one could not be sent
	 */
	void park(List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer) {
		int parked = 0;
		for (ConsumerRecord<?, ?> record : records) {
			Exception exception = whyNotARide(record);
			CompletableFuture<RecordMetadata> parking = this.deadLetters.publish(record, consumer, exception);
			if (++parked <= LOGGED_PER_BATCH) {
				String where = record.topic() + "-" + record.partition() + "@" + record.offset();
				parking.thenAccept((parkedAt) -> logger.warn("Skipped poison message " + where + ": "
						+ reasonOf(exception) + "; sent to " + parkedAt.topic() + "-" + parkedAt.partition() + "@"
						+ parkedAt.offset()));
			}
		}
		if (parked > LOGGED_PER_BATCH) {
			logger.warn("Skipped " + parked + " poison messages in one commit, sent to the dead-letter topic ("
					+ LOGGED_PER_BATCH + " of them logged)");
		}
	}

	private static Exception whyNotARide(ConsumerRecord<?, ?> record) {
		Header reason = record.headers().lastHeader(RideOrPoisonDeserializer.REASON_HEADER);
		if (reason != null) {
			Header value = record.headers().lastHeader(RideOrPoisonDeserializer.VALUE_HEADER);
			return new DeserializationException(new String(reason.value(), StandardCharsets.UTF_8),
					(value != null) ? value.value() : null, false, null);
		}
		return new SerializationException("the message has no value (a tombstone), a ride was expected");
	}

	/** What the deserializer said is wrong, without the wrapping exceptions, on one line. */
	static String reasonOf(Throwable exception) {
		Throwable reason = exception;
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			reason = cause;
			if (cause instanceof SerializationException) {
				break;
			}
		}
		String message = String.valueOf(reason.getMessage());
		message = JACKSON_LOCATION.matcher(message).replaceAll("");
		message = JACKSON_REFERENCE_CHAIN.matcher(message).replaceAll("");
		message = WHITESPACE.matcher(message).replaceAll(" ").strip();
		return (message.length() <= MAX_REASON_LENGTH) ? message : message.substring(0, MAX_REASON_LENGTH - 3) + "...";
	}

}
