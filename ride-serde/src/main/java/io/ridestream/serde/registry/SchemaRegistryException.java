package io.ridestream.serde.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry could not give the schema or schema id a ride needs: it is unreachable, rejected the
 * credentials or the schema, or does not know the subject or id. The message names the registry URL (never its
 * credentials), the subject and the cause. Nothing is sent without a schema id when a registry is configured.
 */
public class SchemaRegistryException extends SerializationException {

	public SchemaRegistryException(String message) {
		super(message);
	}

	public SchemaRegistryException(String message, Throwable cause) {
		super(message, cause);
	}

}
