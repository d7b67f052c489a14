package io.ridestream.consumer.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.ridestream.consumer.RideConsumerApplication;
import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.PartitionSnapshot;
import io.ridestream.consumer.stats.RideStatistics;
import io.ridestream.consumer.stats.SnapshotJson;
import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.consumer.windows.WindowsProperties;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The statistics live in Kafka: each batch's transaction writes the changed partitions' statistics to the
 * compacted changelog together with the consumed offsets; partitions are restored from it; every instance reads
 * all of it. Each test publishes its own rides and checks what they add, on a real (embedded) broker.
 */
@SpringBootTest
@EmbeddedKafka(partitions = 3, topics = "rides", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ChangelogTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String CHANGELOG = "rides-stats";

	private static final List<Ride> RIDES = RidesCsvFigures.rides();

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private StatisticsService statistics;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private WindowsProperties windows;

	@Test
	void writesEachPartitionsStatisticsToTheChangelogWithTheOffsetsTheyCountUpTo() throws Exception {
		long before = settledTotal();
		publish(RIDES);
		await().atMost(PATIENCE).until(() -> this.statistics.current().totalRides() == before + RIDES.size());

		Map<Integer, PartitionSnapshot> latest = latestSnapshots();
		Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();

		assertThat(latest.keySet()).containsExactlyInAnyOrder(0, 1, 2);
		assertThat(latest.values().stream().mapToLong((snapshot) -> snapshot.aggregate().rides()).sum())
			.isEqualTo(before + RIDES.size());
		latest.values()
			.forEach((snapshot) -> assertThat(committed.get(new TopicPartition("rides", snapshot.partition())).offset())
				.as("committed offset of partition %d", snapshot.partition())
				.isEqualTo(snapshot.nextOffset()));
	}

	@Test
	void restoresThePartitionsFromTheChangelogAfterARestartAndCountsEachRideOnce() throws Exception {
		long before = settledTotal();
		MessageListenerContainer container = this.listeners.getListenerContainer(RideListener.ID);

		container.stop();
		container.start();
		publish(RIDES.subList(0, 3));

		await().atMost(PATIENCE).until(() -> this.statistics.current().totalRides() == before + 3);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.statistics.current().totalRides() == before + 3);
	}

	@Test
	void countsEveryRideInTheWindowsOfItsPartitionAsCountingTheTopicInOrderDoes() throws Exception {
		long before = settledTotal();
		publish(RIDES);
		await().atMost(PATIENCE).until(() -> this.statistics.current().totalRides() == before + RIDES.size());

		for (WindowSpec spec : this.windows.specs()) {
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(this.statistics.windows(spec.kind())).isEqualTo(countedFromTheTopic(spec)));
		}
	}

	@Test
	void restoresTheWindowsFromTheChangelogAfterARestartAndCountsEachRideOnceInThem() throws Exception {
		settledTotal();
		MessageListenerContainer container = this.listeners.getListenerContainer(RideListener.ID);

		container.stop();
		container.start();
		publish(RIDES.subList(0, 30));

		for (WindowSpec spec : this.windows.specs()) {
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(this.statistics.windows(spec.kind())).isEqualTo(countedFromTheTopic(spec)));
		}
	}

	@Test
	void createsTheChangelogCompacted() throws Exception {
		try (Admin admin = admin()) {
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, CHANGELOG);
			Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

			assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
			assertThat(config.get("segment.bytes").value()).isEqualTo(String.valueOf(16 * 1024 * 1024));
			assertThat(config.get("segment.ms").value()).isEqualTo("600000");
		}
	}

	@Test
	void everyInstanceOfTheGroupServesTheStatisticsOfAllPartitions() throws Exception {
		long before = settledTotal();
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RideConsumerApplication.class)
			.properties("spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(), "server.port=0")
			.run()) {
			StatisticsService secondStatistics = second.getBean(StatisticsService.class);
			MeterRegistry secondMeters = second.getBean(MeterRegistry.class);

			// The second instance's consumers join the group while the rides come in: partitions move mid-stream.
			publish(RIDES);

			long expected = before + RIDES.size();
			await().atMost(PATIENCE)
				.until(() -> this.statistics.current().totalRides() == expected
						&& secondStatistics.current().totalRides() == expected);
			RideStatistics first = this.statistics.current();
			assertThat(secondStatistics.current()).usingRecursiveComparison().isEqualTo(first);
			for (WindowSpec spec : this.windows.specs()) {
				await().atMost(PATIENCE)
					.untilAsserted(() -> assertThat(secondStatistics.windows(spec.kind()))
						.isEqualTo(this.statistics.windows(spec.kind()))
						.isEqualTo(countedFromTheTopic(spec)));
			}
			assertThat(first.partitions()).hasSize(3);
			await().atMost(PATIENCE)
				.until(() -> assignedPartitions(this.meters) + assignedPartitions(secondMeters) == 3);
		}
	}

	@Test
	void keepsEveryRecordOfARidesPartitionInTheChangelogPartitionOfTheSameNumber() throws Exception {
		long before = settledTotal();
		publish(RIDES);
		await().atMost(PATIENCE).until(() -> this.statistics.current().totalRides() == before + RIDES.size());

		List<ConsumerRecord<String, byte[]>> records = changelogRecords();

		assertThat(records).extracting(ConsumerRecord::key).anyMatch(SnapshotJson::isWindowKey);
		for (ConsumerRecord<String, byte[]> record : records) {
			int ridesPartition = Integer.parseInt(record.key().split("/")[0]);
			assertThat(record.partition()).as("changelog partition of %s", record.key()).isEqualTo(ridesPartition);
		}
	}

	@Test
	void anInstanceJoiningTheGroupTakesPartitionsWithoutTheOthersRestoringThoseTheyKeep() throws Exception {
		settledTotal();
		await().atMost(PATIENCE).until(() -> assignedPartitions(this.meters) == 3);
		double restoredBefore = settledRestores(this.meters);
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RideConsumerApplication.class)
			.properties("spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(), "server.port=0")
			.run()) {
			MeterRegistry secondMeters = second.getBean(MeterRegistry.class);

			await().atMost(PATIENCE).until(() -> assignedPartitions(secondMeters) > 0
					&& assignedPartitions(this.meters) + assignedPartitions(secondMeters) == 3);

			await().atMost(PATIENCE)
				.until(() -> restoredPartitions(secondMeters) == assignedPartitions(secondMeters));
			assertThat(settledRestores(this.meters)).as("partitions the first instance restored again")
				.isEqualTo(restoredBefore);
		}
	}

	/** The restores once no partition is being restored any more (an assigned partition is restored soon after). */
	private static double settledRestores(MeterRegistry meters) {
		double[] last = { restoredPartitions(meters) };
		await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> {
			double now = restoredPartitions(meters);
			boolean settled = now == last[0];
			last[0] = now;
			return settled;
		});
		return last[0];
	}

	private static double restoredPartitions(MeterRegistry meters) {
		return meters.get("ridestream.partitions.restored").functionCounter().count();
	}

	private static double assignedPartitions(MeterRegistry meters) {
		return meters.get("ridestream.partitions.assigned").gauge().value();
	}

	/** The total once every published ride is counted (other tests may have published before). */
	private long settledTotal() throws Exception {
		long published = publishedSoFar();
		await().atMost(PATIENCE).until(() -> this.statistics.current().totalRides() == published);
		return published;
	}

	private long publishedSoFar() throws Exception {
		try (Admin admin = admin()) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			IntStream.range(0, 3)
				.forEach((partition) -> latest.put(new TopicPartition("rides", partition),
						OffsetSpec.latest()));
			return admin.listOffsets(latest)
				.all()
				.get()
				.values()
				.stream()
				.mapToLong((info) -> info.offset())
				.sum();
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
		try (Admin admin = admin()) {
			return admin.listConsumerGroupOffsets("ride-stats").partitionsToOffsetAndMetadata().get();
		}
	}

	/** The windows of every ride of the topic, each partition counted in offset order, merged. */
	private WindowedCounts countedFromTheTopic(WindowSpec spec) {
		Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "windows-check", false);
		WindowedCounts merged = new WindowedCounts(spec);
		try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			for (int partition = 0; partition < 3; partition++) {
				TopicPartition topicPartition = new TopicPartition("rides", partition);
				consumer.assign(List.of(topicPartition));
				consumer.seekToBeginning(List.of(topicPartition));
				long end = consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
				WindowedCounts counts = new WindowedCounts(spec);
				while (consumer.position(topicPartition) < end) {
					consumer.poll(Duration.ofMillis(100)).forEach((record) -> counts.add(RideJson.read(record.value())));
				}
				merged = merged.merge(counts);
			}
		}
		return merged;
	}

	/** The latest snapshot of each partition in the changelog's committed transactions. */
	private Map<Integer, PartitionSnapshot> latestSnapshots() {
		Map<Integer, PartitionSnapshot> latest = new HashMap<>();
		changelogRecords().stream().filter((record) -> !SnapshotJson.isWindowKey(record.key())).forEach((record) -> {
			PartitionSnapshot snapshot = SnapshotJson.read(record.value());
			assertThat(record.key()).isEqualTo(String.valueOf(snapshot.partition()));
			latest.put(snapshot.partition(), snapshot);
		});
		return latest;
	}

	private List<ConsumerRecord<String, byte[]>> changelogRecords() {
		return CommittedRecords.of(this.broker, CHANGELOG, PATIENCE);
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()));
	}

	private void publish(List<Ride> rides) throws ExecutionException, InterruptedException {
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < rides.size(); i++) {
				producer.send(new ProducerRecord<>("rides", i % 3, "key", RideJson.write(rides.get(i)))).get();
			}
		}
	}

}
