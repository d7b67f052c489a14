package io.ridestream.consumer.ingest;

import java.util.Map;

import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.model.Ride;
import io.ridestream.model.RideSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * What happens to a message the listener cannot count: it goes to the dead-letter topic and the partition moves
 * on.
 */
@Configuration(proxyBeanMethods = false)
class ErrorHandlingConfiguration {

	/** Created at startup if missing; kept for ever, like the rides, until someone has looked at them. */
	@Bean
	NewTopic deadLetterTopic(DeadLetterProperties deadLetter) {
		return TopicBuilder.name(deadLetter.topic())
			.partitions(deadLetter.partitions())
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.build();
	}

	/**
	 * Writes dead letters with the {@code spring.kafka.producer.*} settings. The value is what the consumer read:
	 * the raw bytes of a message that did not deserialize, nothing for a tombstone, or a ride the listener failed
	 * on. Setting {@code spring.kafka.producer.transaction-id-prefix} makes the producer transactional.
	 */
	@Bean
	KafkaTemplate<String, Object> deadLetterTemplate(KafkaProperties kafka) {
		Serializer<Object> values = new DelegatingByTypeSerializer(
				Map.<Class<?>, Serializer<?>>of(byte[].class, new ByteArraySerializer(), Ride.class, new RideSerializer()));
		DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties(), new StringSerializer(), values);
		String transactionIdPrefix = kafka.getProducer().getTransactionIdPrefix();
		if (transactionIdPrefix != null) {
			producers.setTransactionIdPrefix(transactionIdPrefix);
		}
		return new KafkaTemplate<>(producers);
	}

	@Bean
	HandledOffsets handledOffsets() {
		return new HandledOffsets();
	}

	@Bean
	PoisonMessageRecoverer poisonMessageRecoverer(KafkaTemplate<String, Object> deadLetterTemplate,
			DeadLetterProperties deadLetter, HandledOffsets handledOffsets, StatisticsService statistics) {
		return new PoisonMessageRecoverer(new DeadLetterPublisher(deadLetterTemplate, deadLetter.topic()),
				handledOffsets, statistics);
	}

	/**
	 * Spring Boot applies this handler to the listener container. A message that is not a ride (undeserializable
	 * bytes, a ride breaking the schema, a tombstone) will never become one, so it is dead-lettered after one
	 * immediate redelivery. While the dead-letter topic cannot be written (broker or partition down), the message
	 * is neither skipped nor counted: the handler keeps it and tries again after each retry interval, so its
	 * partition stands still until it can be parked. Nothing is lost, and the partition catches up afterwards.
	 */
	@Bean
	DefaultErrorHandler rideErrorHandler(PoisonMessageRecoverer poisonMessages, DeadLetterProperties deadLetter) {
		DefaultErrorHandler handler = new DefaultErrorHandler(poisonMessages,
				new DeadLetterBackOff(deadLetter.retryInterval()));
		// Every failure goes through the back-off, also those Spring Kafka would recover at once (and, should the
		// dead-letter topic be unwritable, again at once without a pause).
		handler.setClassifications(Map.of(), true);
		// After a failed recovery, go on with the back-off (pause, then try again) instead of starting it afresh.
		handler.setResetStateOnRecoveryFailure(false);
		return handler;
	}

}
