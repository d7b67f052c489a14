package io.ridestream.producer.format;

/**
 * How rides are written to Kafka ({@code ridestream.format}).
 */
public enum RideFormat {

	/** Plain JSON, no schema registry: what most tools read without set-up. */
	JSON,

	/** JSON in Confluent's JSON Schema wire format, its schema in the registry ({@code JSON_SR} in ksqlDB). */
	JSON_SCHEMA,

	/** Avro binary in Confluent's Avro wire format, its schema in the registry, as in the course's Avro examples. */
	AVRO;

	/** Whether rides in this format carry a schema id, so that the format needs a schema registry. */
	boolean needsRegistry() {
		return this != JSON;
	}

}
