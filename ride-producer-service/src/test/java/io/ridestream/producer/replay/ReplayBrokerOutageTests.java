package io.ridestream.producer.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ridestream.model.Ride;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ridestream.localkafka.RestartableKafka;

import static io.ridestream.producer.replay.TestCsv.rides;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker away for longer than a commit may block ({@code max.block.ms}, here 2.5 s) but shorter than a ride may
 * wait for its acknowledgement ({@code delivery.timeout.ms}), as when a partition's leader dies and another takes
 * over: the commit that timed out while rides were still unacknowledged is still pending in the producer, and
 * Kafka completes it once the broker answers. The job must count exactly what a read_committed consumer sees.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.producer.properties.max.block.ms=2500",
				"spring.kafka.producer.properties.delivery.timeout.ms=60000" })
@AutoConfigureRestTestClient
@DirtiesContext
class ReplayBrokerOutageTests {

	private static final Log logger = LogFactory.getLog(ReplayBrokerOutageTests.class);

	private static final RestartableKafka kafka = new RestartableKafka().start();

	@Autowired
	private RestTestClient client;

	private ReplayApi replays;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
	}

	@AfterAll
	static void stopKafka() throws IOException {
		kafka.close();
	}

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void countsPublishedExactlyTheRidesConsumersSeeWhenTheBrokerIsAwayLongerThanACommitMayBlock() {
		int rows = 1500;
		String id = this.replays.upload("rate=200", rides(rows)).id();
		this.replays.awaitPublished(id, 100);

		kafka.stop();
		// The outage: longer than a commit may block, during which the job neither finishes nor counts anything.
		await("broker away 6 s").during(Duration.ofSeconds(6))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.replays.get(id).state() == ReplayState.RUNNING);
		kafka.start();
		ReplayJobView job = this.replays.awaitFinished(id, Duration.ofSeconds(90));

		List<ConsumerRecord<String, Ride>> records = RideRecords.of(kafka.bootstrapServers(), "rides", id);
		logger.info("Broker away longer than max.block.ms: " + ReplayKafkaDownTests.figures(job) + ", " + records.size()
				+ " visible read_committed; duplicates: " + duplicates(records));
		assertThat(job.state()).isIn(ReplayState.COMPLETED, ReplayState.FAILED);
		assertThat(job.rowsRead()).isEqualTo(job.published() + job.rejected() + job.failed());
		assertThat(duplicates(records)).isEmpty();
		assertThat(records).hasSize((int) job.published());
		if (job.state() == ReplayState.COMPLETED) {
			assertThat(job.published()).isEqualTo(rows);
		}
		else {
			assertThat(job.error()).startsWith("Kafka at " + kafka.bootstrapServers());
			assertThat(job.failed()).isPositive();
		}
	}

	private static Map<Long, List<String>> duplicates(List<ConsumerRecord<String, Ride>> records) {
		return ReplayKafkaRestartTests.duplicates(records);
	}

}
