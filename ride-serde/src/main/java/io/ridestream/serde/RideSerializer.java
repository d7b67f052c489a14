package io.ridestream.serde;

import io.ridestream.model.Ride;

/**
 * Writes a {@link Ride} in Confluent's JSON Schema wire format with {@link RideSchema}, or as plain JSON when no
 * schema registry is configured; see {@link JsonSchemaSerializer} for the behaviour and
 * {@link io.ridestream.serde.registry.RegistrySerdeConfig} for the properties. No type headers: the topic carries
 * rides only.
 */
public class RideSerializer extends JsonSchemaSerializer<Ride> {

	public RideSerializer() {
		super(RideSchema.json(), RideJsonFastPath.INSTANCE);
	}

}
