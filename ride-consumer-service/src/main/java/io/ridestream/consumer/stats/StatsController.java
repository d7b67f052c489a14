package io.ridestream.consumer.stats;

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
class StatsController {

	static final String TEXT_PLAIN_UTF8 = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8";

	private final StatisticsService statistics;

	StatsController(StatisticsService statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/stats";
	}

	@GetMapping(path = "/stats", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	RideStatistics json() {
		return this.statistics.current();
	}

	@GetMapping(path = "/stats", produces = MediaType.TEXT_HTML_VALUE)
	String html(Model model) {
		RideStatistics stats = this.statistics.current();
		model.addAttribute("stats", stats);
		model.addAttribute("vendors", CodeShare.of(stats.ridesByVendor(), TripCodes::vendorName, stats.totalRides()));
		model.addAttribute("paymentTypes",
				CodeShare.of(stats.ridesByPaymentType(), TripCodes::paymentTypeName, stats.totalRides()));
		return "stats";
	}

	@GetMapping(path = "/stats", produces = TEXT_PLAIN_UTF8)
	@ResponseBody
	String text() {
		return StatisticsText.render(this.statistics.current());
	}

}
