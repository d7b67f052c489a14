package io.ridestream.consumer;

import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What {@code /actuator/prometheus} serves, as Prometheus scrapes it.
 */
public final class PrometheusScrape {

	private PrometheusScrape() {
	}

	public static String of(RestTestClient http) {
		return http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
