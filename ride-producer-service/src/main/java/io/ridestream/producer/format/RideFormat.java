package io.ridestream.producer.format;

import java.util.Locale;

import io.ridestream.serde.registry.RegistrySerdeConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

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

	/** How {@code ridestream.format} names it: {@code json}, {@code json-schema}, {@code avro}. */
	public String settingValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The format rides are written in: the chosen one, or unset, JSON Schema where a registry is configured and
	 * plain JSON where none is.
	 */
	public static RideFormat effective(RideFormat chosen, KafkaProperties kafka) {
		return (chosen != null) ? chosen : hasRegistry(kafka) ? JSON_SCHEMA : JSON;
	}

	/** Whether the producer has a schema registry: in spring.kafka.properties or spring.kafka.producer.properties. */
	static boolean hasRegistry(KafkaProperties kafka) {
		Object url = kafka.buildProducerProperties().get(RegistrySerdeConfig.SCHEMA_REGISTRY_URL);
		return url != null && !url.toString().isBlank();
	}

	/** Whether rides in this format carry a schema id, so that the format needs a schema registry. */
	boolean needsRegistry() {
		return this != JSON;
	}

}
