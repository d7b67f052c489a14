package io.ridestream.producer.replay;

import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays larger than one transaction: every transaction commits, and a read_committed consumer sees exactly the
 * rides the job reports as published.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ridestream.replay.transaction-size=100")
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayTransactionTests {

	// The bundled rides.csv: 266 rides on lines 2 to 267, three transactions of at most 100.
	private static final int BUNDLED_RIDES = 266;

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
	void publishesEveryRideOfAReplayLargerThanOneTransaction() {
		ReplayJobView job = this.replays.awaitFinished(this.replays.start("").id());

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(BUNDLED_RIDES);
		assertThat(RideRecords.of(this.broker, "rides", job.id())).map(RideRecords::sourceLine)
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, BUNDLED_RIDES + 1).boxed().toList());
	}

	@Test
	void stopsAtTheLimitInTheMiddleOfATransaction() {
		ReplayJobView job = this.replays.awaitFinished(this.replays.start("limit=150").id());

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(150);
		assertThat(RideRecords.of(this.broker, "rides", job.id())).hasSize(150);
	}

}
