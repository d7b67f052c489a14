package io.ridestream.producer.replay;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;


import org.springframework.stereotype.Component;

import io.ridestream.producer.topic.TopicProperties;
import io.ridestream.topics.TopicWritability;

/**
 * Asks the cluster whether it takes writes to the rides topic now, so that a replay Kafka would refuse fails at
 * once and says why (e.g. too few in-sync replicas with two of three brokers down) instead of after every send
 * has timed out.
 */
@Component
class TopicWritabilityCheck {

	private final ShortAdminCalls admin;

	private final String topic;

	TopicWritabilityCheck(ShortAdminCalls admin, TopicProperties topic) {
		this.admin = admin;
		this.topic = topic.name();
	}

	/** What the cluster says about writes to the topic now. */
	Writability check() {
		try {
			return new Writability(true,
					this.admin.call((admin) -> TopicWritability.problem(admin, this.topic, ShortAdminCalls.TIMEOUT)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Writability(false, Optional.empty());
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return new Writability(false, Optional.empty());
		}
	}

	/**
	 * @param answered whether the cluster answered (if not, Kafka is unreachable or too slow to tell)
	 * @param refusal why Kafka refuses writes to the topic, if it does
	 */
	record Writability(boolean answered, Optional<String> refusal) {

	}

}
