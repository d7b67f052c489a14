package io.ridestream.localkafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One broker, started once on free ports in a temporary directory, serving several clients.
 */
class LocalKafkaBrokerTests {

	private static LocalKafkaBroker kafka;

	@BeforeAll
	static void startBroker() {
		kafka = LocalKafkaBroker.builder()
			.listener("EXTERNAL", SecurityProtocol.PLAINTEXT, 0)
			.serverProperty("message.max.bytes", "2097152")
			.build()
			.start();
		System.out.println("Broker startup time: " + kafka.startupTime().toMillis() + " ms");
	}

	@AfterAll
	static void stopBroker() {
		kafka.close();
	}

	@Test
	void deliversARecordFromAProducerToAConsumer() throws Exception {
		KafkaClients.createTopic(kafka.bootstrapServers(), "deliveries");

		KafkaClients.send(kafka.bootstrapServers(), "deliveries", "ride-1", "{\"fare\":\"12.50\"}");

		List<ConsumerRecord<String, String>> records = KafkaClients.read(kafka.bootstrapServers(), "deliveries", 1);
		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("ride-1");
			assertThat(record.value()).isEqualTo("{\"fare\":\"12.50\"}");
		});
	}

	@Test
	void listensOnTheLoopbackAddressOnAFreePort() {
		assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
		assertThat(kafka.port()).isPositive().isNotEqualTo(9092);
		assertThat(kafka.controllerPort()).isPositive().isNotEqualTo(kafka.port());
	}

	@Test
	void doesNotCreateTopicsOnFirstUse() throws Exception {
		try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers(),
				Duration.ofMillis(1500))) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> producer.send(new ProducerRecord<>("never-created", "value")).get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		}
		assertThat(KafkaClients.topicNames(kafka.bootstrapServers())).doesNotContain("never-created");
	}

	@Test
	void acceptsClientsOnAnAddedListener() throws Exception {
		String external = kafka.bootstrapServers("external");
		assertThat(external).isNotEqualTo(kafka.bootstrapServers());

		KafkaClients.createTopic(external, "via-external-listener");

		assertThat(KafkaClients.topicNames(kafka.bootstrapServers())).contains("via-external-listener");
	}

	@Test
	void appliesExtraServerPropertiesOverTheDefaults() throws Exception {
		ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
		try (Admin admin = KafkaClients.admin(kafka.bootstrapServers())) {
			Config config = admin.describeConfigs(List.of(broker)).all().get(15, TimeUnit.SECONDS).get(broker);

			assertThat(config.get("message.max.bytes").value()).isEqualTo("2097152");
			assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
			assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("1");
		}
	}

	@Test
	void rejectsAnUnknownListenerName() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> kafka.bootstrapServers("SASL"))
			.withMessageContaining("No listener named SASL");
	}

}
