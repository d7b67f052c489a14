package io.ridestream.consumer.ingest;

import io.ridestream.consumer.stats.StatisticsService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a message the listener cannot count: it is recovered at once and the partition moves on.
 */
@Configuration(proxyBeanMethods = false)
class ErrorHandlingConfiguration {

	@Bean
	PoisonMessageRecoverer poisonMessageRecoverer(StatisticsService statistics) {
		return new PoisonMessageRecoverer(statistics);
	}

	/**
	 * Spring Boot applies this handler to the listener container. No retries: a message that is not a ride
	 * (undeserializable bytes, a JSON ride missing a required field, a tombstone) will never become one, and
	 * counting a ride is in-memory work that would fail the same way again. To also park such messages on a
	 * dead-letter topic, chain a {@code DeadLetterPublishingRecoverer} after the poison recoverer here.
	 */
	@Bean
	DefaultErrorHandler rideErrorHandler(PoisonMessageRecoverer poisonMessages) {
		return new DefaultErrorHandler(poisonMessages, new FixedBackOff(0L, 0L));
	}

}
