package io.ridestream.producer.replay;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.stereotype.Component;

import io.ridestream.producer.topic.TopicProperties;

/**
 * Reads the rides topic's timestamp limits from the cluster (the topic's own settings, or the brokers' defaults it
 * inherits), so that each replay stamps its records with timestamps the brokers accept.
 */
@Component
class TopicTimestampLimits {

	private static final Log logger = LogFactory.getLog(TopicTimestampLimits.class);

	private final ShortAdminCalls admin;

	private final String topic;

	TopicTimestampLimits(ShortAdminCalls admin, TopicProperties topic) {
		this.admin = admin;
		this.topic = topic.name();
	}

	/** The topic's limits now; Kafka's defaults if they cannot be read. */
	TimestampLimits current() {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, this.topic);
		try {
			Config config = this.admin.call((admin) -> admin.describeConfigs(List.of(resource))
				.all()
				.get(ShortAdminCalls.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.get(resource));
			TimestampLimits defaults = TimestampLimits.KAFKA_DEFAULTS;
			return new TimestampLimits(
					millis(config, TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG, defaults.beforeMaxMillis()),
					millis(config, TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, defaults.afterMaxMillis()),
					"LogAppendTime".equals(value(config, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return TimestampLimits.KAFKA_DEFAULTS;
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException ex) {
			logger.warn("Cannot read the timestamp limits of topic '" + this.topic + "', assuming Kafka's defaults: "
					+ ex);
			return TimestampLimits.KAFKA_DEFAULTS;
		}
	}

	private static long millis(Config config, String name, long fallback) {
		String value = value(config, name);
		return (value != null) ? Long.parseLong(value) : fallback;
	}

	private static String value(Config config, String name) {
		ConfigEntry entry = config.get(name);
		return (entry != null) ? entry.value() : null;
	}

}
