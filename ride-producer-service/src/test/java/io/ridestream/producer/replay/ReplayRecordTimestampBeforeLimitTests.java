package io.ridestream.producer.replay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ridestream.model.Ride;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.ReplayRecordTimestampTests.NEW_YORK;
import static io.ridestream.producer.replay.ReplayRecordTimestampTests.PICKUP;
import static io.ridestream.producer.replay.ReplayRecordTimestampTests.byLine;
import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record timestamps on a broker that also refuses timestamps more than a day old
 * ({@code log.message.timestamp.before.max.ms}), as some clusters are configured: historical rides are still
 * published, stamped with their send time, and a recent ride keeps its pickup time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		brokerProperties = "log.message.timestamp.before.max.ms=86400000")
class ReplayRecordTimestampBeforeLimitTests {

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
	void publishesRidesPickedUpBeforeTheBrokersLimitStampedWithTheirSendTime() {
		String anHourAgo = LocalDateTime.now(NEW_YORK).minusHours(1).truncatedTo(ChronoUnit.SECONDS).format(PICKUP);
		ReplayJobView job = this.replays.uploadAndWait("",
				csv(ride("2020-07-01 00:00:00"), ride("2020-07-01 00:00:01"), ride(anHourAgo)));

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.error()).isNull();
		assertThat(job.published()).isEqualTo(3);
		Map<Long, ConsumerRecord<String, Ride>> byLine = byLine(RideRecords.of(this.broker, "rides", job.id()));
		assertThat(byLine).containsOnlyKeys(2L, 3L, 4L);
		for (long line : new long[] { 2, 3 }) {
			assertThat(Instant.ofEpochMilli(byLine.get(line).timestamp())).isBetween(
					job.startedAt().minus(1, ChronoUnit.SECONDS), job.finishedAt().plus(1, ChronoUnit.SECONDS));
		}
		assertThat(byLine.get(4L).timestamp()).isEqualTo(ReplayRecordTimestampTests.epochMillis(anHourAgo));
	}

}
