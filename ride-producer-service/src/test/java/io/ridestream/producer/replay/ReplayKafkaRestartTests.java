package io.ridestream.producer.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

/**
 * A broker restart mid-replay: the job's outcome is honest and a read_committed consumer sees exactly the rides the
 * job reports as published, each once. The replay publishes in transactions, so the copies an idempotent producer
 * could leave behind when the broker dies with a batch in flight belong to a transaction that never commits, and
 * a ride is counted published only once its transaction committed. Whether the transaction open during the restart
 * commits (the job completes) or fails (the job fails, its rides counted as failed) depends on timing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@DirtiesContext
class ReplayKafkaRestartTests {

	private static final Log logger = LogFactory.getLog(ReplayKafkaRestartTests.class);

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
	void showsConsumersEachPublishedRideOnceWhenKafkaRestartsMidReplay() {
		int rows = 1500;
		String id = this.replays.upload("rate=200", rides(rows)).id();
		this.replays.awaitPublished(id, 100);

		kafka.stop();
		kafka.start();
		ReplayJobView job = this.replays.awaitFinished(id, Duration.ofSeconds(40));

		List<ConsumerRecord<String, Ride>> records = RideRecords.of(kafka.bootstrapServers(), "rides", id);
		logger.info("Kafka restarted mid-replay: " + ReplayKafkaDownTests.figures(job) + ", " + records.size()
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

	/** The records of each source line seen more than once, as partition@offset and leader epoch. */
	static Map<Long, List<String>> duplicates(List<ConsumerRecord<String, Ride>> records) {
		Map<Long, List<String>> byLine = records.stream()
			.collect(Collectors.groupingBy(RideRecords::sourceLine, TreeMap::new,
					Collectors.mapping((record) -> record.partition() + "@" + record.offset() + " (leader epoch "
							+ record.leaderEpoch().orElse(-1) + ")", Collectors.toList())));
		byLine.values().removeIf((copies) -> copies.size() == 1);
		return byLine;
	}

}
