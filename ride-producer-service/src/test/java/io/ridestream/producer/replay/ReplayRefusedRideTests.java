package io.ridestream.producer.replay;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.ReplayRecordTimestampTests.NEW_YORK;
import static io.ridestream.producer.replay.ReplayRecordTimestampTests.PICKUP;
import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ride Kafka refuses on its own, though the replay chose a timestamp the topic accepted when it started: the
 * topic's limit is tightened mid-replay. The ride is a rejected row; the others are published.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayRefusedRideTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private EmbeddedKafkaBroker broker;

	private ReplayApi replays;

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void rejectsARideKafkaRefusesAndPublishesTheOthers() throws Exception {
		LocalDateTime now = LocalDateTime.now(NEW_YORK).truncatedTo(ChronoUnit.SECONDS);
		String csv = csv(ride(now.format(PICKUP)), ride(now.plusMinutes(30).format(PICKUP)),
				ride(now.plusSeconds(1).format(PICKUP)));
		// A ride every 4 s: the second is sent well after the limit is tightened.
		String id = this.replays.upload("rate=0.25", csv).id();
		this.replays.awaitPublished(id, 1);

		allowTimestampsAhead(Duration.ofMinutes(1));
		ReplayJobView job = this.replays.awaitFinished(id);

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(2);
		assertThat(job.failed()).isZero();
		assertThat(job.rejected()).isEqualTo(1);
		assertThat(job.rejectedRows()).singleElement().satisfies((row) -> {
			assertThat(row.line()).isEqualTo(3);
			assertThat(row.reason()).startsWith("Kafka refused the ride: ").containsIgnoringCase("timestamp");
		});
		assertThat(RideRecords.of(this.broker, "rides", id)).map(RideRecords::sourceLine).containsExactlyInAnyOrder(2L, 4L);
	}

	private void allowTimestampsAhead(Duration limit) throws Exception {
		ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "rides");
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			ConfigEntry entry = new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG,
					Long.toString(limit.toMillis()));
			admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(entry, AlterConfigOp.OpType.SET))))
				.all()
				.get();
			await().until(() -> admin.describeConfigs(List.of(topic))
				.all()
				.get()
				.get(topic)
				.get(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG)
				.value()
				.equals(entry.value()));
		}
	}

}
