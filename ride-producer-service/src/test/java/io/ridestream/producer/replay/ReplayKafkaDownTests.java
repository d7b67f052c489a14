package io.ridestream.producer.replay;

import java.io.IOException;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ridestream.localkafka.RestartableKafka;

import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static io.ridestream.producer.replay.TestCsv.rides;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays while the only broker is down, or goes down and stays down: the job fails within the configured
 * timeouts, never ends COMPLETED, and its counts add up. Short timeouts keep the tests fast.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.producer.properties.max.block.ms=3000",
				"spring.kafka.producer.properties.request.timeout.ms=2000",
				"spring.kafka.producer.properties.delivery.timeout.ms=6000",
				"spring.kafka.admin.operation-timeout=3s" })
@AutoConfigureRestTestClient
@DirtiesContext
class ReplayKafkaDownTests {

	private static final Log logger = LogFactory.getLog(ReplayKafkaDownTests.class);

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
	void kafkaRunning() {
		kafka.start();
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void failsFastWithExactCountsWhenKafkaIsDownAsTheReplayStarts() {
		kafka.stop();

		long start = System.nanoTime();
		ReplayJobView job = this.replays.uploadAndWait("",
				csv("1,2,3", ride("2020-07-01 00:00:00"), ride("2020-07-01 00:00:01"), ride("2020-07-01 00:00:02")));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		logger.info("Kafka down at start: " + figures(job) + ", took " + took.toMillis() + " ms");

		assertThat(took).isLessThan(Duration.ofSeconds(10));
		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(job.error()).startsWith("Kafka at " + kafka.bootstrapServers() + " is unreachable");
		assertThat(job.published()).isZero();
		assertThat(job.rejected()).isOne();
		assertThat(job.failed()).isPositive();
		assertThat(job.rowsRead()).isEqualTo(job.published() + job.rejected() + job.failed());
	}

	@Test
	void failsWithExactCountsAndShowsConsumersOnlyThePublishedRidesWhenKafkaDiesMidReplay() {
		int rows = 4000;
		String id = this.replays.upload("rate=200", rides(rows)).id();
		this.replays.awaitPublished(id, 100);

		kafka.stop();
		ReplayJobView job = this.replays.awaitFinished(id, Duration.ofSeconds(40));

		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(job.error()).startsWith("Kafka at " + kafka.bootstrapServers() + " is unreachable");
		assertThat(job.rowsRead()).isLessThan(rows);
		assertThat(job.published()).isGreaterThanOrEqualTo(100);
		assertThat(job.failed()).isPositive();
		assertThat(job.rejected()).isZero();
		assertThat(job.rowsRead()).isEqualTo(job.published() + job.rejected() + job.failed());

		// Back up only to count: a read_committed consumer sees exactly the rides reported published. The rides of
		// the transaction open when the broker died, whose fate was unknown, count as failed and are not seen.
		kafka.start();
		long visible = RideRecords.of(kafka.bootstrapServers(), "rides", id).size();
		logger.info("Kafka died mid-replay: " + figures(job) + ", " + visible + " visible read_committed");
		assertThat(visible).isEqualTo(job.published());
	}

	static String figures(ReplayJobView job) {
		return job.rowsRead() + " rows read, " + job.published() + " published, " + job.rejected() + " rejected, "
				+ job.failed() + " failed (" + job.state() + ": " + job.error() + ")";
	}

}
