package io.ridestream.serde;

import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import io.ridestream.model.Ride;

/**
 * A ride that does not match its JSON Schema, found by {@link JsonSchemaSerializer} before it was sent, or by
 * {@link JsonSchemaDeserializer} when it was read. The message lists every violation on one line, each with its
 * field, e.g. {@code Ride does not match its JSON Schema: passenger_count: must have a minimum value of 0 (was -1)}.
 */
public class InvalidRideException extends SerializationException {

	private final List<String> violations;

	public InvalidRideException(List<String> violations) {
		super("Ride does not match its JSON Schema: " + String.join("; ", violations));
		this.violations = List.copyOf(violations);
	}

	/** One readable line per violation, field first. */
	public List<String> violations() {
		return this.violations;
	}

}
