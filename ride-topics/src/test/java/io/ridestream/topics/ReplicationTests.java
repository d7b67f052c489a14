package io.ridestream.topics;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReplicationTests {

	@Test
	void oneBrokerGivesOneCopyThatMustHaveEachWrite() {
		assertThat(Replication.forBrokers(1)).isEqualTo(new Replication((short) 1, 1));
	}

	@Test
	void twoBrokersGiveTwoCopiesOfWhichOneMustHaveEachWrite() {
		assertThat(Replication.forBrokers(2)).isEqualTo(new Replication((short) 2, 1));
	}

	@Test
	void threeBrokersOrMoreGiveThreeCopiesOfWhichTwoMustHaveEachWrite() {
		assertThat(Replication.forBrokers(3)).isEqualTo(new Replication((short) 3, 2));
		assertThat(Replication.forBrokers(7)).isEqualTo(new Replication((short) 3, 2));
	}

	@Test
	void aConfiguredFactorGetsTheMinInSyncReplicasOfThatFactor() {
		ReplicationProperties properties = new ReplicationProperties((short) 2, null, Duration.ofSeconds(1));

		assertThat(properties.forBrokers(5)).isEqualTo(new Replication((short) 2, 1));
	}

	@Test
	void aConfiguredMinInSyncReplicasKeepsTheFactorOfTheCluster() {
		ReplicationProperties properties = new ReplicationProperties(null, 3, Duration.ofSeconds(1));

		assertThat(properties.forBrokers(5)).isEqualTo(new Replication((short) 3, 3));
	}

	@Test
	void moreInSyncReplicasThanCopiesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReplicationProperties((short) 2, 3, Duration.ZERO))
			.withMessageContaining("cannot exceed");
		assertThatIllegalArgumentException().isThrownBy(() -> new Replication((short) 1, 2))
			.withMessageContaining("between 1 and the replication factor");
	}

}
