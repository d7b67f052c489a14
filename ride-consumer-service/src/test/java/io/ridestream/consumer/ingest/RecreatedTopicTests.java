package io.ridestream.consumer.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.consumer.windows.WindowFigures;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rides topic deleted and created again (a new topic id, offsets from 0 again) is a new topic: its statistics
 * start over, instead of the new rides being taken for ones counted already.
 */
@SpringBootTest(properties = "ridestream.topic.name=" + RecreatedTopicTests.TOPIC)
@EmbeddedKafka(partitions = 2, topics = RecreatedTopicTests.TOPIC,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class RecreatedTopicTests {

	static final String TOPIC = "rides-born-again";

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private StatisticsService statistics;

	@Test
	void startsTheStatisticsOverWhenTheRidesTopicIsDeletedAndCreatedAgain() throws Exception {
		List<Ride> rides = RidesCsvFigures.rides();
		publish(rides.subList(0, 40));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.statistics.current().totalRides() == 40);

		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			admin.deleteTopics(List.of(TOPIC)).all().get();
			await().atMost(Duration.ofSeconds(30)).until(() -> !admin.listTopics().names().get().contains(TOPIC));
			admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
		}
		publish(rides.subList(100, 103));

		await().atMost(Duration.ofSeconds(60)).until(() -> this.statistics.current().totalRides() == 3);
		long inWindows = this.statistics.windows(WindowSpec.Kind.TUMBLING)
			.windows(null, null, Integer.MAX_VALUE)
			.stream()
			.mapToLong(WindowFigures::rides)
			.sum();
		assertThat(inWindows + this.statistics.current().lateRides().get("tumbling")).isEqualTo(3);
	}

	private void publish(List<Ride> rides) {
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < rides.size(); i++) {
				producer.send(new ProducerRecord<>(TOPIC, i % 2, null, RideJson.write(rides.get(i))));
			}
		}
	}

}
