package io.ridestream.producer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Replays NYC taxi rides from CSV into Kafka, on demand over HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RideProducerApplication {

	public static void main(String[] args) {
		SpringApplication.run(RideProducerApplication.class, args);
	}

}
