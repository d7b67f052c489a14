package io.ridestream.serde;

import io.ridestream.model.Ride;
import io.ridestream.serde.avro.RideAvro;
import org.apache.avro.Schema;

/**
 * Reads a {@link Ride} written in Confluent's JSON Schema wire format, in its Avro wire format
 * ({@link io.ridestream.serde.avro.RideAvroSerializer}, Confluent's {@code KafkaAvroSerializer}), or as plain JSON,
 * whatever a topic mixes: a framed message is read in the type of schema its id names in the registry. See
 * {@link JsonSchemaDeserializer} for the behaviour and {@link io.ridestream.serde.registry.RegistrySerdeConfig} for
 * the properties. A ride read from Avro is checked against the ride schema's rules as one read from JSON is.
 */
public class RideDeserializer extends JsonSchemaDeserializer<Ride> {

	public RideDeserializer() {
		super(Ride.class, RideSchema.json(), RideJsonFastPath.INSTANCE, RideDeserializer::readAvro);
	}

	/** A ride in Avro, checked against the ride schema's rules as a ride in JSON is. */
	private static Ride readAvro(Schema writer, byte[] bytes, int offset, int length) {
		Ride ride = RideAvro.read(writer, bytes, offset, length);
		RideValidation.check(ride);
		return ride;
	}

}
