package io.ridestream.model;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a ride from the JSON documented in {@link RideJson}; bytes that are not a valid ride raise a
 * {@link SerializationException} that says why.
 */
public class RideDeserializer implements Deserializer<Ride> {

	@Override
	public Ride deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		try {
			return RideJson.read(data);
		}
		catch (IllegalArgumentException ex) {
			throw new SerializationException(ex.getMessage(), ex);
		}
	}

}
