package io.ridestream.consumer.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.ridestream.model.Ride;
import io.ridestream.serde.RideDeserializer;
import io.ridestream.serde.registry.SchemaRegistryException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads rides with {@link RideDeserializer}; a message that is not one reaches the listener without a value, with
 * why in a header and its bytes in another, so that it is parked on the dead-letter topic rather than failing every
 * poll of its partition for ever.
 *
 * <p>A schema registry that fails (unreachable, 5xx, credentials refused) says nothing about the message: it reaches
 * the listener without a value and with {@value #REGISTRY_UNAVAILABLE_HEADER}, to be read again later, not parked.
 *
 * <p>Spring Kafka's {@code ErrorHandlingDeserializer} does the same, but writes the exception in a header with Java
 * serialization, which the listener and the dead-letter recoverer read back: about a millisecond a message, so a
 * burst of thousands of poison messages took as many seconds. These headers are plain text and bytes, and never leave
 * the consumer (the dead letter carries the message's own bytes and Spring Kafka's {@code kafka_dlt-*} headers).
 */
public class RideOrPoisonDeserializer implements Deserializer<Ride> {

	/** Why the message is not a ride, in UTF-8. */
	static final String REASON_HEADER = "ridestream-poison-reason";

	/** The message's own bytes, as read. */
	static final String VALUE_HEADER = "ridestream-poison-value";

	/** Why the schema registry could not give the message's schema, in UTF-8: the message may well be a ride. */
	static final String REGISTRY_UNAVAILABLE_HEADER = "ridestream-registry-unavailable";

	private final RideDeserializer rides = new RideDeserializer();

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.rides.configure(configs, isKey);
	}

	@Override
	public Ride deserialize(String topic, byte[] data) {
		return this.rides.deserialize(topic, data);
	}

	@Override
	public Ride deserialize(String topic, Headers headers, byte[] data) {
		return deserialize(topic, headers, (data != null) ? ByteBuffer.wrap(data) : null);
	}

	/** As the consumer calls it: the message is read where it lies in the fetched bytes, not copied out. */
	@Override
	public Ride deserialize(String topic, Headers headers, ByteBuffer data) {
		Ride ride;
		try {
			ride = this.rides.deserialize(topic, headers, data);
		}
		catch (RuntimeException ex) {
			withoutPoisonHeaders(headers);
			SchemaRegistryException unavailable = SchemaRegistryException.unavailabilityIn(ex);
			if (unavailable != null) {
				headers.add(REGISTRY_UNAVAILABLE_HEADER, unavailable.getMessage().getBytes(StandardCharsets.UTF_8));
				return null;
			}
			headers.add(REASON_HEADER, PoisonMessages.reasonOf(ex).getBytes(StandardCharsets.UTF_8));
			headers.add(VALUE_HEADER, Utils.toArray(data));
			return null;
		}
		if (ride == null) {
			withoutPoisonHeaders(headers);
		}
		return ride;
	}

	/**
	 * Only this deserializer says a message is poison: headers of these names sent by a producer mean nothing. Only
	 * messages without a value are read for them, so those of rides are left as they are (removing a header decodes
	 * the name of every header of the message, a tenth of the listener's time for a ride).
	 */
	private static void withoutPoisonHeaders(Headers headers) {
		headers.remove(REASON_HEADER);
		headers.remove(VALUE_HEADER);
		headers.remove(REGISTRY_UNAVAILABLE_HEADER);
	}

	@Override
	public void close() {
		this.rides.close();
	}

}
