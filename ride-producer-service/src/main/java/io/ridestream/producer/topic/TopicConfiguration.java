package io.ridestream.producer.topic;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import io.ridestream.topics.Replication;

/**
 * Declares the rides topic; Spring's {@code KafkaAdmin} creates it at startup when the broker lacks it, replicated
 * as the cluster allows (see {@code ridestream.replication}).
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	@Bean
	NewTopic ridesTopic(TopicProperties topic, Replication replication) {
		return replication.applyTo(TopicBuilder.name(topic.name()).partitions(topic.partitions()))
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retentionMs()))
			.build();
	}

}
