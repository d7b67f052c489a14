package io.ridestream.consumer.stats;

import java.time.LocalDateTime;
import java.util.Locale;

import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.consumer.zones.ZoneLookup;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves the event-time windows on {@code /stats/windows}: {@code type} {@code tumbling} (default) or
 * {@code hopping}; {@code from} and {@code to} bound the windows' starts ({@code from <= start < to}, ISO local
 * date-times such as {@code 2020-07-01T00:10}); {@code limit} (1 to 1000, default 24) the newest windows listed.
 */
@RestController
class WindowsController {

	static final int MAX_LIMIT = 1000;

	private final StatisticsService statistics;

	private final ZoneLookup zones;

	WindowsController(StatisticsService statistics, ZoneLookup zones) {
		this.statistics = statistics;
		this.zones = zones;
	}

	@GetMapping(path = "/stats/windows", produces = MediaType.APPLICATION_JSON_VALUE)
	WindowsView windows(@RequestParam(defaultValue = "tumbling") String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(defaultValue = "24") int limit) {
		WindowSpec.Kind kind = kind(type);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to (" + to + ") is before from (" + from + ")");
		}
		WindowedCounts counts = this.statistics.windows(kind);
		return WindowsView.of(counts, counts.windows(from, to, limit), this.zones);
	}

	private static WindowSpec.Kind kind(String type) {
		for (WindowSpec.Kind kind : WindowSpec.Kind.values()) {
			if (kind.name().toLowerCase(Locale.ROOT).equals(type)) {
				return kind;
			}
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"type must be tumbling or hopping, was '" + type.substring(0, Math.min(type.length(), 40)) + "'");
	}

}
