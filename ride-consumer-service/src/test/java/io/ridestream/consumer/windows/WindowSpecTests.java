package io.ridestream.consumer.windows;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static io.ridestream.consumer.windows.WindowRides.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WindowSpecTests {

	private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	private static final Duration HOUR = Duration.ofHours(1);

	@Test
	void tumblingWindowsAreAlignedToWholeMultiplesOfTheirSize() {
		WindowSpec spec = WindowSpec.tumbling(TEN_MINUTES, Duration.ZERO, HOUR);

		assertThat(spec.windowsOf(at("00:00:00"))).containsExactly(at("00:00"));
		assertThat(spec.windowsOf(at("00:09:59"))).containsExactly(at("00:00"));
		assertThat(spec.windowsOf(at("00:10:00"))).containsExactly(at("00:10"));
		assertThat(spec.windowsOf(at("23:59:59.999"))).containsExactly(at("23:50"));
	}

	@Test
	void hoppingWindowsContainingATimeAreSizeOverAdvanceManyEarliestFirst() {
		WindowSpec spec = WindowSpec.hopping(TEN_MINUTES, FIVE_MINUTES, Duration.ZERO, HOUR);

		assertThat(spec.windowsOf(at("00:07"))).containsExactly(at("00:00"), at("00:05"));
		assertThat(spec.windowsOf(at("00:05"))).containsExactly(at("00:00"), at("00:05"));
		assertThat(spec.windowsOf(at("00:04:59"))).containsExactly(at("23:55").minusDays(1), at("00:00"));
	}

	@Test
	void windowsOfTimesBeforeTheEpochAreAlignedToo() {
		WindowSpec spec = WindowSpec.tumbling(Duration.ofDays(1), Duration.ZERO, Duration.ofDays(2));

		assertThat(spec.windowsOf(LocalDateTime.parse("1969-12-31T12:00")))
			.containsExactly(LocalDateTime.parse("1969-12-31T00:00"));
	}

	@Test
	void rejectsSizesThatAreNotPositiveWholeSeconds() {
		assertThatIllegalArgumentException().isThrownBy(() -> WindowSpec.tumbling(Duration.ZERO, Duration.ZERO, HOUR))
			.withMessageContaining("size");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WindowSpec.tumbling(Duration.ofMillis(1500), Duration.ZERO, HOUR))
			.withMessageContaining("whole number of seconds");
	}

	@Test
	void rejectsAdvanceLongerThanSizeOrNotDividingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WindowSpec.hopping(FIVE_MINUTES, TEN_MINUTES, Duration.ZERO, HOUR))
			.withMessageContaining("longer than the window size");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WindowSpec.hopping(TEN_MINUTES, Duration.ofMinutes(3), Duration.ZERO, HOUR))
			.withMessageContaining("not a whole multiple");
	}

	@Test
	void rejectsHoppingWindowsThatPutEachRideInMoreThanSixtyWindows() {
		assertThat(WindowSpec.hopping(Duration.ofHours(1), Duration.ofMinutes(1), Duration.ZERO, Duration.ofHours(2))
			.windowsPerTime()).isEqualTo(60);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WindowSpec.hopping(Duration.ofHours(1), Duration.ofSeconds(30), Duration.ZERO,
					Duration.ofHours(2)))
			.withMessageContaining("more than 60 windows");
	}

	@Test
	void rejectsTumblingWindowsThatAdvanceByLessThanTheirSize() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WindowSpec(WindowSpec.Kind.TUMBLING, TEN_MINUTES,
				FIVE_MINUTES, Duration.ZERO, HOUR))
			.withMessageContaining("tumbling");
	}

	@Test
	void rejectsNegativeGraceAndRetentionShorterThanSizePlusGrace() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WindowSpec.tumbling(TEN_MINUTES, Duration.ofSeconds(-1), HOUR))
			.withMessageContaining("grace");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WindowSpec.tumbling(TEN_MINUTES, FIVE_MINUTES, Duration.ofMinutes(14)))
			.withMessageContaining("retention");
		assertThat(WindowSpec.tumbling(TEN_MINUTES, FIVE_MINUTES, Duration.ofMinutes(15)).retention())
			.isEqualTo(Duration.ofMinutes(15));
	}

}
