package io.ridestream.consumer.zones;

import io.ridestream.consumer.RideConsumerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class ZonesStartupTests {

	@Test
	void applicationDoesNotStartWithoutItsZoneTable(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(RideConsumerApplication.class)
			.web(WebApplicationType.NONE);

		assertThatException()
			.isThrownBy(() -> application.run("--ridestream.zones.file=file:/nonexistent/taxi_zones.csv",
					"--spring.kafka.listener.auto-startup=false", "--spring.kafka.bootstrap-servers=127.0.0.1:1"))
			.havingRootCause()
			.isInstanceOf(ZonesFileException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Cannot load the taxi zone lookup from URL [file:/nonexistent/taxi_zones.csv]: the file does not exist")
			.contains("Point ridestream.zones.file");
	}

}
