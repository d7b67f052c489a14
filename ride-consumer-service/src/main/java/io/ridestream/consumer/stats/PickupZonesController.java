package io.ridestream.consumer.stats;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.ridestream.model.Dataset;

/**
 * Serves the busiest pickup zones of the rides of chosen datasets together on {@code /stats/pickup-zones}:
 * {@code dataset} once or more ({@code yellow}, {@code green}, {@code fhv}; all when left out), {@code limit} (1 to
 * 300, default 10) the zones listed. The course's question "which pickup zone is the most popular across green and
 * FHV trips" is {@code /stats/pickup-zones?dataset=green&dataset=fhv&limit=1}.
 */
@RestController
@Tag(name = "Statistics")
class PickupZonesController {

	/** More than the 265 zones of the TLC's table (and the one for others). */
	static final int MAX_LIMIT = 300;

	private final StatisticsService statistics;

	PickupZonesController(StatisticsService statistics) {
		this.statistics = statistics;
	}

	@GetMapping(path = "/stats/pickup-zones", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The busiest pickup zones of the rides of chosen datasets together")
	@ApiResponse(responseCode = "200", description = "The zones, busiest first")
	@ApiResponse(responseCode = "400", description = "An unknown dataset, or a limit out of range",
			content = @Content(mediaType = "application/problem+json"))
	PickupZones pickupZones(
			@Parameter(description = "`yellow`, `green` or `fhv`, once or more; all when left out", example = "green")
			@RequestParam(name = "dataset", required = false) List<String> names,
			@Parameter(description = "How many zones, 1 to " + MAX_LIMIT, example = "1")
			@RequestParam(defaultValue = "10") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		Set<String> datasets = new LinkedHashSet<>();
		for (String name : (names != null && !names.isEmpty()) ? names
				: Arrays.stream(Dataset.values()).map(Dataset::wireName).toList()) {
			try {
				datasets.add(Dataset.fromWireName(name.strip()).wireName());
			}
			catch (IllegalArgumentException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
			}
		}
		return this.statistics.busiestPickupZones(datasets, limit);
	}

}
