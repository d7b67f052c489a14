package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Yellow, green and FHV rides on one topic: {@code /stats} breaks them down by dataset, and the busiest pickup zone
 * of green and FHV trips together (the course's 2023 homework question) is one request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ridestream.topic.name=" + DatasetStatisticsTests.TOPIC)
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetStatisticsTests {

	static final String TOPIC = "rides-of-every-dataset";

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private StatisticsService statistics;

	@Autowired
	private RestTestClient client;

	private final List<Ride> rides = new ArrayList<>();

	@BeforeAll
	void publishRidesOfEveryDataset() {
		List<Ride> yellow = RidesCsvFigures.rides();
		this.rides.addAll(yellow);
		for (int i = 0; i < 300; i++) {
			Ride sample = yellow.get(i % yellow.size());
			this.rides.add(green(sample, 1 + i % 7));
			this.rides.add(fhv(sample, (i % 3 == 0) ? null : 1 + i % 5));
		}
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			this.rides.forEach((ride) -> producer.send(new ProducerRecord<>(TOPIC, RideJson.write(ride))));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> this.statistics.current().totalRides() == this.rides.size());
	}

	@Test
	void countsTheRidesAndRevenueOfEachDatasetApart() {
		List<RideStatistics.DatasetFigures> datasets = this.statistics.current().datasets();

		assertThat(datasets).extracting(RideStatistics.DatasetFigures::dataset).containsExactly("yellow", "green", "fhv");
		for (RideStatistics.DatasetFigures figures : datasets) {
			List<Ride> ofDataset = ofDataset(Dataset.fromWireName(figures.dataset()));
			assertThat(figures.rides()).isEqualTo(ofDataset.size());
			assertThat(figures.totalAmount()).isEqualByComparingTo(ofDataset.stream()
				.map(Ride::totalAmount)
				.filter(Objects::nonNull)
				.reduce(BigDecimal.ZERO, BigDecimal::add));
		}
	}

	@Test
	void answersTheBusiestPickupZoneOfGreenAndFhvTripsTogetherAndCountsTheirRidesWithoutZoneApart() {
		Map<Integer, Long> pickups = Stream.concat(ofDataset(Dataset.GREEN).stream(), ofDataset(Dataset.FHV).stream())
			.collect(Collectors.groupingBy((ride) -> Objects.requireNonNullElse(ride.pickupLocationId(), 0),
				Collectors.counting()));
		long withoutZone = pickups.getOrDefault(0, 0L);
		pickups.remove(0);
		Map.Entry<Integer, Long> busiest = pickups.entrySet()
			.stream()
			.min(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.orElseThrow();

		this.client.get()
			.uri("/stats/pickup-zones?dataset=green&dataset=fhv&limit=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.datasets")
			.isEqualTo(List.of("green", "fhv"))
			.jsonPath("$.ridesWithoutZone")
			.isEqualTo((int) withoutZone)
			.jsonPath("$.zones.length()")
			.isEqualTo(1)
			.jsonPath("$.zones[0].locationId")
			.isEqualTo(busiest.getKey())
			.jsonPath("$.zones[0].count")
			.isEqualTo(busiest.getValue().intValue());
	}

	@Test
	void countsRidesWithoutVendorAsUnknown() {
		assertThat(this.statistics.current().ridesByVendor()).containsEntry("unknown",
				(long) ofDataset(Dataset.FHV).size());
	}

	@Test
	void summarisesTheDatasetsInTheTextAndOnTheDashboard() {
		String text = this.client.get().uri("/stats").header("Accept", "text/plain").exchange()
			.expectBody(String.class).returnResult().getResponseBody();
		String page = this.client.get().uri("/stats").header("Accept", "text/html").exchange()
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(text).contains("By dataset").containsPattern("fhv +300 ");
		assertThat(page).contains("<caption>Rides by dataset</caption>").contains(">green</th>");
	}

	@Test
	void refusesADatasetThatIsNone() {
		this.client.get().uri("/stats/pickup-zones?dataset=purple").exchange().expectStatus().isBadRequest();
	}

	private List<Ride> ofDataset(Dataset dataset) {
		return this.rides.stream().filter((ride) -> ride.dataset() == dataset).toList();
	}

	private static Ride green(Ride ride, int pickupLocation) {
		return new Ride(Dataset.GREEN, 2, ride.pickupTime(), ride.dropoffTime(), 1, ride.tripDistance(), 1, "N",
				pickupLocation, 75, 2, ride.fareAmount(), ride.extra(), ride.mtaTax(), ride.tipAmount(),
				ride.tollsAmount(), ride.improvementSurcharge(), ride.totalAmount(), null, null, null, null, 1, null,
				null, null);
	}

	private static Ride fhv(Ride ride, Integer pickupLocation) {
		return new Ride(Dataset.FHV, null, ride.pickupTime(), ride.dropoffTime(), null, null, null, null,
				pickupLocation, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				"B02800", null, "B02800");
	}

}
