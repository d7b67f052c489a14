package io.ridestream.producer.replay;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.ReplayRecordTimestampTests.PICKUP;
import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paced replays ({@code speedup}) of files with outlying pickup times, on a real broker: an outlier neither
 * stalls the replay nor releases the rest unpaced.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayPacingTests {

	private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2020, 7, 1, 0, 0);

	@Autowired
	private RestTestClient client;

	private ReplayApi replays;

	@Autowired
	private ReplayJobs jobs;

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@AfterEach
	void cancelRunningReplays() {
		this.jobs.running().forEach(ReplayJob::cancel);
	}

	@Test
	void replaysPastAFarFutureOutlierWithoutStalling() {
		List<String> rows = minuteApart(11);
		rows.set(5, ride("2088-07-01 00:00:00"));

		ReplayJobView job = this.replays.awaitFinished(this.replays.upload("speedup=3600", csv(rows)).id(),
				Duration.ofSeconds(10));

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.rowsRead()).isEqualTo(11);
		assertThat(job.published()).isEqualTo(11);
	}

	@Test
	void pacesTheRidesAfterAFirstRowFrom2002() {
		List<String> rows = minuteApart(11);
		rows.set(0, ride("2002-07-01 00:00:00"));

		ReplayJobView job = this.replays.awaitFinished(this.replays.upload("speedup=600", csv(rows)).id(),
				Duration.ofSeconds(10));

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(11);
		// Rows 3 to 11 are 8 minutes apart: 0.8 s at 600 times the speed.
		assertThat(Duration.between(job.startedAt(), job.finishedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(750));
	}

	/** Rides picked up one minute apart from midnight, as rows. */
	private static List<String> minuteApart(int count) {
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(ride(MIDNIGHT.plusMinutes(i).format(PICKUP)));
		}
		return rows;
	}

	private static String csv(List<String> rows) {
		return TestCsv.csv(rows.toArray(String[]::new));
	}

}
