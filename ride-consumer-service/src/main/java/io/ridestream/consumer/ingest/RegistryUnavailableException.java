package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The schema registry could not give a message's schema: the message is read again later, neither counted nor
 * parked on the dead-letter topic.
 */
class RegistryUnavailableException extends RuntimeException {

	RegistryUnavailableException(String where, String reason) {
		super("Cannot read " + where + " while the schema registry fails; reading it again: " + reason);
	}

	/** Throws if {@link RideOrPoisonDeserializer} marked the message as unread for the registry's failure. */
	static void throwIfMarked(ConsumerRecord<?, ?> record) {
		Header reason = record.headers().lastHeader(RideOrPoisonDeserializer.REGISTRY_UNAVAILABLE_HEADER);
		if (reason != null) {
			throw new RegistryUnavailableException(record.topic() + "-" + record.partition() + "@" + record.offset(),
					new String(reason.value(), StandardCharsets.UTF_8));
		}
	}

}
