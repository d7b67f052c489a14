package io.ridestream.consumer.stats;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition's snapshot keeps its rides per dataset, and a snapshot written before datasets existed reads as the
 * yellow rides it held, so that a restart after the upgrade neither loses nor misplaces a ride.
 */
class SnapshotDatasetsTests {

	@Test
	void keepsTheRidesOfEachDatasetThroughTheChangelog() {
		RideAggregate aggregate = new RideAggregate();
		RidesCsvFigures.rides().forEach(aggregate::add);
		aggregate.add(fhv(RidesCsvFigures.rides().get(0)));

		PartitionSnapshot read = SnapshotJson.read(SnapshotJson.write(new PartitionSnapshot(0, 266, aggregate)));

		assertThat(read.aggregate()).isEqualTo(aggregate);
		assertThat(read.aggregate().byDataset()).containsOnlyKeys("yellow", "fhv");
		assertThat(read.aggregate().byDataset().get("fhv").rides()).isOne();
	}

	@Test
	void readsASnapshotWrittenBeforeDatasetsAsYellowRides() {
		RideAggregate aggregate = new RideAggregate();
		RidesCsvFigures.rides().forEach(aggregate::add);
		ObjectNode stored = (ObjectNode) JsonMapper.shared()
			.readTree(SnapshotJson.write(new PartitionSnapshot(0, 265, aggregate)));
		((ObjectNode) stored.get("aggregate")).remove("datasets");

		RideAggregate read = SnapshotJson.read(stored.toString().getBytes(StandardCharsets.UTF_8)).aggregate();

		assertThat(read).isEqualTo(aggregate);
		assertThat(read.byDataset().get("yellow").rides()).isEqualTo(266);
		assertThat(read.topPickupLocations(Set.of("yellow"), 3)).isEqualTo(aggregate.topPickupLocations(3));
	}

	private static Ride fhv(Ride ride) {
		return new Ride(Dataset.FHV, null, ride.pickupTime(), ride.dropoffTime(), null, null, null, null, 7, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, "B02800", null, null);
	}

}
