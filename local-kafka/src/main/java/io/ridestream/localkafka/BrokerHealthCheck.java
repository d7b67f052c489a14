package io.ridestream.localkafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A container healthcheck for the broker: healthy only when the broker answers a metadata request with itself in
 * the cluster, not merely when its port is open. Exits 0 when healthy, 1 with the reason otherwise.
 *
 * <pre>java -cp local-kafka.jar io.ridestream.localkafka.BrokerHealthCheck [bootstrap-servers]</pre>
 */
public final class BrokerHealthCheck {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private BrokerHealthCheck() {
	}

	public static void main(String[] args) {
		String bootstrapServers = (args.length > 0) ? args[0] : "localhost:" + LaunchOptions.DEFAULT_PORT;
		String problem = problem(bootstrapServers, TIMEOUT);
		if (problem != null) {
			System.err.println("Kafka at " + bootstrapServers + " is not serving: " + problem);
			System.exit(1);
		}
		System.out.println("Kafka at " + bootstrapServers + " is serving");
	}

	/** Why the broker does not serve, or null when it does. */
	static String problem(String bootstrapServers, Duration timeout) {
		int millis = (int) timeout.toMillis();
		Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				millis, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
		try {
			int nodes = admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS).size();
			return (nodes > 0) ? null : "the cluster has no broker";
		}
		catch (ExecutionException ex) {
			return String.valueOf(ex.getCause());
		}
		catch (TimeoutException ex) {
			return "no answer within " + timeout.toSeconds() + " s";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		finally {
			// Bounded: close() waits for the client's calls to end, and a call to a port that accepts connections
			// but never answers can outlive its timeouts (seen: the check hung for minutes).
			admin.close(Duration.ofSeconds(1));
		}
	}

}
