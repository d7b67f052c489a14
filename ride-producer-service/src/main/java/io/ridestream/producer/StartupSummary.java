package io.ridestream.producer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.ridestream.producer.format.FormatProperties;
import io.ridestream.producer.format.RideFormat;
import io.ridestream.producer.topic.TopicProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says in one line, once the service is ready, where it listens and what it writes where: the first thing an
 * operator looks for in the log.
 */
@Component
class StartupSummary {

	private static final Log logger = LogFactory.getLog(StartupSummary.class);

	private final TopicProperties topic;

	private final FormatProperties format;

	private final KafkaProperties kafka;

	StartupSummary(TopicProperties topic, FormatProperties format, KafkaProperties kafka) {
		this.topic = topic;
		this.format = format;
		this.kafka = kafka;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		logger.info(summary(event.getApplicationContext().getEnvironment(),
				(event.getApplicationContext() instanceof WebServerApplicationContext web)
						? web.getWebServer().getPort() : -1));
	}

	String summary(Environment environment, int port) {
		String format = RideFormat.effective(this.format.format(), this.kafka).settingValue();
		String where = (port < 0) ? "(no web server)"
				: "on http://" + environment.getProperty("server.address", "0.0.0.0") + ":" + port;
		return "Ride producer ready " + where
				+ " (replay page /, POST /rides/replay, API docs /swagger-ui.html); writing topic " + this.topic.name()
				+ " as " + format + " to Kafka " + String.join(",", this.kafka.getBootstrapServers());
	}

}
