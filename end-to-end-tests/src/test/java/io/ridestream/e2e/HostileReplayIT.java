package io.ridestream.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ridestream.generator.GenerationResult;
import io.ridestream.generator.GeneratorSettings;
import io.ridestream.generator.RideGenerator;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hostile replay: both services from their jars on a real broker take, one after the other, a generated file
 * with TLC quirks and broken rows plus rides picked up in 2088 and 2002, the same outliers written straight to the
 * topic by another producer, 150,000 rides with distinct location ids, 5,000 poison messages in a row, and then the
 * bundled rides.csv. Every message is counted or dead-lettered, the totals are exact, and the windows of rides.csv
 * are what they are without the rest, within a bounded time.
 */
@EmbeddedKafka
class HostileReplayIT {

	private static final int DISTINCT_IDS = 150_000;

	private static final int POISON_MESSAGES = 5_000;

	/** The generated rides are picked up before those of rides.csv (2020-06-30 18:11 to 2020-07-01 01:57). */
	private static final LocalDateTime GENERATED_START = LocalDateTime.parse("2020-06-30T00:00:00");

	static String brokers;

	static Services services;

	@BeforeAll
	static void startServices(EmbeddedKafkaBroker broker) {
		brokers = broker.getBrokersAsString();
		services = Services.start(brokers, Map.of());
	}

	@AfterAll
	static void stopServices() {
		if (services != null) {
			services.close();
		}
	}

	@Test
	void countsOrDeadLettersEveryMessageOfAHostileReplayExactlyAndKeepsTheWindowsOfRidesCsv(@TempDir Path dir)
			throws IOException {
		long started = System.nanoTime();
		RidesCsvFigures sample = RidesCsvFigures.of(RidesCsvFigures.BUNDLED);

		// 1. A generated file with broken rows, and rides picked up in 2088 and 2002 among them, through the replay.
		Path generated = dir.resolve("generated.csv");
		GenerationResult result = new RideGenerator(GeneratorSettings.of(20_000)
			.withMalformedFraction(0.01)
			.withStart(GENERATED_START)
			.withRidesPerMinute(30)).write(generated);
		List<String> lines = new ArrayList<>(Files.readAllLines(generated, StandardCharsets.US_ASCII));
		lines.add(outlierRow("2088-07-01 10:00:00", "2088-07-01 10:20:00"));
		lines.add(outlierRow("2002-01-01 03:00:00", "2002-01-01 03:20:00"));
		JsonNode job = replay(String.join("\n", lines) + "\n");
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
		assertThat(job.get("failed").asLong()).isZero();
		assertThat(job.get("rowsRead").asLong()).isEqualTo(result.rows() + 2);
		assertThat(job.get("rejected").asLong()).isGreaterThanOrEqualTo(result.malformedRows());
		long publishedByReplay = job.get("published").asLong();
		long outliersPublished = publishedByReplay - result.wellFormedRows();
		assertThat(outliersPublished).as("the 2088 and 2002 rows published or rejected alone").isBetween(0L, 2L);

		// 2. The same outliers, 150,000 distinct location ids and 5,000 poison messages, from another producer.
		long direct = 0;
		try (Producer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.LINGER_MS_CONFIG, 20),
				new StringSerializer(), new ByteArraySerializer())) {
			Ride template = new Ride(2, GENERATED_START, GENERATED_START.plusMinutes(15), 1, new BigDecimal("1.20"), 1,
					"N", 132, 138, 1, new BigDecimal("7.5"), new BigDecimal("0.5"), new BigDecimal("0.5"),
					new BigDecimal("1.5"), BigDecimal.ZERO, new BigDecimal("0.3"), new BigDecimal("10.3"),
					BigDecimal.ZERO);
			for (String pickup : List.of("2088-07-01T10:00:00", "2002-01-01T03:00:00")) {
				send(producer, RideJson.write(withPickupAndZones(template, LocalDateTime.parse(pickup), 132, 138)));
				direct++;
			}
			LocalDateTime first = GENERATED_START.plusHours(12);
			for (int i = 0; i < DISTINCT_IDS; i++) {
				Ride ride = withPickupAndZones(template, first.plusNanos(i * 100_000_000L), 1_000 + i, 1_000_000 + i);
				send(producer, RideJson.write(ride));
				direct++;
			}
			for (int i = 0; i < POISON_MESSAGES; i++) {
				producer.send(new ProducerRecord<>("rides", 0, null, ("garbage " + i).getBytes(StandardCharsets.UTF_8)));
			}
		}

		// 3. Then the bundled rides.csv.
		JsonNode bundled = replayBundled();
		assertThat(bundled.get("published").asLong()).isEqualTo(sample.rides());

		long expectedRides = publishedByReplay + direct + sample.rides();
		JsonNode stats = ConsumerStats.awaitTotalRides(services.consumer(), brokers, expectedRides);
		assertThat(stats.get("deadLetters").asLong()).isEqualTo(POISON_MESSAGES);
		assertThat(stats.get("ridesOutsideWindows").get("tumbling").asLong()).as("the rides of 2088 and 2002")
			.isEqualTo(2 + outliersPublished);

		JsonNode windows = Http.get(services.consumer()
			.url("/stats/windows?type=tumbling&from=2020-06-30T18:00:00&to=2020-07-01T02:00:00&limit=1000")).json();
		long inWindows = 0;
		for (JsonNode window : windows.get("windows")) {
			inWindows += window.get("rides").asLong();
		}
		// Every other ride is picked up in order and before rides.csv: the late ones are rides.csv's own.
		long late = stats.get("lateRides").get("tumbling").asLong();
		assertThat(inWindows + late).as("rides.csv in its windows or late").isEqualTo(sample.rides());
		assertThat(late).isLessThan(10);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("Hostile replay: %,d rides counted, %,d dead letters, in %,d ms%n", expectedRides,
				POISON_MESSAGES, took.toMillis());
		assertThat(took).isLessThan(Duration.ofMinutes(4));
	}

	private static void send(Producer<String, byte[]> producer, byte[] value) {
		producer.send(new ProducerRecord<>("rides", null, null, value));
	}

	private static JsonNode replay(String csv) {
		Http.Response response = Http.post(services.producer().url("/rides/replay?wait=true"), "text/csv",
				BodyPublishers.ofString(csv));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode replayBundled() {
		Http.Response response = Http.post(services.producer().url("/rides/replay?wait=true"), null,
				BodyPublishers.noBody());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static String outlierRow(String pickup, String dropoff) {
		return "2," + pickup + "," + dropoff + ",1,1.20,1,N,132,138,1,7.5,0.5,0.5,1.5,0,0.3,10.3,0";
	}

	private static Ride withPickupAndZones(Ride ride, LocalDateTime pickup, int pickupZone, int dropoffZone) {
		return new Ride(ride.vendorId(), pickup, pickup.plusMinutes(15), ride.passengerCount(), ride.tripDistance(),
				ride.rateCodeId(), ride.storeAndForwardFlag(), pickupZone, dropoffZone, ride.paymentType(),
				ride.fareAmount(), ride.extra(), ride.mtaTax(), ride.tipAmount(), ride.tollsAmount(),
				ride.improvementSurcharge(), ride.totalAmount(), ride.congestionSurcharge());
	}

}
