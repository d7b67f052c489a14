package io.ridestream.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the consumer service shows, compared with what the rides topic and the producer's jobs hold.
 */
final class ConsumerStats {

	private ConsumerStats() {
	}

	static JsonNode of(ServiceProcess consumer) {
		return Http.get(consumer.url("/stats")).json();
	}

	/**
	 * Waits until the consumer shows a total and has read every partition of the rides topic to its end, so a
	 * total that would overshoot (rides counted twice) cannot pass unseen.
	 */
	static JsonNode awaitTotalRides(ServiceProcess consumer, String brokers, long expected) {
		return await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> of(consumer), (stats) -> stats.get("totalRides").asLong() == expected
					&& caughtUp(brokers, stats.get("partitions")));
	}

	/** Every ride the producer's jobs say Kafka acknowledged: what the consumer must count. */
	static long publishedByAllJobs(ServiceProcess producer) {
		long published = 0;
		for (JsonNode job : Http.get(producer.url("/rides/replay")).json()) {
			assertThat(job.get("state").asString()).isNotEqualTo("RUNNING");
			published += job.get("published").asLong();
		}
		return published;
	}

	private static boolean caughtUp(String brokers, JsonNode partitions) {
		Map<Integer, Long> seen = new HashMap<>();
		partitions.forEach((p) -> seen.put(p.get("partition").asInt(), p.get("lastOffset").asLong()));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int partition = 0; partition < 6; partition++) {
				latest.put(new TopicPartition("rides", partition), OffsetSpec.latest());
			}
			for (var end : admin.listOffsets(latest).all().get().entrySet()) {
				long endOffset = end.getValue().offset();
				if (endOffset > 0 && seen.getOrDefault(end.getKey().partition(), -1L) != endOffset - 1) {
					return false;
				}
			}
			return true;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot read the end offsets of the rides topic", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
