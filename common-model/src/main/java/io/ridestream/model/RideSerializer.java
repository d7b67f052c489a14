package io.ridestream.model;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a ride as the JSON documented in {@link RideJson}. No type headers: the topic carries rides only.
 */
public class RideSerializer implements Serializer<Ride> {

	@Override
	public byte[] serialize(String topic, Ride ride) {
		return (ride != null) ? RideJson.write(ride) : null;
	}

}
