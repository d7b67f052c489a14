package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partition whose batches keep failing, retried without limit, is shown: the {@code counting} health component is
 * down with the partition, since when and why, and the stalled-partitions gauge counts it, until it is counted again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ridestream.topic.name=" + StalledPartitionTests.TOPIC, "ridestream.dead-letter.partitions=1",
				"ridestream.topic.retry-interval=200ms", "management.endpoint.health.show-details=always",
				"management.endpoint.health.show-components=always" })
@AutoConfigureRestTestClient
@EmbeddedKafka(partitions = 1, topics = StalledPartitionTests.TOPIC,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class StalledPartitionTests {

	static final String TOPIC = "rides-that-cannot-be-parked";

	private static final ConfigResource DEAD_LETTER_TOPIC = new ConfigResource(ConfigResource.Type.TOPIC,
			TOPIC + "-dlt");

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private RestTestClient http;

	@Autowired
	private MeterRegistry meters;

	@Test
	void showsAPartitionThatKeepsFailingInHealthAndAMetricUntilItIsCountedAgain() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get()
				.contains(DEAD_LETTER_TOPIC.name()));
			// Every dead letter is larger than 100 bytes: the poison message cannot be parked, again and again.
			admin.incrementalAlterConfigs(Map.of(DEAD_LETTER_TOPIC, List.of(new AlterConfigOp(
					new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100"), AlterConfigOp.OpType.SET))))
				.all()
				.get();
			try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
					new StringSerializer(), new ByteArraySerializer())) {
				producer.send(new ProducerRecord<>(TOPIC, 0, null, "not a ride".getBytes(StandardCharsets.UTF_8)))
					.get();
			}

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				JsonNode counting = health().path("components").path("counting");
				assertThat(counting.path("status").asString()).isEqualTo("DOWN");
				JsonNode stalled = counting.path("details").path("stalledPartitions").path("0");
				assertThat(stalled.path("reason").asString()).contains("RecordTooLargeException");
				assertThat(stalled.path("attempts").asLong()).isGreaterThan(1);
				assertThat(stalled.path("since").asString()).isNotBlank();
				assertThat(this.meters.get("ridestream.partitions.stalled").gauge().value()).isEqualTo(1);
			});

			admin.incrementalAlterConfigs(Map.of(DEAD_LETTER_TOPIC, List.of(new AlterConfigOp(
					new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE))))
				.all()
				.get();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(health().path("components").path("counting").path("status").asString()).isEqualTo("UP");
				assertThat(this.meters.get("ridestream.partitions.stalled").gauge().value()).isZero();
			});
		}
	}

	private JsonNode health() {
		String body = this.http.get().uri("/actuator/health").exchange().expectBody(String.class).returnResult()
			.getResponseBody();
		return JsonMapper.shared().readTree(body);
	}

}
