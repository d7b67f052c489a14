package io.ridestream.consumer.ingest;

import java.util.regex.Pattern;

import io.ridestream.consumer.stats.StatisticsService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Deals with a message that is not a ride: logs where it is and why, and counts it in its partition's statistics
 * so that the count, like the rides, is exact after the partition is read again.
 */
class PoisonMessageRecoverer implements ConsumerRecordRecoverer {

	private static final Log logger = LogFactory.getLog(PoisonMessageRecoverer.class);

	private static final int MAX_REASON_LENGTH = 300;

	/** Jackson's " at [Source: REDACTED ...; byte offset: #12]": says nothing with the source redacted. */
	private static final Pattern JACKSON_LOCATION = Pattern.compile("\\s+at \\[Source: [^\\]]*\\]");

	/** Jackson's " (through reference chain: io.ridestream.model.Ride["fare_amount"])": the field is named already. */
	private static final Pattern JACKSON_REFERENCE_CHAIN = Pattern.compile("\\s+\\(through reference chain: [^)]*\\)");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final StatisticsService statistics;

	PoisonMessageRecoverer(StatisticsService statistics) {
		this.statistics = statistics;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		logger.warn("Skipped poison message " + record.topic() + "-" + record.partition() + "@" + record.offset()
				+ ": " + reasonOf(exception));
		this.statistics.recordPoisonMessage(record.partition(), record.offset());
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
