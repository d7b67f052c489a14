package io.ridestream.topics;

/**
 * A topic whose setting is not what the service declares or needs, found at start-up.
 *
 * @param topic the topic's name
 * @param setting the setting, e.g. {@code replication.factor} or {@code cleanup.policy}
 * @param found its value on the cluster
 * @param wanted the value the service declares
 * @param consequence what the difference costs
 */
public record TopicWeakness(String topic, String setting, String found, String wanted, String consequence) {

	public String message() {
		return "Topic " + this.topic + " has " + this.setting + " " + this.found + ", the service declares "
				+ this.wanted + ": " + this.consequence;
	}

}
