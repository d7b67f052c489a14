package io.ridestream.producer.format;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Takes the value serializer a Confluent user sets ({@code spring.kafka.producer.value-serializer}, e.g.
 * {@code SPRING_KAFKA_PRODUCER_VALUE_SERIALIZER=io.confluent.kafka.serializers.KafkaAvroSerializer}) for the format
 * it writes: Confluent's library is not part of Ride Stream, whose own serializers write the same wire formats, so
 * the class name would otherwise stop the producer from starting. An explicit {@code ridestream.format} wins.
 */
class ConfluentSerializerNames implements EnvironmentPostProcessor, Ordered {

	static final String VALUE_SERIALIZER = "spring.kafka.producer.value-serializer";

	static final String FORMAT = "ridestream.format";

	private static final Map<String, RideFormat> FORMATS = Map.of(
			"io.confluent.kafka.serializers.KafkaAvroSerializer", RideFormat.AVRO,
			"io.confluent.kafka.serializers.json.KafkaJsonSchemaSerializer", RideFormat.JSON_SCHEMA,
			"io.confluent.kafka.serializers.KafkaJsonSerializer", RideFormat.JSON);

	private final Log logger;

	ConfluentSerializerNames(DeferredLogFactory logs) {
		this.logger = logs.getLog(ConfluentSerializerNames.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String serializer = environment.getProperty(VALUE_SERIALIZER);
		RideFormat format = (serializer != null) ? FORMATS.get(serializer.strip()) : null;
		if (format == null) {
			return;
		}
		Map<String, Object> replaced = new HashMap<>();
		// FormatConfiguration sets the serializer of the format; this one only has to be a class that exists.
		replaced.put(VALUE_SERIALIZER, "io.ridestream.serde.RideSerializer");
		String chosen = environment.getProperty(FORMAT);
		if (chosen == null || chosen.isBlank()) {
			replaced.put(FORMAT, format.settingValue());
		}
		environment.getPropertySources().addFirst(new MapPropertySource("confluentSerializerNames", replaced));
		this.logger.info(serializer.strip() + " is not included: Ride Stream writes the same wire format with its own "
				+ "serializer (" + FORMAT + "=" + environment.getProperty(FORMAT) + ")");
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
