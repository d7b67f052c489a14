package io.ridestream.e2e;

import java.util.HashMap;
import java.util.Map;

/**
 * Both services from their packaged jars, the producer first so that it creates the rides topic with its
 * partitions before the consumer subscribes.
 */
record Services(ServiceProcess producer, ServiceProcess consumer) implements AutoCloseable {

	/** Starts both against these brokers, with these further environment variables. */
	static Services start(String bootstrapServers, Map<String, String> environment) {
		Map<String, String> all = new HashMap<>(environment);
		all.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
		ServiceProcess producer = ServiceProcess.start("ride-producer-service", all);
		try {
			return new Services(producer, ServiceProcess.start("ride-consumer-service", all));
		}
		catch (RuntimeException ex) {
			producer.close();
			throw ex;
		}
	}

	@Override
	public void close() {
		this.consumer.close();
		this.producer.close();
	}

}
