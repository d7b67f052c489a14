package io.ridestream.serde.registry;

/**
 * The types of schema a Confluent Schema Registry holds that rides are written in, by their {@code schemaType}
 * name.
 */
public enum SchemaType {

	/** JSON Schema: rides as JSON text. */
	JSON("a JSON"),

	/** Avro: rides as Avro binary; the registry's default type. */
	AVRO("an Avro");

	private final String article;

	SchemaType(String article) {
		this.article = article;
	}

	/** "a JSON" or "an Avro", for messages: "registering an Avro schema". */
	String article() {
		return this.article;
	}

	/** The type of this {@code schemaType}, or null for one rides are not written in (PROTOBUF). */
	static SchemaType named(String schemaType) {
		for (SchemaType type : values()) {
			if (type.name().equals(schemaType)) {
				return type;
			}
		}
		return null;
	}

}
