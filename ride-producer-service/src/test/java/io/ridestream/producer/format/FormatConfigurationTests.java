package io.ridestream.producer.format;

import java.util.Map;

import io.ridestream.serde.RideSerializer;
import io.ridestream.serde.avro.RideAvroSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class FormatConfigurationTests {

	@Test
	void refusesAvroWithoutASchemaRegistry() {
		assertThatExceptionOfType(RegistryRequiredException.class)
			.isThrownBy(() -> new FormatConfiguration().rideFormat(new FormatProperties(RideFormat.AVRO),
					new KafkaProperties()))
			.withMessageContaining("ridestream.format=avro")
			.withMessageContaining("SCHEMA_REGISTRY_URL");
	}

	@Test
	void refusesJsonSchemaWithoutASchemaRegistry() {
		assertThatExceptionOfType(RegistryRequiredException.class)
			.isThrownBy(() -> new FormatConfiguration().rideFormat(new FormatProperties(RideFormat.JSON_SCHEMA),
					new KafkaProperties()))
			.withMessageContaining("ridestream.format=json-schema");
	}

	@Test
	void takesARegistrySetForAllKafkaClients() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.getProperties().put("schema.registry.url", "http://registry:8081");

		assertThatNoException()
			.isThrownBy(() -> new FormatConfiguration().rideFormat(new FormatProperties(RideFormat.AVRO), kafka));
	}

	@Test
	void writesPlainJsonWithoutARegistry() {
		assertThatNoException().isThrownBy(
				() -> new FormatConfiguration().rideFormat(new FormatProperties(RideFormat.JSON), new KafkaProperties()));
	}

	@Test
	void writesPlainJsonUnframedWhereARegistryIsConfigured() {
		Map<String, Object> configs = customized(RideFormat.JSON);

		assertThat(configs).doesNotContainKey("schema.registry.url")
			.containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RideSerializer.class);
	}

	@Test
	void writesAvroWithTheAvroSerializerAndTheRegistry() {
		Map<String, Object> configs = customized(RideFormat.AVRO);

		assertThat(configs).containsEntry("schema.registry.url", "http://registry:8081")
			.containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RideAvroSerializer.class);
	}

	@Test
	void leavesTheConfiguredSerializerWhenNoFormatIsChosen() {
		Map<String, Object> configs = customized(null);

		assertThat(configs).isEqualTo(withRegistry().buildProducerProperties());
	}

	/** The producer configuration once the format's customizer ran, with a registry configured. */
	private static Map<String, Object> customized(RideFormat format) {
		KafkaProperties kafka = withRegistry();
		DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties());
		new FormatConfiguration().rideFormat(new FormatProperties(format), kafka).customize(factory);
		return factory.getConfigurationProperties();
	}

	private static KafkaProperties withRegistry() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.getProducer().getProperties().put("schema.registry.url", "http://registry:8081");
		return kafka;
	}

}
