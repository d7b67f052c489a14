package io.ridestream.localkafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of {@link LocalKafka}. Each option can also come from an environment variable; an argument
 * wins over the environment.
 */
record LaunchOptions(String host, String advertisedHost, int port, int controllerPort, Path dataDir, boolean help) {

	static final String USAGE = """
			Usage: java -jar local-kafka-exec.jar [options]
			Starts a single-node Apache Kafka broker (KRaft, broker + controller) for local development.

			  --host HOST              address to listen on               (KAFKA_HOST, default 127.0.0.1)
			  --advertised-host HOST   address clients are told to use    (KAFKA_ADVERTISED_HOST, default: the
			                           listen address, localhost for 0.0.0.0; in a container, its service name)
			  --port PORT              client (PLAINTEXT) port            (KAFKA_PORT, default 9092)
			  --controller-port PORT   KRaft controller port              (KAFKA_CONTROLLER_PORT, default port + 1)
			  --data-dir DIR           storage, formatted on first start  (KAFKA_DATA_DIR, default ./.run/kafka-data)
			  --help                   show this help
			""";

	static final int DEFAULT_PORT = 9092;

	static final Path DEFAULT_DATA_DIR = Path.of(".run", "kafka-data");

	private static final Map<String, String> ENVIRONMENT = Map.of("--host", "KAFKA_HOST", "--advertised-host",
			"KAFKA_ADVERTISED_HOST", "--port", "KAFKA_PORT", "--controller-port", "KAFKA_CONTROLLER_PORT", "--data-dir",
			"KAFKA_DATA_DIR");

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
				return new LaunchOptions("127.0.0.1", null, DEFAULT_PORT, DEFAULT_PORT + 1, DEFAULT_DATA_DIR, true);
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
		return new LaunchOptions(values.getOrDefault("--host", "127.0.0.1"), values.get("--advertised-host"), port,
				controllerPort,
				(dataDir != null) ? Path.of(dataDir) : DEFAULT_DATA_DIR, false);
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
