package io.ridestream.producer.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The questions a replay asks the cluster as it starts, with Spring Boot's admin settings: each waits at most
 * {@link #TIMEOUT}, so a replay starts after a few seconds at the latest, and its client is closed within as long
 * (close() without a bound waits for the client's calls, which a broker that never answers holds up for minutes).
 */
@Component
class ShortAdminCalls {

	static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final Map<String, Object> config;

	ShortAdminCalls(KafkaAdmin admin) {
		this.config = new HashMap<>(admin.getConfigurationProperties());
		this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
	}

	<T> T call(Call<T> call) throws InterruptedException, ExecutionException, TimeoutException {
		Admin admin = Admin.create(this.config);
		try {
			return call.on(admin);
		}
		finally {
			admin.close(TIMEOUT);
		}
	}

	@FunctionalInterface
	interface Call<T> {

		T on(Admin admin) throws InterruptedException, ExecutionException, TimeoutException;

	}

}
