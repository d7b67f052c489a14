package io.ridestream.topics;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@link Replication} the services declare their topics with, and the {@link TopicAudit} of the topics found.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(ReplicationProperties.class)
public class ReplicationAutoConfiguration {

	/** The cluster is asked only when the service creates its topics ({@code spring.kafka.admin.auto-create}). */
	@Bean
	@ConditionalOnMissingBean
	Replication topicReplication(KafkaAdmin kafkaAdmin, KafkaProperties kafka, ReplicationProperties properties) {
		return ClusterReplication.resolve(kafkaAdmin, properties, kafka.getAdmin().isAutoCreate());
	}

	@Bean
	@ConditionalOnMissingBean
	TopicAudit topicAudit(KafkaAdmin kafkaAdmin, ObjectProvider<NewTopic> topics, Replication replication,
			ReplicationProperties properties) {
		return new TopicAudit(kafkaAdmin, topics, replication, properties.clusterTimeout());
	}

}
