package io.ridestream.serde.registry;

import java.util.Objects;

/**
 * A schema as a registry holds it: its text and its type.
 *
 * @param type JSON Schema or Avro
 * @param text the schema itself, e.g. {@code {"type":"record","name":"Ride",...}}
 */
public record TypedSchema(SchemaType type, String text) {

	public TypedSchema {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(text, "text");
	}

	public static TypedSchema json(String text) {
		return new TypedSchema(SchemaType.JSON, text);
	}

	public static TypedSchema avro(String text) {
		return new TypedSchema(SchemaType.AVRO, text);
	}

}
