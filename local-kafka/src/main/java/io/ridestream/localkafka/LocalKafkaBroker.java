package io.ridestream.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker running inside this JVM: Kafka's own {@link KafkaRaftServer} in KRaft
 * combined mode (broker and controller in one node), with its storage formatted on first start.
 *
 * <pre>
 * try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().build().start()) {
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 *     ...
 * }
 * </pre>
 *
 * <p>Clients connect on the {@value #CLIENT_LISTENER} listener; more listeners (for example {@code SASL_PLAINTEXT})
 * and any server property can be added through the {@link Builder}. A broker starts once; to restart on the same
 * data, build a new one with the same {@linkplain Builder#dataDir(Path) data directory}.
 */
public final class LocalKafkaBroker implements AutoCloseable {

	/** Name of the plaintext listener clients use by default. */
	public static final String CLIENT_LISTENER = "PLAINTEXT";

	/** Name of the listener the KRaft controller uses. */
	public static final String CONTROLLER_LISTENER = "CONTROLLER";

	/** Sub-directory of the data directory that Kafka uses as its {@code log.dirs}. */
	static final String LOG_DIR_NAME = "kraft-combined-logs";

	private static final Logger logger = LoggerFactory.getLogger(LocalKafkaBroker.class);

	private enum State {

		NEW, RUNNING, FAILED, CLOSED

	}

	private final String host;

	/** The host clients are told to connect to, or null for the bind host. */
	private final String advertisedHost;

	/** The {@value #CLIENT_LISTENER} listener first, then the added ones. */
	private final List<Listener> requestedListeners;

	private final int requestedControllerPort;

	private final Path requestedDataDir;

	private final Map<String, String> serverProperties;

	/** The node's place in a cluster of several, or null for node 1 alone. */
	private final ClusterMembership membership;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private State state = State.NEW;

	private KafkaRaftServer server;

	private Path dataDir;

	/** The host clients connect to: the bind host, or {@code localhost} when binding to all interfaces. */
	private String connectHost;

	private Map<String, Listener> listeners = Map.of();

	private int controllerPort;

	private boolean storageFormatted;

	private Duration startupTime;

	private LocalKafkaBroker(Builder builder) {
		this.host = builder.host;
		this.advertisedHost = builder.advertisedHost;
		this.requestedListeners = List.copyOf(builder.listeners.values());
		this.requestedControllerPort = builder.controllerPort;
		this.requestedDataDir = builder.dataDir;
		this.serverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.serverProperties));
		this.membership = builder.membership;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Formats the storage if the data directory is new, starts the broker and returns once it accepts clients.
	 * @return this broker, for chaining
	 * @throws LocalKafkaException if the broker cannot start (port in use, data directory not writable, invalid
	 * configuration...); nothing is left running then
	 */
	public synchronized LocalKafkaBroker start() {
		if (this.state != State.NEW) {
			throw new IllegalStateException("A LocalKafkaBroker starts only once; build a new one to restart");
		}
		long startedAt = System.nanoTime();
		try {
			this.dataDir = (this.requestedDataDir != null) ? DataDirectory.prepare(this.requestedDataDir)
					: createTemporaryDataDir();
			KafkaConfig config = resolveConfig();
			this.storageFormatted = formatStorage(config);
			startServer(config);
		}
		catch (RuntimeException ex) {
			this.state = State.FAILED;
			deleteTemporaryDataDir();
			this.stopped.countDown();
			throw ex;
		}
		this.startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
		this.state = State.RUNNING;
		logger.info("Kafka {} ready on {} in {} ms (data in {}, storage {})", describeNode(), address(),
				this.startupTime.toMillis(), this.dataDir, this.storageFormatted ? "formatted now" : "reused");
		return this;
	}

	private KafkaConfig resolveConfig() {
		InetAddress address = resolve(this.host);
		this.connectHost = (this.advertisedHost != null) ? this.advertisedHost
				: address.isAnyLocalAddress() ? "localhost" : this.host;
		Ports ports = new Ports(address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address);
		Map<String, Listener> resolved = new LinkedHashMap<>();
		if (isBroker()) {
			for (Listener listener : this.requestedListeners) {
				resolved.put(listener.name(),
						listener.withPort(ports.claim(listener.port(), listener.name() + " listener")));
			}
		}
		int requestedClientPort = this.requestedListeners.get(0).port();
		int controller = (this.requestedControllerPort >= 0) ? this.requestedControllerPort
				: (requestedClientPort != 0) ? requestedClientPort + 1 : 0;
		this.controllerPort = isController() ? ports.claim(controller, "controller") : -1;
		this.listeners = Collections.unmodifiableMap(resolved);
		Map<String, String> properties = ServerProperties.build(this.host, this.connectHost,
				new ArrayList<>(resolved.values()), this.controllerPort, this.dataDir.resolve(LOG_DIR_NAME),
				this.membership, this.serverProperties);
		try {
			return new KafkaConfig(properties);
		}
		catch (ConfigException ex) {
			throw new LocalKafkaException("Invalid Kafka broker configuration: " + ex.getMessage(), ex);
		}
	}

	private boolean formatStorage(KafkaConfig config) {
		try {
			return KraftStorage.formatIfNeeded(config, (this.membership != null) ? this.membership.clusterId() : null);
		}
		catch (Exception ex) {
			throw new LocalKafkaException("Cannot format Kafka storage in " + this.dataDir + ": " + describe(ex), ex);
		}
	}

	private void startServer(KafkaConfig config) {
		try {
			this.server = new KafkaRaftServer(config, Time.SYSTEM);
		}
		catch (RuntimeException ex) {
			throw new LocalKafkaException("Kafka broker failed to start: " + describe(ex), ex);
		}
		try {
			this.server.startup();
		}
		catch (RuntimeException ex) {
			// A failing broker does not stop the controller that already started in the same node.
			stopServer();
			throw new LocalKafkaException("Kafka broker failed to start: " + describe(ex), ex);
		}
	}

	/** Bootstrap servers of the {@value #CLIENT_LISTENER} listener, for example {@code 127.0.0.1:9092}. */
	public String bootstrapServers() {
		return bootstrapServers(CLIENT_LISTENER);
	}

	/** Bootstrap servers of the named listener (one added with {@link Builder#listener}). */
	public synchronized String bootstrapServers(String listenerName) {
		requireStarted();
		Listener listener = this.listeners.get(listenerName.toUpperCase(Locale.ROOT));
		if (listener == null) {
			throw new IllegalArgumentException("No listener named " + listenerName + "; listeners are "
					+ this.listeners.keySet());
		}
		return ServerProperties.hostPort(this.connectHost, listener.port());
	}

	/** The port of the {@value #CLIENT_LISTENER} listener, resolved if 0 was requested. */
	public synchronized int port() {
		requireStarted();
		return this.listeners.get(CLIENT_LISTENER).port();
	}

	public synchronized int controllerPort() {
		requireStarted();
		return this.controllerPort;
	}

	/** The data directory: Kafka's logs are in its {@value #LOG_DIR_NAME} sub-directory. */
	public synchronized Path dataDir() {
		requireStarted();
		return this.dataDir;
	}

	/** Whether this start formatted new storage (an empty cluster), rather than reusing existing data. */
	public synchronized boolean storageFormatted() {
		requireStarted();
		return this.storageFormatted;
	}

	/** How long {@link #start()} took, from the first check to the broker accepting clients. */
	public synchronized Duration startupTime() {
		requireStarted();
		return this.startupTime;
	}

	/**
	 * Stops the broker with a controlled shutdown and waits until it is down. A temporary data directory is
	 * deleted; one given to the builder is kept. Does nothing if the broker is not running.
	 */
	@Override
	public synchronized void close() {
		if (this.state == State.RUNNING) {
			logger.info("Stopping Kafka {} on {}", describeNode(), address());
			stopServer();
			deleteTemporaryDataDir();
			logger.info("Kafka {} stopped", describeNode());
		}
		if (this.state != State.FAILED) {
			this.state = State.CLOSED;
		}
		this.stopped.countDown();
	}

	/** Blocks until the broker has been {@linkplain #close() closed} (or failed to start). */
	public void awaitShutdown() throws InterruptedException {
		this.stopped.await();
	}

	private void stopServer() {
		try {
			this.server.shutdown();
			this.server.awaitShutdown();
		}
		catch (RuntimeException ex) {
			logger.warn("Kafka broker did not shut down cleanly", ex);
		}
	}

	private boolean isBroker() {
		return this.membership == null || this.membership.role().broker();
	}

	private boolean isController() {
		return this.membership == null || this.membership.role().controller();
	}

	private String describeNode() {
		return (this.membership == null) ? "broker"
				: this.membership.role().name().toLowerCase(Locale.ROOT) + " node " + this.membership.nodeId();
	}

	/** Where clients reach a broker, or the quorum a controller. */
	private String address() {
		return isBroker() ? bootstrapServers() : ServerProperties.hostPort(this.connectHost, this.controllerPort);
	}

	/** The settings resolved by {@link #start()} stay readable after {@link #close()}. */
	private void requireStarted() {
		if (this.startupTime == null) {
			throw new IllegalStateException("The Kafka broker has not been started");
		}
	}

	private Path createTemporaryDataDir() {
		try {
			return Files.createTempDirectory("local-kafka-");
		}
		catch (IOException ex) {
			throw new LocalKafkaException("Cannot create a temporary Kafka data directory: " + ex.getMessage(), ex);
		}
	}

	private void deleteTemporaryDataDir() {
		if (this.requestedDataDir != null || this.dataDir == null) {
			return;
		}
		try {
			Utils.delete(this.dataDir.toFile());
		}
		catch (IOException ex) {
			logger.warn("Could not delete temporary Kafka data directory {}", this.dataDir, ex);
		}
	}

	private static InetAddress resolve(String host) {
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			throw new LocalKafkaException("Unknown host for the Kafka listeners: " + host, ex);
		}
	}

	/** Kafka's message, plus the root cause's when it adds something (a bind error, a lock held by another process). */
	static String describe(Throwable ex) {
		String message = Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getSimpleName());
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root != ex && root.getMessage() != null && !message.contains(root.getMessage())) {
			message += " (" + root.getMessage() + ")";
		}
		return message;
	}

	/**
	 * Settings of a {@link LocalKafkaBroker}. Defaults: host {@code 127.0.0.1}, any free port, a temporary data
	 * directory deleted on close.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private String advertisedHost;

		private final Map<String, Listener> listeners = new LinkedHashMap<>();

		private int controllerPort = -1;

		private Path dataDir;

		private final Map<String, String> serverProperties = new LinkedHashMap<>();

		private ClusterMembership membership;

		private Builder() {
			this.listeners.put(CLIENT_LISTENER, new Listener(CLIENT_LISTENER, SecurityProtocol.PLAINTEXT, 0));
		}

		/** Address the listeners bind to and advertise ({@code localhost} is advertised for a wildcard). */
		public Builder host(String host) {
			this.host = Objects.requireNonNull(host, "host");
			return this;
		}

		/**
		 * The host clients are told to connect to, instead of the bind host: the name other containers know the
		 * broker's container by, when it binds to every interface in one.
		 */
		public Builder advertisedHost(String advertisedHost) {
			this.advertisedHost = Objects.requireNonNull(advertisedHost, "advertisedHost");
			return this;
		}

		/** Port of the {@value #CLIENT_LISTENER} listener; 0 (the default) picks a free port. */
		public Builder port(int port) {
			this.listeners.put(CLIENT_LISTENER, new Listener(CLIENT_LISTENER, SecurityProtocol.PLAINTEXT, port));
			return this;
		}

		/** Port of the KRaft controller; 0 picks a free one. Defaults to port + 1, or a free port if port is 0. */
		public Builder controllerPort(int controllerPort) {
			if (controllerPort < 0 || controllerPort > 65535) {
				throw new IllegalArgumentException("Controller port must be between 0 and 65535: " + controllerPort);
			}
			this.controllerPort = controllerPort;
			return this;
		}

		/** Where the broker keeps its data; formatted on first use and reused afterwards. */
		public Builder dataDir(Path dataDir) {
			this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
			return this;
		}

		/**
		 * Adds a listener, for example {@code listener("SASL", SecurityProtocol.SASL_PLAINTEXT, 0)}. Its security
		 * settings (such as {@code listener.name.sasl.plain.sasl.jaas.config} and {@code sasl.enabled.mechanisms})
		 * are passed with {@link #serverProperty}.
		 */
		public Builder listener(String name, SecurityProtocol protocol, int port) {
			Listener listener = new Listener(name, protocol, port);
			if (listener.name().equals(CLIENT_LISTENER) || listener.name().equals(CONTROLLER_LISTENER)) {
				throw new IllegalArgumentException("Listener name " + listener.name() + " is reserved");
			}
			this.listeners.put(listener.name(), listener);
			return this;
		}

		/**
		 * Sets any Kafka server property, as in {@code server.properties}; applied after, and so overriding, the
		 * single-node defaults.
		 */
		public Builder serverProperty(String name, String value) {
			this.serverProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
			return this;
		}

		public Builder serverProperties(Map<String, String> properties) {
			properties.forEach(this::serverProperty);
			return this;
		}

		/** Makes this broker one node of a cluster ({@link LocalKafkaCluster}); alone by default. */
		Builder membership(ClusterMembership membership) {
			this.membership = Objects.requireNonNull(membership, "membership");
			return this;
		}

		public LocalKafkaBroker build() {
			return new LocalKafkaBroker(this);
		}

	}

}
