package io.ridestream.consumer.windows;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The window settings of {@code application.yaml}, for tests that make their beans by hand.
 */
public final class DefaultWindows {

	private DefaultWindows() {
	}

	public static WindowsProperties properties() {
		return new WindowsProperties(new WindowsProperties.Tumbling(Duration.ofMinutes(10), Duration.ofHours(1)),
				new WindowsProperties.Hopping(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(1)),
				Duration.ofHours(24), new WindowsProperties.Outliers(LocalDateTime.parse("2009-01-01T00:00:00"),
						Duration.ofDays(1), 500));
	}

}
