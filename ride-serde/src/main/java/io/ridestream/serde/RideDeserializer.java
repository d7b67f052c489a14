package io.ridestream.serde;

import io.ridestream.model.Ride;

/**
 * Reads a {@link Ride} written in Confluent's JSON Schema wire format or as plain JSON; see
 * {@link JsonSchemaDeserializer} for the behaviour and {@link io.ridestream.serde.registry.JsonSchemaSerdeConfig} for
 * the properties.
 */
public class RideDeserializer extends JsonSchemaDeserializer<Ride> {

	public RideDeserializer() {
		super(Ride.class, RideSchema.json(), RideJsonFastPath.INSTANCE);
	}

}
