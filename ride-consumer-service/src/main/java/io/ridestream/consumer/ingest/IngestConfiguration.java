package io.ridestream.consumer.ingest;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.util.backoff.FixedBackOff;

import io.ridestream.topics.Replication;

/**
 * The transactions the listener counts in, and what happens when one fails.
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
	 * Spring Boot's transaction manager, with transaction synchronization, which tells the listener whether each
	 * batch's transaction committed. Boot applies it to the listener container.
	 */
	@Bean
	KafkaTransactionManager<?, ?> kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
		KafkaTransactionManager<?, ?> transactions = new KafkaTransactionManager<>(producerFactory);
		transactions.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
		return transactions;
	}

	/**
	 * Writes dead letters in the listener's transaction (the template shares the transaction manager's producer
	 * factory).
	 */
	@Bean
	DeadLetterPublisher deadLetterPublisher(KafkaTemplate<String, byte[]> template, DeadLetterProperties deadLetter) {
		return new DeadLetterPublisher(template, deadLetter.topic());
	}

	/**
	 * After a batch's transaction rolled back (the dead-letter topic or the changelog could not be written, Kafka
	 * went away), nothing of it is counted: its partitions go back to the batch's first offsets and are read again
	 * after the retry interval, for as long as it takes. The statistics are never advanced past a message that was
	 * not handled. The partitions that keep failing are shown by {@link StalledPartitions}.
	 */
	@Bean
	DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(TopicProperties topic,
			StalledPartitions stalled) {
		return new DefaultAfterRollbackProcessor<>(
				new FixedBackOff(topic.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)) {

			@Override
			public void processBatch(ConsumerRecords<Object, Object> records, List<ConsumerRecord<Object, Object>> recordList,
					Consumer<Object, Object> consumer, MessageListenerContainer container, Exception exception,
					boolean recoverable, ContainerProperties.EOSMode eosMode) {
				stalled.failed(records.partitions().stream().map(TopicPartition::partition).toList(), exception);
				super.processBatch(records, recordList, consumer, container, exception, recoverable, eosMode);
			}

		};
	}

}
