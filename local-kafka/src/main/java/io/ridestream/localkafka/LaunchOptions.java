package io.ridestream.localkafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of {@link LocalKafka}. Each option can also come from an environment variable; an argument
 * wins over the environment.
 */
record LaunchOptions(String host, String advertisedHost, int port, int controllerPort, Path dataDir, int nodes,
		Integer node, boolean help) {

	static final String USAGE = """
			Usage: java -jar local-kafka-exec.jar [options]
			Starts a single-node Apache Kafka broker (KRaft, broker + controller) for local development.

			  --host HOST              address to listen on               (KAFKA_HOST, default 127.0.0.1)
			  --advertised-host HOST   address clients are told to use    (KAFKA_ADVERTISED_HOST, default: the
			                           listen address, localhost for 0.0.0.0; in a container, its service name)
			  --port PORT              client (PLAINTEXT) port            (KAFKA_PORT, default 9092)
			  --controller-port PORT   KRaft controller port              (KAFKA_CONTROLLER_PORT, default port + 1)
			  --data-dir DIR           storage, formatted on first start  (KAFKA_DATA_DIR, default ./.run/kafka-data)
			  --nodes N                brokers in the cluster             (KAFKA_NODES, default 1: one node that is
			                           both broker and controller)
			  --node ID                with --nodes N > 1, the node this process runs: broker 1..N (port
			                           PORT + 2 x (ID - 1)) or the controller, 101 (the controller port); each in
			                           DIR/node-ID, all of one cluster
			  --help                   show this help
			""";

	static final int DEFAULT_PORT = 9092;

	static final Path DEFAULT_DATA_DIR = Path.of(".run", "kafka-data");

	private static final Map<String, String> ENVIRONMENT = Map.of("--host", "KAFKA_HOST", "--advertised-host",
			"KAFKA_ADVERTISED_HOST", "--port", "KAFKA_PORT", "--controller-port", "KAFKA_CONTROLLER_PORT", "--data-dir",
			"KAFKA_DATA_DIR", "--nodes", "KAFKA_NODES", "--node", "KAFKA_NODE");

	/**
	 * @throws IllegalArgumentException with a message for the user if an option is unknown or invalid
	 */
	static LaunchOptions parse(String[] args, Map<String, String> environment) {
		Map<String, String> values = new HashMap<>();
		ENVIRONMENT.forEach((option, variable) -> {
			String value = environment.get(variable);
			if (value != null && !value.isBlank()) {
				values.put(option, value.trim());
			}
		});
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				return new LaunchOptions("127.0.0.1", null, DEFAULT_PORT, DEFAULT_PORT + 1, DEFAULT_DATA_DIR, 1, null,
						true);
			}
			int equals = arg.indexOf('=');
			String option = (equals > 0) ? arg.substring(0, equals) : arg;
			if (!ENVIRONMENT.containsKey(option)) {
				throw new IllegalArgumentException("Unknown option: " + arg);
			}
			if (equals > 0) {
				values.put(option, arg.substring(equals + 1));
			}
			else if (i + 1 < args.length) {
				values.put(option, args[++i]);
			}
			else {
				throw new IllegalArgumentException("Missing value for " + option);
			}
		}
		int port = port(values.getOrDefault("--port", String.valueOf(DEFAULT_PORT)), "--port");
		String defaultControllerPort = String.valueOf(port + 1);
		int controllerPort = port(values.getOrDefault("--controller-port", defaultControllerPort), "--controller-port");
		if (controllerPort == port) {
			throw new IllegalArgumentException("--controller-port must differ from --port (" + port + ")");
		}
		String dataDir = values.get("--data-dir");
		int nodes = number(values.getOrDefault("--nodes", "1"), "--nodes", 1, ClusterLayout.MAX_BROKERS);
		Integer node = values.containsKey("--node") ? number(values.get("--node"), "--node", 1, 999) : null;
		if (nodes > 1 && (node == null || !ClusterLayout.isNode(node, nodes))) {
			throw new IllegalArgumentException("--nodes " + nodes + " runs one node a process: give --node 1 to "
					+ nodes + " for a broker or --node " + ClusterLayout.CONTROLLER_ID + " for the controller");
		}
		if (nodes == 1 && node != null) {
			throw new IllegalArgumentException("--node needs --nodes with more than one broker");
		}
		return new LaunchOptions(values.getOrDefault("--host", "127.0.0.1"), values.get("--advertised-host"), port,
				controllerPort, (dataDir != null) ? Path.of(dataDir) : DEFAULT_DATA_DIR, nodes, node, false);
	}

	private static int number(String value, String option, int min, int max) {
		try {
			int number = Integer.parseInt(value.trim());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ": '" + value + "'");
	}

	private static int port(String value, String option) {
		try {
			int port = Integer.parseInt(value.trim());
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " must be a port number between 1 and 65535: '" + value + "'");
	}

}
