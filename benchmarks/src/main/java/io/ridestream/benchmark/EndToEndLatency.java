package io.ridestream.benchmark;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import tools.jackson.databind.JsonNode;

/**
 * End-to-end latency at a steady rate: both services run, the producer service replays rides paced at
 * {@link #RATE} a second ({@code POST /rides/replay?rate=}), and the consumer service times each ride from its
 * record timestamp to the commit of the statistics that count it ({@code ridestream.rides.latency}, whose 50th and
 * 99th percentiles from its Prometheus endpoint, its maximum from its metrics endpoint, once every ride is counted). The rides topic is
 * first set to refuse record timestamps more than an hour old ({@code message.timestamp.before.max.ms}), so the
 * replay stamps every ride with its send time instead of its pickup time: the figure is send to counted.
 */
final class EndToEndLatency {

	/** Rides a second. */
	static final int RATE = 10_000;

	private static final String METRIC = "/actuator/metrics/ridestream.rides.latency";

	private EndToEndLatency() {
	}

	/**
	 * @param rides how many rides of the CSV to replay
	 * @param counted how many rides the consumer service counted before
	 */
	static Result measure(ServiceProcess producer, ServiceProcess consumer, String bootstrap, String topic, Path csv,
			long rides, long counted, Duration timeout) throws IOException, InterruptedException {
		stampWithSendTime(bootstrap, topic);
		HttpResponse<String> response = producer.send(HttpRequest
			.newBuilder(producer.uri("/rides/replay?rate=" + RATE + "&limit=" + rides))
			.header("Content-Type", "text/csv")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofFile(csv)));
		if (response.statusCode() != 202) {
			throw new IllegalStateException("POST /rides/replay answered " + response.statusCode() + ": "
					+ response.body());
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		long expected = counted + rides;
		while (true) {
			JsonNode stats = consumer.getJson("/stats");
			long total = (stats != null) ? stats.path("totalRides").asLong() : 0;
			if (total == expected) {
				break;
			}
			if (total > expected) {
				throw new IllegalStateException("ride-consumer-service counted " + total + " rides, more than the "
						+ expected + " replayed");
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("ride-consumer-service counted " + total + " of " + expected
						+ " rides within " + timeout);
			}
			producer.requireAlive();
			consumer.requireAlive();
			ServiceProcess.pause(50);
		}
		JsonNode timer = consumer.getJson(METRIC);
		long timed = (long) measurement(timer, "COUNT");
		if (timed != rides) {
			throw new IllegalStateException("ride-consumer-service timed " + timed + " of the " + rides
					+ " rides replayed (their record timestamps were not their send times?)");
		}
		return new Result(rides, percentile(consumer, "0.5"), percentile(consumer, "0.99"),
				measurement(timer, "MAX") * 1000);
	}

	/** The quantile of the timer, from Prometheus's exposition (the registry keeps its percentiles there). */
	private static double percentile(ServiceProcess consumer, String quantile)
			throws IOException, InterruptedException {
		HttpResponse<String> response = consumer
			.send(HttpRequest.newBuilder(consumer.uri("/actuator/prometheus")).header("Accept", "text/plain"));
		return quantile(response.body(), "ridestream_rides_latency_seconds", quantile) * 1000;
	}

	/**
	 * The value of a summary's quantile in the Prometheus text format, e.g. {@code name{quantile="0.99",} 0.25}.
	 * @throws IllegalStateException if there is none
	 */
	static double quantile(String exposition, String name, String quantile) {
		String label = "quantile=\"" + quantile + "\"";
		for (String line : exposition.split("\n")) {
			if (line.startsWith(name + "{") && line.contains(label)) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		throw new IllegalStateException("No " + name + " quantile " + quantile + " in /actuator/prometheus");
	}

	/** A measurement of {@code /actuator/metrics/<name>}: its statistic, in the metric's base unit. */
	static double measurement(JsonNode metric, String statistic) {
		if (metric != null) {
			for (JsonNode measurement : metric.path("measurements")) {
				if (statistic.equals(measurement.path("statistic").asString())) {
					return measurement.path("value").asDouble();
				}
			}
		}
		throw new IllegalStateException("No " + statistic + " in " + metric);
	}

	private static void stampWithSendTime(String bootstrap, String topic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
					List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG,
							String.valueOf(Duration.ofHours(1).toMillis())), AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not set " + topic + "'s timestamp limit", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * @param rides rides replayed and timed
	 * @param p50Millis the median time from send to counted
	 * @param p99Millis the 99th percentile
	 * @param maxMillis the longest
	 */
	record Result(long rides, double p50Millis, double p99Millis, double maxMillis) {

		static final Result NONE = new Result(0, Double.NaN, Double.NaN, Double.NaN);

	}

}
