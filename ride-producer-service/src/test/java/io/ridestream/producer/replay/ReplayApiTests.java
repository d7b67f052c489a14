package io.ridestream.producer.replay;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ridestream.model.Ride;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "ridestream.replay.max-concurrent-jobs=10")
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayApiTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	// The bundled rides.csv: a header and 266 rides on lines 2 to 267.
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
	void replaysBundledRidesIntoKafka() {
		ReplayJobView started = this.replays.start("");
		assertThat(started.source()).isEqualTo("bundled rides.csv");

		ReplayJobView job = this.replays.awaitFinished(started.id());
		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.rowsRead()).isEqualTo(BUNDLED_RIDES);
		assertThat(job.published()).isEqualTo(BUNDLED_RIDES);
		assertThat(job.rejected()).isZero();
		assertThat(job.failed()).isZero();
		assertThat(job.error()).isNull();
		assertThat(job.finishedAt()).isAfterOrEqualTo(job.startedAt());

		List<ConsumerRecord<String, Ride>> records = records(job);
		assertThat(records).hasSize(BUNDLED_RIDES);
		assertThat(records).allSatisfy((record) -> {
			Ride ride = record.value();
			assertThat(record.key()).isEqualTo(Integer.toString(ride.pickupLocationId()));
			assertThat(record.timestamp()).isEqualTo(ride.pickupTime().atZone(NEW_YORK).toInstant().toEpochMilli());
		});
		assertThat(records).map(RideRecords::sourceLine)
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, BUNDLED_RIDES + 1).boxed().toList());
	}

	@Test
	void stampsEachRideWithTheTimeItWasSentInAHeader() {
		long before = System.currentTimeMillis();
		ReplayJobView job = this.replays.awaitFinished(this.replays.start("limit=20").id());
		long after = System.currentTimeMillis();

		assertThat(records(job)).hasSize(20)
			.allSatisfy((record) -> assertThat(RideRecords.sentAt(record)).isBetween(before, after));
	}

	@Test
	void answersAcceptedWithTheJobAndWhereToFollowIt() {
		this.client.post()
			.uri("/rides/replay?limit=1")
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueMatches("Location", "/rides/replay/[0-9a-f-]{36}")
			.expectBody()
			.jsonPath("$.id").isNotEmpty()
			.jsonPath("$.state").isEqualTo("RUNNING")
			.jsonPath("$.source").isEqualTo("bundled rides.csv");
	}

	@Test
	void showsAJobWithExactlyTheDocumentedFields() {
		String csv = csv("1,not a ride", ride("2020-07-01 00:00:00"), ride("2020-07-01 00:00:01"));
		ReplayJobView job = this.replays.uploadAndWait("limit=2&rate=100&speedup=60&key=DOLocationID", csv);

		this.client.get()
			.uri("/rides/replay/{id}", job.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"id":"%s","state":"COMPLETED","source":"upload (%d bytes)",
					 "options":{"limit":2,"rate":100.0,"speedup":60.0,"key":"DOLocationID"},
					 "rowsRead":2,"published":1,"rejected":1,"failed":0,"unknown":0,"startedAt":"%s",
					 "finishedAt":"%s",
					 "error":null,"rejectedRows":[{"line":2,"reason":"expected 18 fields as in the header, found 2"}]}
					""".formatted(job.id(), csv.length(), job.startedAt(), job.finishedAt()), JsonCompareMode.STRICT);
	}

	@Test
	void rejectsMalformedRowsAndPublishesTheRest() {
		String csv = csv(ride("2020-07-01 00:00:01"),
				ride("2020-07-01 00:00:02").replace(",8,", ",eight,"),
				ride("2020-07-01 00:00:03").replace("2020-07-01 00:00:03,", "2020-13-01 00:00:03,"),
				ride("2020-07-01 00:00:04").replace(",238,", ",,"),
				"1,2020-07-01 00:00:05,2020-07-01 00:00:05,1",
				ride("2020-07-01 00:00:06"));

		ReplayJobView job = this.replays.uploadAndWait("", csv);

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.rowsRead()).isEqualTo(6);
		assertThat(job.published()).isEqualTo(2);
		assertThat(job.rejected()).isEqualTo(4);
		assertThat(job.rejectedRows()).containsExactly(
				new RejectedRow(3, "fare_amount: 'eight' is not a decimal number"),
				new RejectedRow(4, "tpep_pickup_datetime: '2020-13-01 00:00:03' is not a date-time like 2020-07-01 00:25:32"),
				new RejectedRow(5, "PULocationID: missing required value"),
				new RejectedRow(6, "expected 18 fields as in the header, found 4"));
		assertThat(records(job)).map(RideRecords::sourceLine).containsExactlyInAnyOrder(2L, 7L);
	}

	@Test
	void stopsAfterTheLimit() {
		ReplayJobView job = this.replays.awaitFinished(this.replays.start("limit=10").id());

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.rowsRead()).isEqualTo(10);
		assertThat(job.published()).isEqualTo(10);
		assertThat(records(job)).map(RideRecords::sourceLine)
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 11).boxed().toList());
	}

	@Test
	void keysRidesByTheFieldAskedForInAnyCase() {
		ReplayJobView job = this.replays.awaitFinished(this.replays.start("limit=20&key=vendorid").id());

		assertThat(job.options().key()).isEqualTo(ReplayKey.VENDOR);
		assertThat(records(job)).hasSize(20)
			.allSatisfy((record) -> assertThat(record.key()).isEqualTo(Integer.toString(record.value().vendorId())));
	}

	@Test
	void keepsToTheRate() {
		ReplayJobView job = this.replays.awaitFinished(this.replays.start("limit=20&rate=50").id());

		assertThat(job.published()).isEqualTo(20);
		// 20 rides at 50 per second: the last goes 19 intervals of 20 ms after the first.
		assertThat(Duration.between(job.startedAt(), job.finishedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(370));
	}

	@Test
	void keepsToThePickupTimesScaledBySpeedup() {
		String csv = csv(ride("2020-07-01 08:00:00"), ride("2020-07-01 08:00:30"), ride("2020-07-01 08:01:00"),
				ride("2020-07-01 07:59:00"));

		ReplayJobView job = this.replays.uploadAndWait("speedup=60", csv);

		assertThat(job.published()).isEqualTo(4);
		// The third ride is picked up a minute after the first: one second at 60 times the speed.
		assertThat(Duration.between(job.startedAt(), job.finishedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(990));
	}

	@Test
	void answersWithTheFinishedJobWhenAskedToWait() {
		this.client.post()
			.uri("/rides/replay?limit=5&wait=true")
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state").isEqualTo("COMPLETED")
			.jsonPath("$.published").isEqualTo(5)
			.jsonPath("$.finishedAt").isNotEmpty();
	}

	@Test
	void cancelsAPacedReplayWithoutWaitingForItsNextRide() {
		ReplayJobView started = this.replays.start("rate=0.2");
		this.replays.awaitRowsRead(started.id(), 1);

		ReplayJobView cancelling = this.replays.cancel(started.id());
		assertThat(cancelling.id()).isEqualTo(started.id());

		// The next ride is due 5 s after the first: the wait must end on cancel, well before that.
		ReplayJobView job = await().atMost(Duration.ofSeconds(2))
			.until(() -> this.replays.get(started.id()), (current) -> current.state() != ReplayState.RUNNING);
		assertThat(job.state()).isEqualTo(ReplayState.CANCELLED);
		assertThat(job.rowsRead()).isEqualTo(1);
		assertThat(job.rowsRead()).isEqualTo(job.published() + job.rejected() + job.failed());
	}

	@Test
	void refusesToCancelAFinishedJob() {
		ReplayJobView job = this.replays.uploadAndWait("", csv(ride("2020-07-01 00:00:00")));

		this.client.delete()
			.uri("/rides/replay/{id}", job.id())
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(409)
			.jsonPath("$.detail").isEqualTo("Replay job " + job.id() + " has already finished (COMPLETED)");
	}

	@Test
	void answersNotFoundForAnUnknownJob() {
		this.client.get()
			.uri("/rides/replay/{id}", "8d5e1a8c-0000-4000-8000-000000000000")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(404)
			.jsonPath("$.detail").isEqualTo("No replay job has id '8d5e1a8c-0000-4000-8000-000000000000'");
	}

	@Test
	void listsRecentJobsNewestFirst() {
		ReplayJobView older = this.replays.uploadAndWait("", csv(ride("2020-07-01 00:00:00")));
		ReplayJobView newer = this.replays.uploadAndWait("", csv(ride("2020-07-01 00:00:00")));

		this.client.get()
			.uri("/rides/replay")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id").isEqualTo(newer.id())
			.jsonPath("$[1].id").isEqualTo(older.id());
	}

	@ParameterizedTest
	@CsvSource({ "limit=0, limit", "limit=-3, limit", "limit=many, limit", "rate=0, rate", "rate=-1.5, rate",
			"rate=fast, rate", "speedup=0, speedup", "speedup=NaN, speedup", "key=TripID, key" })
	void rejectsAnInvalidParameterNamingIt(String query, String parameter) {
		this.client.post()
			.uri("/rides/replay?" + query)
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains(parameter));
	}

	@ParameterizedTest
	@CsvSource({ "limt=10, limt", "path=../../secrets.csv, path" })
	void refusesAParameterItDoesNotKnowInsteadOfReplayingTheDefaultFile(String query, String parameter) {
		this.client.post()
			.uri("/rides/replay?" + query)
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter").isEqualTo(parameter)
			.jsonPath("$.detail").value(String.class,
					(detail) -> assertThat(detail).isEqualTo(parameter
							+ " is not a replay parameter; they are [file, limit, rate, speedup, key, wait]"));
	}

	@Test
	void failsAJobWhoseCsvHeaderIsUnusable() {
		ReplayJobView job = this.replays.uploadAndWait("", "VendorID,pickup,fare\n1,2020-07-01 00:00:00,8\n");

		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(job.error()).startsWith("The CSV header names no TLC trip dataset: expected a column "
				+ "tpep_pickup_datetime (yellow), lpep_pickup_datetime (green) or dispatching_base_num (fhv)");
		assertThat(job.rowsRead()).isZero();
		assertThat(job.published()).isZero();
	}

	@Test
	void countsRidesByOutcomeInMetrics() {
		double rejectedBefore = ridesCounted("rejected");
		double publishedBefore = ridesCounted("published");

		this.replays.uploadAndWait("", csv(ride("2020-07-01 00:00:00"), "1,2,3"));

		assertThat(ridesCounted("rejected")).isEqualTo(rejectedBefore + 1);
		assertThat(ridesCounted("published")).isEqualTo(publishedBefore + 1);
	}

	private double ridesCounted(String outcome) {
		return this.client.get()
			.uri("/actuator/metrics/ridestream.replay.rides?tag=outcome:{outcome}", outcome)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(MetricJson.class)
			.returnResult()
			.getResponseBody()
			.measurements()
			.get(0)
			.value();
	}

	private List<ConsumerRecord<String, Ride>> records(ReplayJobView job) {
		return RideRecords.published(this.broker, "rides", job);
	}

	record MetricJson(List<Measurement> measurements) {

		record Measurement(String statistic, double value) {
		}

	}

}
