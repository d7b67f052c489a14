package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.ridestream.consumer.windows.WindowFigures;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.consumer.counting.ZoneCount;
import io.ridestream.consumer.zones.ZoneLookup;

/**
 * The windows of one kind of all partitions, as served on {@code /stats/windows}, newest first, every zone with
 * its borough and name. Durations in ISO-8601 ({@code PT10M}), amounts as exact decimal strings.
 *
 * @param type {@code tumbling} or {@code hopping}
 * @param size how long each window is
 * @param advance how far apart windows start
 * @param grace how long after its end (in event time) a window still takes its late rides
 * @param retention how long after its end (in event time) a window is kept
 * @param streamTime the latest pickup time counted, null before the first ride
 * @param watermark the pickup time every partition with rides has reached: windows ending at least
 * {@code grace} before it are closed, their figures final
 * @param lateRides rides that came after one of their windows closed, counted there as late, not in its figures
 * @param lateRidesForEvictedWindows late rides whose window was evicted already
 * @param windows the windows asked for, newest first
 */
public record WindowsView(String type, Duration size, Duration advance, Duration grace, Duration retention,
		LocalDateTime streamTime, LocalDateTime watermark, long lateRides, long lateRidesForEvictedWindows,
		List<Window> windows) {

	static WindowsView of(WindowedCounts counts, List<WindowFigures> windows, ZoneLookup zones) {
		WindowSpec spec = counts.spec();
		WindowedCounts.Progress progress = counts.progress();
		return new WindowsView(spec.kind().name().toLowerCase(Locale.ROOT), spec.size(), spec.advance(), spec.grace(),
				spec.retention(), progress.streamTime(), progress.watermark(), progress.lateRides(),
				progress.lateRidesForEvictedWindows(),
				windows.stream().map((window) -> Window.of(window, zones)).toList());
	}

	/**
	 * One window.
	 *
	 * @param start its first instant, inclusive
	 * @param end its end, exclusive
	 * @param rides rides picked up in it
	 * @param revenue the sum of their total amounts
	 * @param passengers the sum of their passenger counts
	 * @param lateRides rides for it that came after it closed: not in the other figures
	 * @param closed whether its figures are final
	 * @param topPickupZones the busiest pickup zones, busiest first, ties by location id
	 * @param topDropoffZones the busiest drop-off zones, likewise
	 */
	public record Window(LocalDateTime start, LocalDateTime end, long rides,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue, long passengers, long lateRides,
			boolean closed, List<LocationCount> topPickupZones, List<LocationCount> topDropoffZones) {

		static Window of(WindowFigures figures, ZoneLookup zones) {
			return new Window(figures.start(), figures.end(), figures.rides(), figures.revenue(), figures.passengers(),
					figures.lateRides(), figures.closed(), named(figures.topPickupZones(), zones),
					named(figures.topDropoffZones(), zones));
		}

		private static List<LocationCount> named(List<ZoneCount> counts, ZoneLookup zones) {
			return counts.stream().map((count) -> LocationCount.of(count.zone(), count.rides(), zones)).toList();
		}

	}

}
