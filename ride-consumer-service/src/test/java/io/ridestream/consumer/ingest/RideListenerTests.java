package io.ridestream.consumer.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.PartitionProgress;
import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.consumer.stats.StatsProperties;
import io.ridestream.consumer.zones.ZoneLookup;
import io.ridestream.model.Ride;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.kafka.support.Acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the listener does when partitions come and go; the Kafka round trip is in {@link RideIngestTests}.
 */
class RideListenerTests {

	private static final Ride RIDE = RidesCsvFigures.rides().get(0);

	private static final TopicPartition RIDES_0 = new TopicPartition("rides", 0);

	private static final TopicPartition RIDES_1 = new TopicPartition("rides", 1);

	private final StatisticsService statistics = new StatisticsService(
			ZoneLookup.load(new ClassPathResource("data/taxi_zone_lookup.csv")), new StatsProperties(10));

	private final SeekRecorder seeks = new SeekRecorder();

	private final HandledOffsets handled = new HandledOffsets();

	private final AcknowledgmentCounter acknowledgments = new AcknowledgmentCounter();

	@Test
	void readsAssignedPartitionsFromTheBeginningWithEmptyStatistics() {
		RideListener listener = new RideListener(this.statistics, new TopicProperties("rides", true), this.handled);
		this.statistics.recordRide(0, 7, RIDE);

		listener.onPartitionsAssigned(Map.of(RIDES_0, 8L, RIDES_1, 0L), this.seeks);

		assertThat(this.seeks.toBeginning).containsExactlyInAnyOrder(RIDES_0, RIDES_1);
		assertThat(this.statistics.current().partitions()).containsExactly(new PartitionProgress(0, 0, null),
				new PartitionProgress(1, 0, null));
	}

	@Test
	void readsOnFromCommittedOffsetsWhenToldNotToReadFromTheBeginning() {
		RideListener listener = new RideListener(this.statistics, new TopicProperties("rides", false), this.handled);

		listener.onPartitionsAssigned(Map.of(RIDES_0, 8L), this.seeks);

		assertThat(this.seeks.toBeginning).isEmpty();
		assertThat(this.statistics.partitionCount()).isEqualTo(1);
	}

	@Test
	void remembersThePositionsAtAssignmentAsHandledUntilRevoked() {
		RideListener listener = new RideListener(this.statistics, new TopicProperties("rides", true), this.handled);

		listener.onPartitionsAssigned(Map.of(RIDES_0, 8L, RIDES_1, 0L), this.seeks);

		assertThat(this.handled.handledBefore("rides", 0, 7)).isTrue();
		assertThat(this.handled.handledBefore("rides", 0, 8)).isFalse();
		assertThat(this.handled.handledBefore("rides", 1, 0)).isFalse();
		listener.onPartitionsRevoked(List.of(RIDES_0));
		assertThat(this.handled.handledBefore("rides", 0, 7)).isFalse();
	}

	@Test
	void dropsTheStatisticsOfRevokedPartitions() {
		RideListener listener = new RideListener(this.statistics, new TopicProperties("rides", true), this.handled);
		listener.onPartitionsAssigned(Map.of(RIDES_0, 0L, RIDES_1, 0L), this.seeks);
		this.statistics.recordRide(0, 0, RIDE);

		listener.onPartitionsRevoked(List.of(RIDES_0));

		assertThat(this.statistics.current().partitions()).containsExactly(new PartitionProgress(1, 0, null));
		assertThat(this.statistics.current().totalRides()).isZero();
	}

	@Test
	void countsARideInItsPartition() {
		RideListener listener = new RideListener(this.statistics, new TopicProperties("rides", true), this.handled);

		listener.onRide(new ConsumerRecord<>("rides", 1, 12L, "key", RIDE), this.acknowledgments);

		assertThat(this.statistics.current().partitions()).containsExactly(new PartitionProgress(1, 1, 12L));
	}

	@Test
	void rejectsAMessageWithoutValue() {
		RideListener listener = new RideListener(this.statistics, new TopicProperties("rides", true), this.handled);

		assertThatExceptionOfType(InvalidRideException.class)
			.isThrownBy(() -> listener.onRide(new ConsumerRecord<String, Ride>("rides", 1, 12L, "key", null),
					this.acknowledgments))
			.withMessageContaining("tombstone");
	}

	@Test
	void commitsARideThatNoEarlierOwnerHandled() {
		RideListener listener = new RideListener(this.statistics, new TopicProperties("rides", true), this.handled);
		listener.onPartitionsAssigned(Map.of(RIDES_1, 12L), this.seeks);

		listener.onRide(new ConsumerRecord<>("rides", 1, 12L, "key", RIDE), this.acknowledgments);

		assertThat(this.acknowledgments.count).isEqualTo(1);
	}

	@Test
	void countsButDoesNotCommitARideReadAgainBelowTheCommittedOffset() {
		RideListener listener = new RideListener(this.statistics, new TopicProperties("rides", true), this.handled);
		listener.onPartitionsAssigned(Map.of(RIDES_1, 20L), this.seeks);

		listener.onRide(new ConsumerRecord<>("rides", 1, 12L, "key", RIDE), this.acknowledgments);

		assertThat(this.statistics.current().totalRides()).isEqualTo(1);
		assertThat(this.acknowledgments.count).as("committing 13 would move the group's offset back from 20").isZero();
	}

	private static final class AcknowledgmentCounter implements Acknowledgment {

		private int count;

		@Override
		public void acknowledge() {
			this.count++;
		}

	}

	/** Records the seeks the listener asks for; the container would perform them. */
	private static final class SeekRecorder implements ConsumerSeekCallback {

		private final List<TopicPartition> toBeginning = new ArrayList<>();

		@Override
		public void seekToBeginning(Collection<TopicPartition> partitions) {
			this.toBeginning.addAll(partitions);
		}

		@Override
		public void seekToBeginning(String topic, int partition) {
			this.toBeginning.add(new TopicPartition(topic, partition));
		}

		@Override
		public void seek(String topic, int partition, long offset) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void seek(String topic, int partition, Function<Long, Long> offsetComputeFunction) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void seekToEnd(String topic, int partition) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void seekRelative(String topic, int partition, long offset, boolean toCurrent) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void seekToTimestamp(String topic, int partition, long timestamp) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void seekToTimestamp(Collection<TopicPartition> topicPartitions, long timestamp) {
			throw new UnsupportedOperationException();
		}

	}

}
