package io.ridestream.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import io.ridestream.localkafka.KafkaProcessCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline on a cluster of three brokers, each its own process, one or two of them killed ({@code kill -9})
 * while rides are replayed and counted: nothing acknowledged is lost, nothing is counted twice. Every test ends
 * with all three brokers running and every partition's replicas in sync.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

	static final int BROKERS = 3;

	static KafkaProcessCluster cluster;

	static Services services;

	static Admin admin;

	static List<String> bundled;

	static RidesCsvFigures once;

	@BeforeAll
	static void startClusterAndServices() throws IOException {
		cluster = KafkaProcessCluster.start(BROKERS);
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
		services = Services.start(cluster.bootstrapServers(), Map.of());
		bundled = Files.readAllLines(RidesCsvFigures.BUNDLED);
		once = RidesCsvFigures.of(bundled);
	}

	@AfterAll
	static void stopAll() {
		if (services != null) {
			services.close();
		}
		if (admin != null) {
			admin.close(Duration.ofSeconds(1));
		}
		cluster.close();
	}

	@AfterEach
	void noReplayRunsEveryBrokerRunsAndEveryReplicaIsInSync() {
		for (JsonNode job : Http.get(services.producer().url("/rides/replay")).json()) {
			if (finished(job)) {
				continue;
			}
			Http.send("DELETE", services.producer().url("/rides/replay/" + job.get("id").asString()));
			await().atMost(Duration.ofSeconds(60)).until(() -> job(job), ClusterFaultsIT::finished);
		}
		for (int broker = 1; broker <= BROKERS; broker++) {
			cluster.startNode(broker);
		}
		await().atMost(Duration.ofSeconds(90))
			.ignoreExceptions()
			.until(() -> describe("rides").partitions().stream().allMatch((p) -> p.isr().size() == BROKERS));
	}

	@Test
	@Order(1)
	void aBrokerLeadingTheMostRidesPartitionsKilledMidReplayLosesNoRideAndCountsNoneTwice() {
		assertThat(describe("rides").partitions()).allSatisfy((p) -> assertThat(p.replicas()).hasSize(3));
		int copies = 1000; // 266,000 rides, as fast as the cluster takes them; the kill comes after 100,000
		JsonNode started = post("/rides/replay", copies);
		await().atMost(Duration.ofSeconds(120)).until(() -> job(started).get("published").asLong() >= 100_000);

		int leader = leaderOfMostPartitions();
		long killedAt = System.nanoTime();
		cluster.killNode(leader);
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.until(() -> describe("rides").partitions()
				.stream()
				.allMatch((p) -> p.leader() != null && p.leader().id() != leader));
		Duration leadersMoved = Duration.ofNanos(System.nanoTime() - killedAt);

		JsonNode job = await().atMost(Duration.ofSeconds(300)).until(() -> job(started), ClusterFaultsIT::finished);
		assertThat(job.get("state").asString()).isIn("COMPLETED", "FAILED");
		assertExactCounts(job);
		if (job.get("state").asString().equals("COMPLETED")) {
			assertThat(job.get("published").asLong()).isEqualTo(once.rides() * copies);
		}
		long published = ConsumerStats.publishedByAllJobs(services.producer());
		assertThat(committedRides()).isEqualTo(published);
		JsonNode stats = ConsumerStats.awaitTotalRides(services.consumer(), cluster.bootstrapServers(), published);
		System.out.printf("Cluster fault test 1 (leader of the most rides partitions, broker %d, killed): job %s, "
				+ "%d rides sent, %d acknowledged, %d failed; %d committed in the topic, %d counted; leaders moved "
				+ "in %.1f s%n", leader, job.get("state").asString(), job.get("rowsRead").asLong(),
				job.get("published").asLong(), job.get("failed").asLong(), committedRides(),
				stats.get("totalRides").asLong(), leadersMoved.toMillis() / 1000.0);
	}

	@Test
	@Order(2)
	void theTransactionCoordinatorOfTheConsumerKilledWhileItCountsLeavesExactTotals() {
		long before = ConsumerStats.publishedByAllJobs(services.producer());
		JsonNode started = post("/rides/replay?rate=20000", 400);
		await().atMost(Duration.ofSeconds(120))
			.until(() -> ConsumerStats.of(services.consumer()).get("totalRides").asLong() >= before + 20_000);

		int coordinator = consumerTransactionCoordinator();
		long killedAt = System.nanoTime();
		cluster.killNode(coordinator);

		JsonNode job = await().atMost(Duration.ofSeconds(300)).until(() -> job(started), ClusterFaultsIT::finished);
		assertExactCounts(job);
		long published = ConsumerStats.publishedByAllJobs(services.producer());
		JsonNode stats = ConsumerStats.awaitTotalRides(services.consumer(), cluster.bootstrapServers(), published);
		Duration settled = Duration.ofNanos(System.nanoTime() - killedAt);
		assertThat(committedRides()).isEqualTo(published);

		cluster.startNode(coordinator);
		long restartedAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(90))
			.ignoreExceptions()
			.until(() -> describe("rides").partitions().stream().allMatch((p) -> p.isr().size() == BROKERS));
		Duration rejoined = Duration.ofNanos(System.nanoTime() - restartedAt);
		System.out.printf("Cluster fault test 2 (the consumer's transaction coordinator, broker %d, killed): job %s, "
				+ "%d rides sent, %d acknowledged; %d counted of %d published by all jobs, exact %.1f s after the kill; "
				+ "restarted broker back in every in-sync replica set in %.1f s%n", coordinator,
				job.get("state").asString(), job.get("rowsRead").asLong(), job.get("published").asLong(),
				stats.get("totalRides").asLong(), published, settled.toMillis() / 1000.0, rejoined.toMillis() / 1000.0);
	}

	@Test
	@Order(3)
	void twoBrokersDownMakeTheProducerUnreadyAndFailReplaysAtOnceSayingWhyThenItRecoversByItself() {
		long before = ConsumerStats.publishedByAllJobs(services.producer());
		cluster.killNode(2);
		cluster.killNode(3);

		String readiness = services.producer().url("/actuator/health/readiness");
		await().atMost(Duration.ofSeconds(60)).until(() -> Http.status(readiness) == 503);
		long postedAt = System.nanoTime();
		JsonNode refused = Http.post(services.producer().url("/rides/replay?wait=true&limit=100"), null,
				BodyPublishers.noBody()).json();
		Duration failedIn = Duration.ofNanos(System.nanoTime() - postedAt);
		assertThat(refused.get("state").asString()).isEqualTo("FAILED");
		assertThat(refused.get("error").asString()).contains("not enough in-sync replicas");
		assertThat(refused.get("published").asLong()).isZero();
		assertThat(failedIn).isLessThan(Duration.ofSeconds(10));

		cluster.startNode(2);
		cluster.startNode(3);
		long restartedAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(90)).until(() -> Http.status(readiness) == 200);
		Duration ready = Duration.ofNanos(System.nanoTime() - restartedAt);
		JsonNode job = Http.post(services.producer().url("/rides/replay?wait=true"), null, BodyPublishers.noBody())
			.json();
		assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
		assertThat(job.get("published").asLong()).isEqualTo(once.rides());
		JsonNode stats = ConsumerStats.awaitTotalRides(services.consumer(), cluster.bootstrapServers(),
				before + once.rides());
		System.out.printf("Cluster fault test 3 (two brokers of three killed): replay FAILED in %.1f s (\"%s\"); "
				+ "producer ready again %.1f s after the brokers restarted; %d rides acknowledged after, %d counted%n",
				failedIn.toMillis() / 1000.0, refused.get("error").asString(), ready.toMillis() / 1000.0,
				job.get("published").asLong(), stats.get("totalRides").asLong());
	}

	@Test
	@Order(4)
	void threeConsumerInstancesOneKilledAndOneAddedAllShowTheSameExactStatistics() {
		Map<String, String> environment = Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
		try (ServiceProcess second = ServiceProcess.start("ride-consumer-service", environment);
				ServiceProcess third = ServiceProcess.start("ride-consumer-service", environment)) {
			JsonNode started = post("/rides/replay?rate=10000", 400);
			await().atMost(Duration.ofSeconds(120)).until(() -> job(started).get("published").asLong() >= 20_000);
			second.kill();
			try (ServiceProcess fourth = ServiceProcess.start("ride-consumer-service", environment)) {
				JsonNode job = await().atMost(Duration.ofSeconds(300))
					.until(() -> job(started), ClusterFaultsIT::finished);
				assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
				long published = ConsumerStats.publishedByAllJobs(services.producer());
				JsonNode first = ConsumerStats.awaitTotalRides(services.consumer(), cluster.bootstrapServers(),
						published);
				for (ServiceProcess other : List.of(third, fourth)) {
					JsonNode stats = ConsumerStats.awaitTotalRides(other, cluster.bootstrapServers(), published);
					assertThat(stats).as("statistics of the instance on port %d", other.port()).isEqualTo(first);
				}
				assertThat(new BigDecimal(first.get("totalAmount").asString())).isPositive();
				System.out.printf("Cluster fault test 4 (three consumers, one killed, one added): %d rides "
						+ "acknowledged by this job, %d by all; the three running instances each count %d, total %s%n",
						job.get("published").asLong(), published, first.get("totalRides").asLong(),
						first.get("totalAmount").asString());
			}
		}
	}

	/** Every ride read is published, rejected or failed, none of unknown fate, whatever the job's end. */
	private static void assertExactCounts(JsonNode job) {
		assertThat(job.get("unknown").asLong()).isZero();
		assertThat(job.get("rowsRead").asLong()).isEqualTo(
				job.get("published").asLong() + job.get("rejected").asLong() + job.get("failed").asLong());
	}

	private static int leaderOfMostPartitions() {
		Map<Integer, Long> led = describe("rides").partitions()
			.stream()
			.map(TopicPartitionInfo::leader)
			.filter(Objects::nonNull)
			.collect(Collectors.groupingBy(Node::id, Collectors.counting()));
		return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	/** The broker coordinating the transactions of the consumer service, whose ids start ride-stats-. */
	private static int consumerTransactionCoordinator() {
		return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			Collection<TransactionListing> listings = admin.listTransactions().all().get(10, TimeUnit.SECONDS);
			List<String> ids = listings.stream()
				.map(TransactionListing::transactionalId)
				.filter((id) -> id.startsWith("ride-stats-"))
				.toList();
			return admin.describeTransactions(ids)
				.all()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.map((description) -> description.coordinatorId())
				.collect(Collectors.groupingBy((id) -> id, Collectors.counting()))
				.entrySet()
				.stream()
				.max(Comparator.comparing(Map.Entry::getValue))
				.orElseThrow()
				.getKey();
		}, Objects::nonNull);
	}

	private static TopicDescription describe(String topic) {
		return await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic),
					Objects::nonNull);
	}

	/** The rides a read_committed consumer finds in the topic. */
	private static long committedRides() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
		try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = reader.partitionsFor("rides")
				.stream()
				.map((info) -> new TopicPartition("rides", info.partition()))
				.toList();
			reader.assign(partitions);
			reader.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
			Map<String, Long> count = new HashMap<>(Map.of("records", 0L));
			await().atMost(Duration.ofSeconds(120)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
				count.merge("records", (long) reader.poll(Duration.ofMillis(200)).count(), Long::sum);
				return partitions.stream().allMatch((partition) -> reader.position(partition) >= ends.get(partition));
			});
			return count.get("records");
		}
	}

	private static JsonNode post(String path, int copies) {
		String body = bundled.get(0) + "\n"
				+ String.join("\n", bundled.subList(1, bundled.size())).concat("\n").repeat(copies);
		Http.Response response = Http.post(services.producer().url(path), "text/csv",
				BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isIn(200, 202);
		return response.json();
	}

	private static JsonNode job(JsonNode started) {
		return Http.get(services.producer().url("/rides/replay/" + started.get("id").asString())).json();
	}

	private static boolean finished(JsonNode job) {
		return !job.get("state").asString().equals("RUNNING");
	}

}
