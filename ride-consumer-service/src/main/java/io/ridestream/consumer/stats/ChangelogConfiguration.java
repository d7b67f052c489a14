package io.ridestream.consumer.stats;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import io.ridestream.topics.Replication;

@Configuration(proxyBeanMethods = false)
class ChangelogConfiguration {

	/**
	 * Created at startup if missing. Compacted: only each partition's latest snapshot and the latest figures of
	 * each window matter, so the topic stays small however many transactions wrote it. Segments of at most 16 MB
	 * or 10 minutes, because compaction only cleans closed segments: the windows change with every commit, and a
	 * starting instance reads the whole topic before it is ready.
	 */
	@Bean
	NewTopic statsChangelogTopic(ChangelogProperties changelog, Replication replication) {
		return replication.applyTo(TopicBuilder.name(changelog.topic()).partitions(changelog.partitions()))
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.config(TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024))
			.config(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofMinutes(10).toMillis()))
			.build();
	}

}
