package io.ridestream.producer;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables the README documents for Confluent Cloud reach every Kafka client the service
 * creates: the producer, and the admin client that creates the topic and checks readiness.
 */
class KafkaEnvironmentVariablesTests {

	private static final String JAAS_CONFIG = "org.apache.kafka.common.security.plain.PlainLoginModule required "
			+ "username=\"API_KEY\" password=\"API_SECRET\";";

	private final KafkaProperties kafka = bind(Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS",
			"pkc-12345.europe-west1.gcp.confluent.cloud:9092", "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
			"SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
			JAAS_CONFIG));

	@Test
	void producerGetsTheCredentials() {
		assertThat(this.kafka.buildProducerProperties())
			.containsEntry("bootstrap.servers", List.of("pkc-12345.europe-west1.gcp.confluent.cloud:9092"))
			.containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.mechanism", "PLAIN")
			.containsEntry("sasl.jaas.config", JAAS_CONFIG);
	}

	@Test
	void adminClientGetsTheCredentials() {
		assertThat(this.kafka.buildAdminProperties()).containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.mechanism", "PLAIN")
			.containsEntry("sasl.jaas.config", JAAS_CONFIG);
	}

	private static KafkaProperties bind(Map<String, Object> environment) {
		// Spring Boot maps names like SPRING_KAFKA_PROPERTIES_SASL_MECHANISM only for the source of this name.
		PropertySource<?> source = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
		return new Binder(ConfigurationPropertySources.from(List.of(source))).bindOrCreate("spring.kafka",
				KafkaProperties.class);
	}

}
