package io.ridestream.producer.replay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record timestamps on a broker with Kafka's default limits: a pickup more than
 * {@code log.message.timestamp.after.max.ms} (an hour) ahead of the broker's clock would be refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayRecordTimestampTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final DateTimeFormatter PICKUP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
	void publishesARidePickedUpFarInTheFutureStampedWithItsSendTime() {
		ReplayJobView job = this.replays.uploadAndWait("",
				csv(ride("2020-07-01 00:00:00"), ride("2088-07-01 00:00:00"), ride("2020-07-01 00:00:02")));

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.error()).isNull();
		assertThat(job.published()).isEqualTo(3);
		Map<Long, ConsumerRecord<String, Ride>> byLine = byLine(RideRecords.of(this.broker, "rides", job.id()));
		assertThat(byLine).containsOnlyKeys(2L, 3L, 4L);
		assertThat(Instant.ofEpochMilli(byLine.get(3L).timestamp())).isBetween(
				job.startedAt().minus(1, ChronoUnit.SECONDS), job.finishedAt().plus(1, ChronoUnit.SECONDS));
		assertThat(byLine.get(3L).value().pickupTime()).isEqualTo(LocalDateTime.of(2088, 7, 1, 0, 0));
		assertThat(byLine.get(2L).timestamp()).isEqualTo(epochMillis("2020-07-01 00:00:00"));
		assertThat(byLine.get(4L).timestamp()).isEqualTo(epochMillis("2020-07-01 00:00:02"));
	}

	static Map<Long, ConsumerRecord<String, Ride>> byLine(Iterable<ConsumerRecord<String, Ride>> records) {
		return java.util.stream.StreamSupport.stream(records.spliterator(), false)
			.collect(Collectors.toMap(RideRecords::sourceLine, Function.identity()));
	}

	static long epochMillis(String pickup) {
		return LocalDateTime.parse(pickup, PICKUP).atZone(NEW_YORK).toInstant().toEpochMilli();
	}

}
