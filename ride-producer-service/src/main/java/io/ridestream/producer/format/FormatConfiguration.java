package io.ridestream.producer.format;

import java.util.Map;

import io.ridestream.serde.RideSerializer;
import io.ridestream.serde.avro.RideAvroSerializer;
import io.ridestream.serde.registry.RegistrySerdeConfig;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sets the producer's value serializer for {@code ridestream.format}: {@link RideSerializer} for JSON (with or
 * without Confluent's framing) and {@link RideAvroSerializer} for Avro. A format that needs a registry refuses to
 * start without one, and plain JSON is written unframed even where a registry is configured.
 */
@Configuration(proxyBeanMethods = false)
class FormatConfiguration {

	private static final Log logger = LogFactory.getLog(FormatConfiguration.class);

	@Bean
	DefaultKafkaProducerFactoryCustomizer rideFormat(FormatProperties properties, KafkaProperties kafka) {
		RideFormat format = properties.format();
		if (format == null) {
			return (factory) -> {
			};
		}
		if (format.needsRegistry() && !RideFormat.hasRegistry(kafka)) {
			throw new RegistryRequiredException(format);
		}
		logger.info("Writing rides as " + switch (format) {
			case JSON -> "plain JSON";
			case JSON_SCHEMA -> "JSON in Confluent's JSON Schema wire format";
			case AVRO -> "Avro in Confluent's Avro wire format";
		} + " (ridestream.format)");
		return (factory) -> {
			factory.updateConfigs(Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
					(format == RideFormat.AVRO) ? RideAvroSerializer.class : RideSerializer.class));
			if (format == RideFormat.JSON) {
				factory.removeConfig(RegistrySerdeConfig.SCHEMA_REGISTRY_URL);
			}
		};
	}

}
