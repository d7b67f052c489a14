package io.ridestream.consumer.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.ridestream.consumer.PrometheusScrape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.consumer.stats.RideFixtures.FIRST;
import static io.ridestream.consumer.stats.RideFixtures.FOURTH;
import static io.ridestream.consumer.stats.RideFixtures.SECOND;
import static io.ridestream.consumer.stats.RideFixtures.THIRD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP side of the service: {@code /stats} in its three forms and the actuator. The Kafka listener is not
 * started; the statistics are recorded directly.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.listener.auto-startup=false", "spring.kafka.bootstrap-servers=127.0.0.1:1",
				// without a broker, creating the dead-letter topic would hold up the startup until it times out
				"spring.kafka.admin.auto-create=false", "ridestream.zones.file=classpath:data/web-test-zones.csv" })
@AutoConfigureRestTestClient
class StatsWebTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	private RestTestClient http;

	@Autowired
	private StatisticsService statistics;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void recordFixtureInTwoPartitions() {
		SnapshotFeed changelog = new SnapshotFeed(this.statistics);
		changelog.recordRide(0, 0, FIRST);
		changelog.recordRide(1, 0, SECOND);
		changelog.recordRide(0, 1, THIRD);
		changelog.recordDeadLetter(1, 1);
		changelog.recordRide(1, 2, FOURTH);
	}

	@Test
	void servesJsonWhenTheClientDoesNotSayWhatItAccepts() {
		this.http.get()
			.uri("/stats")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.totalRides")
			.isEqualTo(4);
	}

	@Test
	void servesJsonToClientsThatAcceptAnything() {
		this.http.get()
			.uri("/stats")
			.header("Accept", "*/*")
			.exchange()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
	}

	@Test
	void servesJsonWithExactlyTheDocumentedFields() {
		JsonNode json = json("/stats");

		assertThat(json.propertyNames()).containsExactly("totalRides", "ridesByVendor", "ridesByPaymentType",
				"totalPassengers", "totalAmount", "totalFare", "totalTips", "averageTripDistance", "firstPickup",
				"lastPickup", "topPickupLocations", "topDropoffLocations", "partitions", "deadLetters",
				"ridesByPickupBorough", "ridesByDropoffBorough", "lateRides", "ridesOutsideWindows", "datasets");
		assertThat(json.get("totalAmount").isString()).isTrue();
		assertThat(json.get("totalAmount").asString()).isEqualTo("72.60");
		assertThat(json.get("totalFare").asString()).isEqualTo("54.00");
		assertThat(json.get("totalTips").asString()).isEqualTo("7.60");
		assertThat(json.get("averageTripDistance").asString()).isEqualTo("3.76");
		assertThat(json.get("firstPickup").asString()).isEqualTo("2020-07-01T07:30:00");
		assertThat(json.get("ridesByPaymentType").toString()).isEqualTo("{\"1\":2,\"2\":1,\"unknown\":1}");
		assertThat(json.get("partitions").toString())
			.isEqualTo("[{\"partition\":0,\"rides\":2,\"lastOffset\":1},{\"partition\":1,\"rides\":2,\"lastOffset\":2}]");
		assertThat(json.get("deadLetters").asLong()).isEqualTo(1);
	}

	@Test
	void servesRidesByBoroughFromTheZoneLookup() {
		JsonNode json = json("/stats");

		assertThat(json.get("ridesByPickupBorough").toString()).isEqualTo("{\"Queens\":3,\"Bronx\":1}");
		assertThat(json.get("ridesByDropoffBorough").toString()).isEqualTo("{\"Queens\":3,\"Bronx\":1}");
		assertThat(json.get("lateRides").toString()).isEqualTo("{\"hopping\":0,\"tumbling\":0}");
	}

	@Test
	void servesTumblingWindowsNewestFirstWithZoneNamesAndClosedOnceEveryPartitionPassedThem() {
		JsonNode json = json("/stats/windows");

		assertThat(json.get("type").asString()).isEqualTo("tumbling");
		assertThat(json.get("size").asString()).isEqualTo("PT10M");
		// Partition 0 has seen 09:15, partition 1 08:45: windows ending an hour (grace) before 08:45 are final.
		assertThat(json.get("watermark").asString()).isEqualTo("2020-07-01T08:45:00");
		JsonNode windows = json.get("windows");
		assertThat(windows.valueStream().map((window) -> window.get("start").asString()))
			.containsExactly("2020-07-01T09:10:00", "2020-07-01T08:40:00", "2020-07-01T08:00:00",
					"2020-07-01T07:30:00");
		assertThat(windows.valueStream().map((window) -> window.get("revenue").asString()))
			.containsExactly("5.3", "40.2", "11.30", "15.80");
		assertThat(windows.valueStream().map((window) -> window.get("closed").asBoolean()))
			.containsExactly(false, false, false, true);
		assertThat(windows.get(0).get("topPickupZones").toString()).isEqualTo(
				"[{\"locationId\":10,\"count\":1,\"borough\":\"Queens\",\"zone\":\"Baisley Park\"}]");
	}

	@Test
	void servesHoppingWindowsInTheGivenRangeUpToTheLimit() {
		JsonNode json = json("/stats/windows?type=hopping&from=2020-07-01T08:00&to=2020-07-01T09:00&limit=2");

		assertThat(json.get("advance").asString()).isEqualTo("PT5M");
		// FIRST (08:00) is in the windows from 07:55 and 08:00, FOURTH (08:45) in those from 08:40 and 08:45.
		assertThat(json.get("windows").valueStream().map((window) -> window.get("start").asString()))
			.containsExactly("2020-07-01T08:45:00", "2020-07-01T08:40:00");
	}

	@Test
	void rejectsAnUnknownWindowTypeAndALimitOutOfRange() {
		this.http.get().uri("/stats/windows?type=sliding").exchange().expectStatus().isBadRequest();
		this.http.get().uri("/stats/windows?limit=0").exchange().expectStatus().isBadRequest();
		this.http.get().uri("/stats/windows?limit=1001").exchange().expectStatus().isBadRequest();
		this.http.get().uri("/stats/windows?from=yesterday").exchange().expectStatus().isBadRequest();
	}

	@Test
	void servesAnHtmlPageToBrowsers() {
		String html = this.http.get()
			.uri("/stats")
			.header("Accept", BROWSER_ACCEPT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<noscript><meta http-equiv=\"refresh\" content=\"10\"></noscript>")
			.contains("<dt>Rides</dt><dd data-stat=\"totalRides\" data-value=\"4\">4</dd>")
			.contains("<dt>Passengers</dt><dd data-stat=\"totalPassengers\" data-value=\"6\">6</dd>")
			.contains("<dt>Total amount</dt><dd data-stat=\"totalAmount\" data-value=\"72.60\">$72.60</dd>")
			.contains("<dt>Fares</dt><dd data-stat=\"totalFare\" data-value=\"54.00\">$54.00</dd>")
			.contains("<dt>Tips</dt><dd data-stat=\"totalTips\" data-value=\"7.60\">$7.60</dd>")
			.contains("<dt>Average distance</dt><dd>3.76 mi</dd>")
			.contains("<dd data-stat=\"deadLetters\" data-value=\"1\">1</dd>")
			.contains("<dd data-stat=\"lateRides.tumbling\" data-value=\"0\">0</dd>")
			.contains("<dd data-stat=\"ridesOutsideWindows.tumbling\" data-value=\"0\">0</dd>")
			.contains("2020-07-01 07:30:00", "2020-07-01 09:15:00")
			.contains("Creative Mobile Technologies", "VeriFone", "Credit card", "Cash", "Not recorded")
			.contains("Baisley Park", "Belmont")
			.contains("<caption>Top pickup zones</caption>", "<caption>Top dropoff zones</caption>")
			.contains("<caption>Rides by pickup borough</caption>", "<caption>Rides by drop-off borough</caption>")
			.contains("<caption>Partitions counted</caption>", "<tr data-partition=\"0\">", "<tr data-partition=\"1\">")
			.contains("<time id=\"last-updated\"")
			.contains("<script src=\"/dashboard.js\" defer></script>")
			.doesNotContain("onclick", "<script>");
	}

	@Test
	void drawsTheTumblingWindowsAsBarChartsOldestFirstWithTheValuesOfTheWindowsJson() {
		String html = this.http.get()
			.uri("/stats")
			.header("Accept", BROWSER_ACCEPT)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		String rides = svg(html, "rides-chart");
		String revenue = svg(html, "revenue-chart");
		assertThat(rides).contains("role=\"img\"", "<desc id=\"rides-chart-description\">4 windows from 07-01 07:30");
		assertThat(bars(rides)).containsExactly("2020-07-01T07:30:00=1", "2020-07-01T08:00:00=1", "2020-07-01T08:40:00=1",
				"2020-07-01T09:10:00=1");
		assertThat(bars(revenue)).containsExactly("2020-07-01T07:30:00=15.80", "2020-07-01T08:00:00=11.30",
				"2020-07-01T08:40:00=40.2", "2020-07-01T09:10:00=5.3");
		assertThat(revenue).as("the highest bar fills the chart")
			.containsPattern("<rect class=\"bar\" x=\"[0-9.]+\" y=\"0\\.0\" width=\"[0-9.]+\" height=\"160\\.0\" data-start=\"2020-07-01T08:40:00\"");
	}

	@Test
	void servesTheDashboardScriptAndStyleFromTheService() {
		this.http.get().uri("/dashboard.js").exchange().expectStatus().isOk().expectHeader()
			.contentTypeCompatibleWith("text/javascript");
		this.http.get().uri("/dashboard.css").exchange().expectStatus().isOk().expectHeader()
			.contentTypeCompatibleWith("text/css");
	}

	private static String svg(String html, String id) {
		int start = html.indexOf("<svg id=\"" + id + "\"");
		assertThat(start).as("chart %s", id).isNotNegative();
		return html.substring(start, html.indexOf("</svg>", start));
	}

	private static List<String> bars(String svg) {
		Matcher bar = Pattern.compile("data-start=\"([^\"]+)\" data-value=\"([^\"]+)\"").matcher(svg);
		List<String> bars = new ArrayList<>();
		while (bar.find()) {
			bars.add(bar.group(1) + "=" + bar.group(2));
		}
		return bars;
	}

	@Test
	void escapesZoneNamesInHtml() {
		String html = this.http.get()
			.uri("/stats")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(html).contains("Broad Channel &lt;Marina&gt; &amp; &quot;Docks&quot;").doesNotContain("<Marina>");
	}

	@Test
	void servesAPlainTextSummaryToTerminals() {
		String text = this.http.get()
			.uri("/stats")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/plain;charset=UTF-8")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(text).isEqualTo("""
				Ride statistics (2 partitions counted)

				Rides                           4
				Passengers                      6
				Total amount               $72.60
				Fare                       $54.00
				Tips                        $7.60
				Avg distance              3.76 mi
				First pickup  2020-07-01 07:30:00
				Last pickup   2020-07-01 09:15:00
				Dead letters                    1

				By vendor
				  Creative Mobile Technologies  1  25.0%
				  VeriFone                      3  75.0%

				By payment type
				  Credit card   2  50.0%
				  Cash          1  25.0%
				  Not recorded  1  25.0%

				By pickup borough
				  Queens  3  75.0%
				  Bronx   1  25.0%

				Top 5 pickup zones
				  1. Baisley Park, Queens                      2
				  2. Belmont, Bronx                            1
				  3. Broad Channel <Marina> & "Docks", Queens  1
				""");
	}

	@Test
	void redirectsTheRootToStats() {
		this.http.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).endsWith("/stats"));
	}

	@Test
	void actuatorStatsEndpointServesTheSameStatistics() {
		assertThat(json("/actuator/stats")).isEqualTo(json("/stats"));
	}

	@Test
	void exposesNoConfigurationOrMemoryThroughTheActuator() {
		for (String endpoint : new String[] { "env", "configprops", "heapdump", "beans", "threaddump", "loggers",
				"shutdown" }) {
			this.http.get().uri("/actuator/" + endpoint).exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
		}
	}

	@Test
	void isLiveButNotReadyWhileTheStatisticsChangelogCannotBeRead() {
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP");
		this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503).expectBody()
			.jsonPath("$.status").isEqualTo("OUT_OF_SERVICE");
	}

	@Test
	void showsOnlyTheHealthStatusToAnonymousCallers() {
		// Out of service here: without a broker the statistics changelog cannot be read.
		JsonNode health = JsonMapper.shared()
			.readTree(this.http.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());

		assertThat(health.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
		assertThat(health.propertyNames()).doesNotContain("components", "details");
	}

	@Test
	void publishesTheStatisticsAsPrometheusMetrics() {
		String metrics = PrometheusScrape.of(this.http);

		assertThat(metrics).contains("ridestream_rides_consumed_total 4.0")
			.contains("ridestream_rides_dead_letters_total 1.0")
			.contains("ridestream_partitions_assigned 0.0")
			// the Prometheus client keeps the _total suffix for counters, so the gauge is ridestream_revenue
			.contains("ridestream_revenue 72.6")
			.contains("ridestream_rides_late_total{window=\"tumbling\"} 0.0")
			.contains("ridestream_rides_late_total{window=\"hopping\"} 0.0");
	}

	@Test
	void publishesTheMedianAndThe99thPercentileOfTheLatencyToPrometheus() {
		this.meters.get("ridestream.rides.latency").timer().record(Duration.ofMillis(120));

		String metrics = PrometheusScrape.of(this.http);

		assertThat(metrics).containsPattern("ridestream_rides_latency_seconds\\{quantile=\"0.5\"\\} 0\\.1[12]")
			.containsPattern("ridestream_rides_latency_seconds\\{quantile=\"0.99\"\\} 0\\.1[12]")
			.contains("ridestream_rides_latency_seconds_max 0.12");
	}

	private JsonNode json(String path) {
		String body = this.http.get()
			.uri(path)
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonMapper.shared().readTree(body);
	}

}
