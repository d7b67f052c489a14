package io.ridestream.topics;

import java.util.List;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicWritabilityTests {

	static final Node ONE = new Node(1, "localhost", 9092);

	static final Node TWO = new Node(2, "localhost", 9094);

	static final Node THREE = new Node(3, "localhost", 9096);

	static final List<Node> ALL = List.of(ONE, TWO, THREE);

	@Test
	void aTopicWhosePartitionsHaveLeadersAndEnoughInSyncReplicasTakesWrites() {
		TopicDescription rides = topic(new TopicPartitionInfo(0, ONE, ALL, List.of(ONE, TWO)),
				new TopicPartitionInfo(1, TWO, ALL, ALL));

		assertThat(TopicWritability.problem(rides, 2)).isEmpty();
	}

	@Test
	void partitionsWithFewerInSyncReplicasThanTheMinimumAreNamedWithTheirCount() {
		TopicDescription rides = topic(new TopicPartitionInfo(0, ONE, ALL, List.of(ONE)),
				new TopicPartitionInfo(1, ONE, ALL, List.of(ONE, TWO)), new TopicPartitionInfo(2, ONE, ALL, List.of(ONE)));

		assertThat(TopicWritability.problem(rides, 2)).contains("Kafka refuses writes to rides-0, rides-2: not enough "
				+ "in-sync replicas (1 of 3, min.insync.replicas is 2)");
	}

	@Test
	void partitionsWithoutALeaderAreNamed() {
		TopicDescription rides = topic(new TopicPartitionInfo(0, null, ALL, List.of(ONE)),
				new TopicPartitionInfo(1, ONE, ALL, List.of(ONE, TWO, THREE)));

		assertThat(TopicWritability.problem(rides, 2)).hasValueSatisfying(
				(problem) -> assertThat(problem).startsWith("Kafka refuses writes to rides-0: no leader"));
	}

	@Test
	void oneReplicaInSyncIsEnoughWhenTheMinimumIsOne() {
		TopicDescription rides = topic(new TopicPartitionInfo(0, ONE, ALL, List.of(ONE)));

		assertThat(TopicWritability.problem(rides, 1)).isEmpty();
	}

	private static TopicDescription topic(TopicPartitionInfo... partitions) {
		return new TopicDescription("rides", false, List.of(partitions));
	}

}
