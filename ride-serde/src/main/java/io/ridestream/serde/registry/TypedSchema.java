package io.ridestream.serde.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;
import java.util.Objects;

/**
 * A schema as a registry holds it: its text, its type, and the schemas it references.
 *
 * @param type JSON Schema or Avro
 * @param text the schema itself, e.g. {@code {"type":"record","name":"Ride",...}}
 * @param references the texts of the schemas it references, by the name it uses for each (an Avro type's full
 * name, a JSON Schema's {@code $ref}), each after the ones it references in turn; empty for most schemas
 */
public record TypedSchema(SchemaType type, String text, Map<String, String> references) {

	public TypedSchema {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(text, "text");
		references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
	}

	public TypedSchema(SchemaType type, String text) {
		this(type, text, Map.of());
	}

	public static TypedSchema json(String text) {
		return new TypedSchema(SchemaType.JSON, text);
	}

	public static TypedSchema avro(String text) {
		return new TypedSchema(SchemaType.AVRO, text);
	}

}
