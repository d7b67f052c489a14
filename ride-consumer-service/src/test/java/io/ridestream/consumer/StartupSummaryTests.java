package io.ridestream.consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once ready, the service logs one line that names where it listens and which topics it uses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "ridestream.topic.name=rides-of-the-summary")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(OutputCaptureExtension.class)
class StartupSummaryTests {

	@Autowired
	private EmbeddedKafkaBroker broker;

	@LocalServerPort
	private int port;

	@Test
	void logsOneLineSayingWhereItListensAndWhichTopicsItUses(CapturedOutput output) {
		String ready = output.getOut()
			.lines()
			.filter((line) -> line.contains("Ride consumer ready"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No ready line in:\n" + output.getOut()));

		assertThat(ready).contains(" INFO ").contains(":" + this.port + " ")
			.contains("counting topic rides-of-the-summary (group ride-stats) into changelog "
					+ "rides-of-the-summary-stats, dead letters to rides-of-the-summary-dlt")
			.contains("Kafka " + this.broker.getBrokersAsString());
	}

}
