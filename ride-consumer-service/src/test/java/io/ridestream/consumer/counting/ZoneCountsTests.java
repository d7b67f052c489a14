package io.ridestream.consumer.counting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ZoneCountsTests {

	@Test
	void writesPairsOfZoneAndCountByZoneAndReadsThemBack() {
		ZoneCounts counts = new ZoneCounts();
		for (int zone : new int[] { 237, 4, 237, 100_000, 4, 237 }) {
			counts.add(zone, 1);
		}

		assertThat(counts.toPairs()).containsExactly(4, 2, 237, 3, 100_000, 1);
		assertThat(ZoneCounts.ofPairs(counts.toPairs())).isEqualTo(counts);
	}

	@Test
	void rejectsPairsThatAreNotAZoneAndAPositiveCount() {
		assertThatIllegalArgumentException().isThrownBy(() -> ZoneCounts.ofPairs(new long[] { 4 }));
		assertThatIllegalArgumentException().isThrownBy(() -> ZoneCounts.ofPairs(new long[] { 4, 0 }));
		assertThatIllegalArgumentException().isThrownBy(() -> ZoneCounts.ofPairs(new long[] { 4, -2 }));
		assertThatIllegalArgumentException().isThrownBy(() -> ZoneCounts.ofPairs(new long[] { 1L << 40, 1 }));
	}

}
