package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.consumer.zones.ZoneLookup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Serves the statistics on {@code /stats} in the form the client asks for: JSON for programs (and by default),
 * an HTML page for browsers, a plain-text summary for terminals.
 */
@Controller
@Tag(name = "Statistics", description = "The live statistics, event-time windows and busiest zones")
class StatsController {

	static final String TEXT_PLAIN_UTF8 = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8";

	/** The newest tumbling windows the page's charts show. */
	static final int CHART_WINDOWS = 36;

	private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final StatisticsService statistics;

	private final ZoneLookup zones;

	StatsController(StatisticsService statistics, ZoneLookup zones) {
		this.statistics = statistics;
		this.zones = zones;
	}

	@GetMapping("/")
	@Operation(hidden = true)
	String home() {
		return "redirect:/stats";
	}

	@GetMapping(path = "/stats", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@Operation(summary = "The statistics of every ride counted",
			description = "By content negotiation: `application/json`, `text/html` (the live page) or `text/plain` "
					+ "(the table run-local.sh prints).")
	@ApiResponse(responseCode = "200", description = "The statistics")
	RideStatistics json() {
		return this.statistics.current();
	}

	@GetMapping(path = "/stats", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(hidden = true) // documented with the JSON
	String html(Model model) {
		RideStatistics stats = this.statistics.current();
		model.addAttribute("stats", stats);
		model.addAttribute("vendors", CodeShare.of(stats.ridesByVendor(), TripCodes::vendorName, stats.totalRides()));
		model.addAttribute("paymentTypes",
				CodeShare.of(stats.ridesByPaymentType(), TripCodes::paymentTypeName, stats.totalRides()));
		WindowedCounts tumbling = this.statistics.windows(WindowSpec.Kind.TUMBLING);
		WindowsView windows = WindowsView.of(tumbling, tumbling.windows(null, null, CHART_WINDOWS), this.zones);
		model.addAttribute("windows", windows);
		model.addAttribute("ridesChart", WindowChart.of("Rides per " + minutes(windows) + " window", "rides",
				windows.windows(), (window) -> BigDecimal.valueOf(window.rides())));
		model.addAttribute("revenueChart", WindowChart.of("Revenue per " + minutes(windows) + " window", "$",
				windows.windows(), WindowsView.Window::revenue));
		Instant updated = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		model.addAttribute("updated", updated);
		model.addAttribute("updatedLabel", UPDATED.format(updated));
		return "stats";
	}

	private static String minutes(WindowsView windows) {
		return windows.size().toMinutes() + "-minute";
	}

	@GetMapping(path = "/stats", produces = TEXT_PLAIN_UTF8)
	@ResponseBody
	@Operation(hidden = true) // documented with the JSON
	String text() {
		return StatisticsText.render(this.statistics.current());
	}

}
