package io.ridestream.consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.ridestream.consumer.ingest.DeadLetterProperties;
import io.ridestream.consumer.ingest.TopicProperties;
import io.ridestream.consumer.stats.ChangelogProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says in one line, once the service is ready, where it listens and which topics of which brokers it uses: the
 * first thing an operator looks for in the log.
 */
@Component
class StartupSummary {

	private static final Log logger = LogFactory.getLog(StartupSummary.class);

	private final TopicProperties rides;

	private final ChangelogProperties changelog;

	private final DeadLetterProperties deadLetters;

	private final KafkaProperties kafka;

	StartupSummary(TopicProperties rides, ChangelogProperties changelog, DeadLetterProperties deadLetters,
			KafkaProperties kafka) {
		this.rides = rides;
		this.changelog = changelog;
		this.deadLetters = deadLetters;
		this.kafka = kafka;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		logger.info(summary(event.getApplicationContext().getEnvironment(),
				(event.getApplicationContext() instanceof WebServerApplicationContext web)
						? web.getWebServer().getPort() : -1));
	}

	String summary(Environment environment, int port) {
		String where = (port < 0) ? "(no web server)"
				: "on http://" + environment.getProperty("server.address", "0.0.0.0") + ":" + port;
		return "Ride consumer ready " + where + " (live page /stats, API docs /swagger-ui.html); counting topic "
				+ this.rides.name() + " (group " + this.kafka.getConsumer().getGroupId() + ") into changelog "
				+ this.changelog.topic()
				+ ", dead letters to " + this.deadLetters.topic() + ", on Kafka "
				+ String.join(",", this.kafka.getBootstrapServers());
	}

}
