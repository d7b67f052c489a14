package io.ridestream.consumer.stats;

import java.time.LocalDateTime;
import java.util.Locale;

import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.consumer.zones.ZoneLookup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "Statistics")
class WindowsController {

	static final int MAX_LIMIT = 1000;

	private final StatisticsService statistics;

	private final ZoneLookup zones;

	WindowsController(StatisticsService statistics, ZoneLookup zones) {
		this.statistics = statistics;
		this.zones = zones;
	}

	@GetMapping(path = "/stats/windows", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rides and revenue per event-time window of pickup time, newest first",
			description = "A window is `closed` (final) once every partition has passed its end plus the grace "
					+ "period; rides later than that are counted in `lateRides`, not in the window.")
	@ApiResponse(responseCode = "200", description = "The windows")
	@ApiResponse(responseCode = "400", description = "An unknown type, a limit out of range, or `to` before `from`",
			content = @Content(mediaType = "application/problem+json"))
	WindowsView windows(
			@Parameter(description = "`tumbling` or `hopping`", example = "tumbling")
			@RequestParam(defaultValue = "tumbling") String type,
			@Parameter(description = "The earliest window start listed (ISO local date-time)",
					example = "2020-07-01T00:00:00")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@Parameter(description = "Only windows that start before this (ISO local date-time)",
					example = "2020-07-01T02:00:00")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@Parameter(description = "How many of the newest windows, 1 to " + MAX_LIMIT, example = "6")
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
