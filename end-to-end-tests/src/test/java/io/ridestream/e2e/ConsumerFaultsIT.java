package io.ridestream.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import io.ridestream.localkafka.RestartableKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's statistics under faults, on a local broker that the tests can restart: a consumer killed in the
 * middle of a 100k-ride stream, broker restarts, and consumer instances joining the group mid-stream. Each ride
 * is counted exactly once, and every instance shows the same statistics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumerFaultsIT {

	static final int COPIES = 400;

	static RestartableKafka kafka;

	static Services services;

	@BeforeAll
	static void startServices() {
		kafka = new RestartableKafka().start();
		services = Services.start(kafka.bootstrapServers(), Map.of());
	}

	@AfterAll
	static void stopServices() throws IOException {
		if (services != null) {
			services.close();
		}
		kafka.close();
	}

	@Test
	@Order(1)
	void consumerKilledMidStreamOf100kRidesCountsEveryRideOnceAfterItsRestart() throws IOException {
		List<String> lines = Files.readAllLines(RidesCsvFigures.BUNDLED);
		RidesCsvFigures once = RidesCsvFigures.of(lines);
		String body = lines.get(0) + "\n" + String.join("\n", lines.subList(1, lines.size())).concat("\n").repeat(COPIES);
		JsonNode started = post("/rides/replay?rate=20000", body);

		await().atMost(Duration.ofSeconds(60)).until(() -> stats().get("totalRides").asLong() >= 20_000);
		long countedWhenKilled = stats().get("totalRides").asLong();
		services.consumer().kill();
		services.consumer().start();

		JsonNode job = await().atMost(Duration.ofSeconds(60)).until(() -> job(started), this::finished);
		assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
		assertThat(job.get("published").asLong()).isEqualTo(once.rides() * COPIES).isEqualTo(106_400);
		JsonNode after = ConsumerStats.awaitTotalRides(services.consumer(), kafka.bootstrapServers(),
				once.rides() * COPIES);
		assertThat(new BigDecimal(after.get("totalAmount").asString()))
			.isEqualByComparingTo(once.totalAmount().multiply(BigDecimal.valueOf(COPIES)));
		assertThat(after.get("totalPassengers").asLong()).isEqualTo(once.passengers() * COPIES);
		assertThat(countedWhenKilled).isLessThan(106_400);
		System.out.printf("Fault test 1: %d rides sent, %d acknowledged, consumer killed at %d counted, %d counted "
				+ "after its restart%n", job.get("rowsRead").asLong(), job.get("published").asLong(), countedWhenKilled,
				after.get("totalRides").asLong());
	}

	@Test
	@Order(2)
	void consumerKeepsExactStatsAcrossABrokerRestartAndCountsTheRidesThatFollow() {
		JsonNode before = ConsumerStats.awaitTotalRides(services.consumer(), kafka.bootstrapServers(),
				ConsumerStats.publishedByAllJobs(services.producer()));

		kafka.stop();
		kafka.start();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.status(services.producer().url("/actuator/health/readiness")) == 200);
		JsonNode job = post("/rides/replay?wait=true&limit=50", "");

		assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
		JsonNode after = ConsumerStats.awaitTotalRides(services.consumer(), kafka.bootstrapServers(),
				before.get("totalRides").asLong() + 50);
		assertThat(after.get("totalRides").asLong()).isEqualTo(ConsumerStats.publishedByAllJobs(services.producer()));
		System.out.printf("Broker restart: %d rides counted before, 50 acknowledged after, %d counted%n",
				before.get("totalRides").asLong(), after.get("totalRides").asLong());
	}

	@Test
	@Order(3)
	void consumerCountsExactlyWhatTheJobReportsPublishedWhenTheBrokerRestartsMidReplay() throws IOException {
		List<String> lines = Files.readAllLines(RidesCsvFigures.BUNDLED);
		String body = lines.get(0) + "\n" + String.join("\n", lines.subList(1, lines.size())).concat("\n").repeat(40);
		JsonNode started = post("/rides/replay?rate=4000", body);
		await().atMost(Duration.ofSeconds(30)).until(() -> job(started).get("published").asLong() >= 2_000);

		kafka.stop();
		kafka.start();

		JsonNode job = await().atMost(Duration.ofSeconds(90)).until(() -> job(started), this::finished);
		assertThat(job.get("rowsRead").asLong()).isEqualTo(job.get("published").asLong()
				+ job.get("rejected").asLong() + job.get("failed").asLong());
		JsonNode after = ConsumerStats.awaitTotalRides(services.consumer(), kafka.bootstrapServers(),
				ConsumerStats.publishedByAllJobs(services.producer()));
		System.out.printf("Fault test 3: job %s, %d rides read, %d published, %d failed; consumer counts %d of %d "
				+ "published by all jobs%n", job.get("state").asString(), job.get("rowsRead").asLong(),
				job.get("published").asLong(), job.get("failed").asLong(), after.get("totalRides").asLong(),
				ConsumerStats.publishedByAllJobs(services.producer()));
	}

	@Test
	@Order(4)
	void twoConsumersAndAThirdJoiningMidStreamAllShowTheSameExactTotals() throws IOException {
		Map<String, String> environment = Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
		List<String> lines = Files.readAllLines(RidesCsvFigures.BUNDLED);
		String body = lines.get(0) + "\n" + String.join("\n", lines.subList(1, lines.size())).concat("\n").repeat(COPIES);
		try (ServiceProcess second = ServiceProcess.start("ride-consumer-service", environment)) {
			JsonNode started = post("/rides/replay?rate=8000", body);
			await().atMost(Duration.ofSeconds(60)).until(() -> job(started).get("published").asLong() >= 20_000);
			try (ServiceProcess third = ServiceProcess.start("ride-consumer-service", environment)) {
				long publishedWhenThirdReady = job(started).get("published").asLong();
				JsonNode job = await().atMost(Duration.ofSeconds(90)).until(() -> job(started), this::finished);
				assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
				long expected = ConsumerStats.publishedByAllJobs(services.producer());

				JsonNode first = ConsumerStats.awaitTotalRides(services.consumer(), kafka.bootstrapServers(), expected);
				for (ServiceProcess other : List.of(second, third)) {
					JsonNode stats = ConsumerStats.awaitTotalRides(other, kafka.bootstrapServers(), expected);
					assertThat(stats).as("statistics of the instance on port %d", other.port()).isEqualTo(first);
				}
				System.out.printf("Fault test 2: %d rides published by this job (%d by all jobs), third consumer "
						+ "ready at %d published; all three instances count %d, total amount %s%n",
						job.get("published").asLong(), expected, publishedWhenThirdReady,
						first.get("totalRides").asLong(), first.get("totalAmount").asString());
			}
		}
	}

	private boolean finished(JsonNode job) {
		return !job.get("state").asString().equals("RUNNING");
	}

	private static JsonNode post(String path, String csv) {
		Http.Response response = csv.isEmpty()
				? Http.post(services.producer().url(path), null, BodyPublishers.noBody())
				: Http.post(services.producer().url(path), "text/csv",
						BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isIn(200, 202);
		return response.json();
	}

	private static JsonNode job(JsonNode started) {
		return Http.get(services.producer().url("/rides/replay/" + started.get("id").asString())).json();
	}

	private static JsonNode stats() {
		return ConsumerStats.of(services.consumer());
	}

}
