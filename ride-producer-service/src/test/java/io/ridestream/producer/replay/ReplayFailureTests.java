package io.ridestream.producer.replay;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays that cannot succeed: nothing listens on Kafka's port, and the default file does not exist.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.auto-create=false",
				"ridestream.replay.default-file=file:${java.io.tmpdir}/ridestream-no-such-rides.csv" })
@AutoConfigureRestTestClient
class ReplayFailureTests {

	@Autowired
	private RestTestClient client;

	private ReplayApi replays;

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void failsFastWithAClearErrorWhenKafkaIsUnreachable() {
		long start = System.nanoTime();
		ReplayJobView job = this.replays.uploadAndWait("",
				csv(ride("2020-07-01 00:00:00"), ride("2020-07-01 00:00:01"), "1,2,3", ride("2020-07-01 00:00:02")));
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(took).isLessThan(Duration.ofSeconds(10));
		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		// A transactional producer's first request is for its producer id: that is what times out.
		assertThat(job.error()).startsWith("Kafka at 127.0.0.1:1 is unreachable or topic 'rides' is not available: ")
			.contains("InitProducerId");
		assertThat(job.published()).isZero();
		assertThat(job.failed()).isPositive();
		assertThat(job.rowsRead()).isEqualTo(job.published() + job.rejected() + job.failed());
	}

	@Test
	void failsWhenTheDefaultFileCannotBeRead() {
		ReplayJobView job = this.client.post()
			.uri("/rides/replay?wait=true")
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ReplayJobView.class)
			.returnResult()
			.getResponseBody();

		assertThat(job.source()).startsWith("file:").endsWith("/ridestream-no-such-rides.csv");
		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(job.error()).startsWith("Reading " + job.source() + " failed: ");
		assertThat(job.rowsRead()).isZero();
	}

}
