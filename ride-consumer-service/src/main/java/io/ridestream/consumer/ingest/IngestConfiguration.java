package io.ridestream.consumer.ingest;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

import io.ridestream.consumer.stats.ChangelogProperties;
import io.ridestream.topics.Replication;

/**
 * The dead-letter topic, and the listener container that leaves the transactions to the listener.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	/** Created at startup if missing; kept for ever, like the rides, until someone has looked at them. */
	@Bean
	NewTopic deadLetterTopic(DeadLetterProperties deadLetter, Replication replication) {
		return replication.applyTo(TopicBuilder.name(deadLetter.topic()).partitions(deadLetter.partitions()))
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.build();
	}

	/**
	 * The listener commits its own transactions, each spanning the batches of a commit interval, so the container
	 * must not begin and commit one per poll (Spring Boot gives it the transaction manager it makes for the
	 * transaction-id-prefix), nor commit offsets outside them (acknowledgements are manual, and never made). It polls
	 * at least once a commit interval, and says when it has been idle that long, so that the last counts are
	 * committed.
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> checkpointingContainer(
			ChangelogProperties changelog) {
		return (container) -> {
			ContainerProperties properties = container.getContainerProperties();
			properties.setKafkaAwareTransactionManager(null);
			properties.setTransactionManager(null);
			properties.setAckMode(ContainerProperties.AckMode.MANUAL);
			properties.setPollTimeout(changelog.commitInterval().toMillis());
			properties.setIdleEventInterval(changelog.commitInterval().toMillis());
			properties.setIdleBeforeDataMultiplier(1.0);
		};
	}

	/**
	 * Writes dead letters in the transaction of the commit that counts them.
	 */
	@Bean
	DeadLetterPublisher deadLetterPublisher(KafkaTemplate<String, byte[]> template, DeadLetterProperties deadLetter) {
		return new DeadLetterPublisher(template, deadLetter.topic());
	}

}
