package io.ridestream.consumer.stats;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class ChangelogConfiguration {

	/**
	 * Created at startup if missing. Compacted: only each partition's latest snapshot matters, so the topic stays
	 * small however many transactions wrote it.
	 */
	@Bean
	NewTopic statsChangelogTopic(ChangelogProperties changelog) {
		return TopicBuilder.name(changelog.topic())
			.partitions(changelog.partitions())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

}
