package io.ridestream.producer.replay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.ProducerListener;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

	/**
	 * Replaces Spring Kafka's default listener, which logs every failed send with its payload: a replay against
	 * a dead broker would log thousands of rides. Each failure is counted by its job, which reports the first.
	 */
	@Bean
	ProducerListener<Object, Object> quietProducerListener() {
		return new ProducerListener<>() {
		};
	}

}
