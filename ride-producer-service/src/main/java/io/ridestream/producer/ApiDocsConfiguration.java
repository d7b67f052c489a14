package io.ridestream.producer;

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
	OpenAPI rideProducerApi() {
		String version = ApiDocsConfiguration.class.getPackage().getImplementationVersion();
		return new OpenAPI().info(new Info().title("Ride Stream producer")
			.version((version != null) ? version : "development")
			.description("Replays NYC TLC trip files (CSV, gzip CSV, Parquet; yellow, green, FHV) into Kafka, one "
					+ "ride a record, in Kafka transactions. A replay is a job to watch and cancel."));
	}

}
