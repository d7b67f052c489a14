package io.ridestream.consumer.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The id Kafka gave the rides topic. A topic deleted and created again under the same name has a new id, and its
 * offsets start at 0 again: statistics counted up to an offset of the old topic say nothing about the new one.
 */
@Component
class RidesTopicId implements DisposableBean {

	private static final Log logger = LogFactory.getLog(RidesTopicId.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final String topic;

	private final KafkaAdmin kafkaAdmin;

	private Admin admin;

	RidesTopicId(TopicProperties topic, KafkaAdmin kafkaAdmin) {
		this.topic = topic.name();
		this.kafkaAdmin = kafkaAdmin;
	}

	/** The topic's id as Kafka has it now, or null if it cannot be told (Kafka away, no such topic). */
	synchronized String current() {
		try {
			if (this.admin == null) {
				this.admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
			}
			return this.admin.describeTopics(List.of(this.topic))
				.topicNameValues()
				.get(this.topic)
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.topicId()
				.toString();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			logger.warn("Could not tell the id of topic '" + this.topic + "': " + ex);
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
		}
	}

}
