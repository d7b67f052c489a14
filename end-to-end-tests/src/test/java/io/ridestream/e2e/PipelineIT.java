package io.ridestream.e2e;

import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services from their packaged jars on a real broker: what is replayed into the producer is what the
 * consumer counts, exactly.
 */
@EmbeddedKafka
class PipelineIT {

	static String brokers;

	static Services services;

	static ServiceProcess producer;

	static ServiceProcess consumer;

	@BeforeAll
	static void startServices(EmbeddedKafkaBroker broker) {
		brokers = broker.getBrokersAsString();
		services = Services.start(brokers, Map.of());
		producer = services.producer();
		consumer = services.consumer();
	}

	@AfterAll
	static void stopServices() {
		if (services != null) {
			services.close();
		}
	}

	@Test
	void replayOfBundledRidesShowsExactTotalsOnConsumer() {
		RidesCsvFigures expected = RidesCsvFigures.of(RidesCsvFigures.BUNDLED);
		JsonNode before = stats();

		JsonNode job = replay("/rides/replay?wait=true", null, "");

		assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
		assertThat(job.get("published").asLong()).isEqualTo(expected.rides()).isEqualTo(266);
		JsonNode after = awaitTotalRides(before.get("totalRides").asLong() + expected.rides());
		assertThat(decimal(after, "totalAmount").subtract(decimal(before, "totalAmount")))
			.isEqualByComparingTo(expected.totalAmount());
		assertThat(decimal(after, "totalTips").subtract(decimal(before, "totalTips")))
			.isEqualByComparingTo(expected.totalTips());
		assertThat(after.get("totalPassengers").asLong() - before.get("totalPassengers").asLong())
			.isEqualTo(expected.passengers());
	}

	@Test
	void uploadedCsvWithBadRowsPublishesTheGoodOnesAndReportsTheBadOnesByLine() {
		List<String> lines = new ArrayList<>(List.of(
				"VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,RatecodeID,"
						+ "store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,mta_tax,"
						+ "tip_amount,tolls_amount,improvement_surcharge,total_amount,congestion_surcharge",
				"1,2020-07-01 00:25:32,2020-07-01 00:33:39,1,1.50,1,N,238,75,2,8,0.5,0.5,0,0,0.3,9.3,0",
				"1,2020-07-01 00:25:32,2020-07-01 00:33:39,1,1.50,1,N,238,75,2,8,0.5,0.5,0,0,0.3,nine,0",
				"2,2020-07-01 00:30:49,2020-07-01 00:38:26,2,1.90,1,N,88,232,1,8,0.5,0.5,2.36,0,0.3,14.16,2.5",
				"2,2020-13-01 00:30:49,2020-07-01 00:38:26,1,1.90,1,N,88,232,1,8,0.5,0.5,2.36,0,0.3,14.16,2.5",
				"2,2020-07-01 00:30:49,2020-07-01 00:38:26,1,1.90,1,N,88"));
		JsonNode before = stats();

		JsonNode job = replay("/rides/replay?wait=true", "text/csv", String.join("\n", lines) + "\n");

		assertThat(job.get("rowsRead").asLong()).isEqualTo(5);
		assertThat(job.get("published").asLong()).isEqualTo(2);
		assertThat(job.get("rejected").asLong()).isEqualTo(3);
		assertThat(job.get("rejectedRows").findValuesAsString("line")).containsExactly("3", "5", "6");
		JsonNode after = awaitTotalRides(before.get("totalRides").asLong() + 2);
		assertThat(decimal(after, "totalAmount").subtract(decimal(before, "totalAmount")))
			.isEqualByComparingTo("23.46");
		assertThat(after.get("totalPassengers").asLong() - before.get("totalPassengers").asLong()).isEqualTo(3);
	}

	@Test
	void cancelledReplayIsCountedByConsumerExactlyAsFarAsItGot() {
		JsonNode before = stats();
		JsonNode started = replay("/rides/replay?rate=20", null, "");
		String id = started.get("id").asString();
		await().atMost(Duration.ofSeconds(20)).until(() -> job(id).get("published").asLong() >= 5);

		Http.Response cancel = Http.send("DELETE", producer.url("/rides/replay/" + id));

		assertThat(cancel.status()).isLessThan(300);
		JsonNode cancelled = await().atMost(Duration.ofSeconds(20))
			.until(() -> job(id), (job) -> job.get("state").asString().equals("CANCELLED"));
		long published = cancelled.get("published").asLong();
		assertThat(published).isBetween(5L, 265L);
		assertThat(cancelled.get("rowsRead").asLong()).isEqualTo(
				published + cancelled.get("rejected").asLong() + cancelled.get("failed").asLong());
		awaitTotalRides(before.get("totalRides").asLong() + published);
	}

	@Test
	void consumerKilledAndRestartedShowsTheSameTotalsNotDoubled() {
		replay("/rides/replay?wait=true&limit=40", null, "");
		JsonNode before = awaitTotalRides(publishedByAllJobs());

		consumer.kill();
		consumer.start();

		JsonNode after = awaitTotalRides(before.get("totalRides").asLong());
		assertThat(decimal(after, "totalAmount")).isEqualByComparingTo(decimal(before, "totalAmount"));
		assertThat(after.get("ridesByVendor")).isEqualTo(before.get("ridesByVendor"));
	}

	private static JsonNode replay(String path, String contentType, String body) {
		Http.Response response = Http.post(producer.url(path), contentType, BodyPublishers.ofString(body));
		assertThat(response.status()).as(response.body()).isIn(200, 202);
		return response.json();
	}

	private static JsonNode job(String id) {
		return Http.get(producer.url("/rides/replay/" + id)).json();
	}

	private static JsonNode stats() {
		return ConsumerStats.of(consumer);
	}

	private static JsonNode awaitTotalRides(long expected) {
		return ConsumerStats.awaitTotalRides(consumer, brokers, expected);
	}

	private static long publishedByAllJobs() {
		return ConsumerStats.publishedByAllJobs(producer);
	}

	private static BigDecimal decimal(JsonNode stats, String field) {
		return new BigDecimal(stats.get(field).asString());
	}

}
