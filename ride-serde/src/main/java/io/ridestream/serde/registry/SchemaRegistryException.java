package io.ridestream.serde.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry could not give the schema or schema id a ride needs: it is unreachable, rejected the
 * credentials or the schema, or does not know the subject or id. The message names the registry URL (never its
 * credentials), the subject and the cause. Nothing is sent without a schema id when a registry is configured.
 *
 * <p>{@link #registryUnavailable()} tells a failure of the registry (unreachable, 5xx or 429 after the retries,
 * credentials refused, TLS) from an answer about the record's schema (no such id, a schema Ride Stream cannot use):
 * a consumer reads a ride again after the first, and parks a message that is not one after the second.
 */
public class SchemaRegistryException extends SerializationException {

	private final boolean registryUnavailable;

	public SchemaRegistryException(String message) {
		this(message, null, false);
	}

	public SchemaRegistryException(String message, Throwable cause) {
		this(message, cause, false);
	}

	private SchemaRegistryException(String message, Throwable cause, boolean registryUnavailable) {
		super(message, cause);
		this.registryUnavailable = registryUnavailable;
	}

	/** A failure of the registry itself, which says nothing about the record being read or written. */
	static SchemaRegistryException unavailable(String message, Throwable cause) {
		return new SchemaRegistryException(message, cause, true);
	}

	/** Whether the registry failed, rather than answered about the schema: asking again later may succeed. */
	public boolean registryUnavailable() {
		return this.registryUnavailable;
	}

	/** The registry failure in an exception's chain of causes, or null if there is none. */
	public static SchemaRegistryException unavailabilityIn(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SchemaRegistryException registry && registry.registryUnavailable()) {
				return registry;
			}
		}
		return null;
	}

}
