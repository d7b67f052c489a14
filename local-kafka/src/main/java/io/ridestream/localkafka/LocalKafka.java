package io.ridestream.localkafka;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Command-line launcher: runs a {@link LocalKafkaBroker} until the process is stopped (Ctrl-C or SIGTERM, which
 * trigger a controlled shutdown).
 *
 * <p>The console gets one line when the broker is ready, warnings and errors; Kafka's full log goes to
 * {@code server.log} in the data directory. Exit status: 1 if the broker cannot start, 2 for invalid options.
 */
public final class LocalKafka {

	private LocalKafka() {
	}

	public static void main(String[] args) throws InterruptedException {
		LaunchOptions options = parseOrExit(args);
		if (options.help()) {
			System.out.print(LaunchOptions.USAGE);
			return;
		}
		ClusterLayout layout = (options.node() != null) ? new ClusterLayout(connectHost(options), options.port(),
				options.controllerPort(), options.dataDir(), options.nodes()) : null;
		Path dataDir = prepareOrExit((layout != null) ? layout.dataDir(options.node()) : options.dataDir());
		// Before anything creates a logger: Kafka's classes log as soon as they are loaded.
		Path logFile = LauncherLogging.writeTo(dataDir);

		LocalKafkaBroker.Builder builder = LocalKafkaBroker.builder()
			.host(options.host())
			.port((layout != null) ? layout.brokerPort(options.node()) : options.port())
			.controllerPort(options.controllerPort())
			.dataDir(dataDir);
		if (options.advertisedHost() != null) {
			builder.advertisedHost(options.advertisedHost());
		}
		if (layout != null) {
			builder.membership(layout.membership(options.node()));
		}
		LocalKafkaBroker broker = builder.build();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "local-kafka-shutdown"));
		try {
			broker.start();
		}
		catch (LocalKafkaException ex) {
			LauncherLogging.logFailure(ex);
			exit(1, ex.getMessage() + "\nDetails in " + logFile);
		}
		catch (RuntimeException ex) {
			LauncherLogging.logFailure(ex);
			exit(1, "Unexpected error while starting Kafka: " + LocalKafkaBroker.describe(ex) + "\nDetails in " + logFile);
		}
		String node = (layout == null) ? "broker"
				: (options.node() == ClusterLayout.CONTROLLER_ID) ? "controller " + options.node() : "broker " + options.node();
		String address = (layout != null && options.node() == ClusterLayout.CONTROLLER_ID)
				? ServerProperties.hostPort(layout.connectHost(), broker.controllerPort()) : broker.bootstrapServers();
		System.out.println(String.format(Locale.ROOT, "Kafka %s ready on %s (data in %s, started in %.1f s)", node,
				address, dataDir, broker.startupTime().toMillis() / 1000.0));
		broker.awaitShutdown();
	}

	/** The address the nodes of a cluster reach each other's controller at. */
	private static String connectHost(LaunchOptions options) {
		if (options.advertisedHost() != null) {
			return options.advertisedHost();
		}
		return options.host().equals("0.0.0.0") || options.host().equals("::") ? "localhost" : options.host();
	}

	private static LaunchOptions parseOrExit(String[] args) {
		try {
			return LaunchOptions.parse(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			exit(2, ex.getMessage() + "\n\n" + LaunchOptions.USAGE);
			throw ex;
		}
	}

	private static Path prepareOrExit(Path dataDir) {
		try {
			return DataDirectory.prepare(dataDir);
		}
		catch (LocalKafkaException ex) {
			exit(1, ex.getMessage());
			throw ex;
		}
	}

	private static void exit(int status, String message) {
		System.err.println("local-kafka: " + message);
		System.exit(status);
	}

}
