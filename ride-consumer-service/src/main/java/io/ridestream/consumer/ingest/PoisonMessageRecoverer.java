package io.ridestream.consumer.ingest;

import java.util.Map;
import java.util.regex.Pattern;

import io.ridestream.consumer.stats.StatisticsService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Deals with a message that is not a ride: parks it on the dead-letter topic, logs where it was, why and where it
 * went, and counts it in its partition's statistics so that the count, like the rides, is exact after the
 * partition is read again.
 *
 * <p>It is counted only once the dead-letter topic has it: if publishing fails, the exception reaches the error
 * handler, which delivers the message again later, so it is neither lost nor counted twice. A message that was
 * handled before its partition was assigned here is counted without being published again.
 */
class PoisonMessageRecoverer implements ConsumerAwareRecordRecoverer {

	private static final Log logger = LogFactory.getLog(PoisonMessageRecoverer.class);

	private static final int MAX_REASON_LENGTH = 300;

	/** Jackson's " at [Source: REDACTED ...; byte offset: #12]": says nothing with the source redacted. */
	private static final Pattern JACKSON_LOCATION = Pattern.compile("\\s+at \\[Source: [^\\]]*\\]");

	/** Jackson's " (through reference chain: io.ridestream.model.Ride["fare_amount"])": the field is named already. */
	private static final Pattern JACKSON_REFERENCE_CHAIN = Pattern.compile("\\s+\\(through reference chain: [^)]*\\)");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final DeadLetterPublisher deadLetters;

	private final HandledOffsets handled;

	private final StatisticsService statistics;

	PoisonMessageRecoverer(DeadLetterPublisher deadLetters, HandledOffsets handled, StatisticsService statistics) {
		this.deadLetters = deadLetters;
		this.handled = handled;
		this.statistics = statistics;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
		String message = record.topic() + "-" + record.partition() + "@" + record.offset();
		if (this.handled.handledBefore(record.topic(), record.partition(), record.offset())) {
			logger.debug("Skipped poison message " + message + ": dead-lettered before this partition was assigned");
		}
		else {
			RecordMetadata parked = this.deadLetters.publish(record, consumer, unwrapped(exception));
			logger.warn("Skipped poison message " + message + ": " + reasonOf(exception) + "; sent to "
					+ parked.topic() + "-" + parked.partition() + "@" + parked.offset());
			// The listener commits only what it acknowledges, so the poison message's offset is committed here.
			if (consumer != null) {
				consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
						new OffsetAndMetadata(record.offset() + 1)));
			}
		}
		this.statistics.recordDeadLetter(record.partition(), record.offset());
	}

	/** The listener's own exception rather than the container's wrapper, for the dead letter's headers. */
	private static Exception unwrapped(Exception exception) {
		if (exception instanceof ListenerExecutionFailedException && exception.getCause() instanceof Exception cause) {
			return cause;
		}
		return exception;
	}

	/** What the deserializer or listener said is wrong, without the wrapping exceptions, on one line. */
	static String reasonOf(Throwable exception) {
		Throwable reason = exception;
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			reason = cause;
			if (cause instanceof SerializationException || cause instanceof InvalidRideException) {
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
