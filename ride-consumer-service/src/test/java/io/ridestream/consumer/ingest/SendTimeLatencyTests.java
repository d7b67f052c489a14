package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ridestream.consumer.PrometheusScrape;
import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideSerializer;
import io.ridestream.serde.RideHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end latency is measured from each ride's send time (the producer's {@code ridestream-sent-at} header), not
 * from its record timestamp, which a replay sets to the pickup time, and published with the lag of each partition.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(partitions = 1, topics = "rides", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SendTimeLatencyTests {

	private static final Pattern HISTOGRAM_COUNT = Pattern
		.compile("(?m)^ridestream_rides_latency_histogram_seconds_count (\\S+)$");

	private static final Pattern HISTOGRAM_SUM = Pattern
		.compile("(?m)^ridestream_rides_latency_histogram_seconds_sum (\\S+)$");

	private static final Pattern LAG_RECORDS = Pattern
		.compile("(?m)^ridestream_consumer_lag_records\\{partition=\"0\"\\} (\\S+)$");

	private static final Pattern LAG_SECONDS = Pattern
		.compile("(?m)^ridestream_consumer_lag_seconds\\{partition=\"0\"\\} (\\S+)$");

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private RestTestClient http;

	@Test
	void publishesAHistogramOfTheTimeFromEachRidesSendTimeToItsCount() {
		List<Ride> rides = RidesCsvFigures.rides().subList(0, 10);
		long sentAt = System.currentTimeMillis() - 3_000;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			RideSerializer serializer = new RideSerializer();
			for (Ride ride : rides) {
				long pickup = 1_593_561_600_000L;
				ProducerRecord<String, byte[]> record = new ProducerRecord<>("rides", 0, pickup, "1",
						serializer.serialize("rides", ride));
				record.headers()
					.add(new RecordHeader(RideHeaders.SENT_AT, Long.toString(sentAt).getBytes(StandardCharsets.UTF_8)));
				producer.send(record);
			}
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> number(HISTOGRAM_COUNT, PrometheusScrape.of(this.http)), (count) -> count == 10);
		String metrics = PrometheusScrape.of(this.http);

		assertThat(number(HISTOGRAM_SUM, metrics)).as("ten rides counted at least 3 s after they were sent")
			.isBetween(30.0, 300.0);
		assertThat(metrics).contains("ridestream_rides_latency_histogram_seconds_bucket{le=\"+Inf\"} 10")
			.containsPattern("ridestream_rides_latency_seconds\\{quantile=\"0.99\"\\} [3-9]\\.");
	}

	@Test
	void publishesTheLagOfEachPartitionInRecordsAndSeconds() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> lag(PrometheusScrape.of(this.http)), "0.0 records, 0.0 s"::equals);
	}

	private static String lag(String metrics) {
		return number(LAG_RECORDS, metrics) + " records, " + number(LAG_SECONDS, metrics) + " s";
	}

	private static double number(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

}
