package io.ridestream.producer.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the readiness probe checks Kafka.
 *
 * @param timeout how long to wait for the cluster to answer before reporting it down
 * @param cacheFor how long an answer is reused, so that frequent probes do not each ask the brokers
 */
@ConfigurationProperties("ridestream.health.kafka")
record KafkaHealthProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("1s") Duration cacheFor) {
}
