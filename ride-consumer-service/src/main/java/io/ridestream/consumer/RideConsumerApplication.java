package io.ridestream.consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Consumes the rides topic and serves live statistics on {@code /stats} and the actuator.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RideConsumerApplication {

	public static void main(String[] args) {
		SpringApplication.run(RideConsumerApplication.class, args);
	}

}
