package io.ridestream.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.utils.Utils;

/**
 * A local Kafka broker that tests can stop and start again, as a broker restarts in production: same ports and
 * data directory each time, so that clients reconnect to the same address and find their topics and records
 * again. Closing it deletes the data.
 */
public final class RestartableKafka implements AutoCloseable {

	private final int port;

	private final int controllerPort;

	private final Path dataDir;

	private LocalKafkaBroker broker;

	public RestartableKafka() {
		this.port = freePort();
		this.controllerPort = freePort();
		try {
			this.dataDir = Files.createTempDirectory("local-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the broker unless it is running; returns once it accepts clients. */
	public synchronized RestartableKafka start() {
		if (this.broker == null) {
			this.broker = LocalKafkaBroker.builder()
				.port(this.port)
				.controllerPort(this.controllerPort)
				.dataDir(this.dataDir)
				.build()
				.start();
		}
		return this;
	}

	/** Stops the broker, keeping its data, and returns once it is down. */
	public synchronized void stop() {
		if (this.broker != null) {
			this.broker.close();
			this.broker = null;
		}
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	@Override
	public synchronized void close() throws IOException {
		stop();
		Utils.delete(this.dataDir.toFile());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
