package io.ridestream.consumer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html});
 * its operations come from the controllers' annotations.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	OpenAPI rideConsumerApi() {
		String version = ApiDocsConfiguration.class.getPackage().getImplementationVersion();
		return new OpenAPI().info(new Info().title("Ride Stream consumer")
			.version((version != null) ? version : "development")
			.description("Counts the rides of the rides topic into exact statistics and event-time windows, kept in "
					+ "a compacted changelog topic; the live page is /stats in a browser."));
	}

}
