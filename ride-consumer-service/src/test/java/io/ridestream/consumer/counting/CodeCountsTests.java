package io.ridestream.consumer.counting;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class CodeCountsTests {

	@Test
	void countsCodesUnderTheirDigitsAndRidesWithoutOneAsUnknown() {
		CodeCounts counts = new CodeCounts(32);
		counts.add(2);
		counts.add(2);
		counts.add(1);
		counts.add(250);
		counts.addUnknown();

		assertThat(counts.toMap()).containsOnly(entry("1", 1L), entry("2", 2L), entry("250", 1L),
				entry("unknown", 1L));
	}

	@Test
	void countsCodesBeyondTheLimitAsOtherAndKeepsCountingThoseHeld() {
		CodeCounts counts = new CodeCounts(2);
		counts.add(1);
		counts.add(2);
		counts.add(3);
		counts.addUnknown();
		counts.add(1);

		assertThat(counts.toMap()).containsOnly(entry("1", 2L), entry("2", 1L), entry("other", 2L));
	}

	@Test
	void addsStoredCountsWhateverTheLimit() {
		CodeCounts counts = new CodeCounts(1);
		counts.addAll(Map.of("1", 5L, "07", 1L, "unknown", 2L, "other", 3L, "4", 1L));
		counts.add(4);

		assertThat(counts.toMap()).containsOnly(entry("1", 5L), entry("07", 1L), entry("unknown", 2L),
				entry("other", 3L), entry("4", 2L));
	}

	@Test
	void refusesStoredCountsThatAreNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CodeCounts(32).addAll(Map.of("1", 0L)));
	}

	@Test
	void mergesAsTheSumOfBothKeyByKey() {
		CodeCounts left = new CodeCounts(32);
		left.add(1);
		left.addUnknown();
		CodeCounts right = new CodeCounts(32);
		right.add(1);
		right.add(120);

		left.addAll(right);

		assertThat(left.toMap()).containsOnly(entry("1", 2L), entry("120", 1L), entry("unknown", 1L));
	}

	@Test
	void countsAsAMapOfKeysCountedUpToTheLimitDoes() {
		Random random = new Random(15);
		CodeCounts counts = new CodeCounts(32);
		Map<String, Long> expected = new HashMap<>();
		for (int i = 0; i < 100_000; i++) {
			// Mostly the TLC's codes, some unknown, and a tail of made-up ones past the limit.
			int kind = random.nextInt(10);
			String key;
			if (kind == 0) {
				key = "unknown";
				counts.addUnknown();
			}
			else {
				int code = (kind < 8) ? random.nextInt(7) : random.nextInt(-50, 1000);
				key = String.valueOf(code);
				counts.add(code);
			}
			Long held = expected.get(key);
			if (held != null) {
				expected.put(key, held + 1);
			}
			else {
				expected.merge((expected.size() < 32) ? key : "other", 1L, Long::sum);
			}
		}

		assertThat(counts.toMap()).isEqualTo(expected);
	}

}
