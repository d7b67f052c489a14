package io.ridestream.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.utils.Utils;

/**
 * A cluster of launcher processes on this machine, one node each, as {@code KAFKA_NODES=3 ./run-local.sh} runs
 * it: brokers 1..N and controller {@value ClusterLayout#CONTROLLER_ID}, each its own JVM, which can be killed
 * ({@code kill -9}: no shutdown hook, no controlled shutdown) and started again on its data. For tests of what a
 * lost broker does to its clients. Closing it kills every node and deletes the data.
 */
public final class KafkaProcessCluster implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Path directory;

	private final ClusterLayout layout;

	private final Map<Integer, LauncherProcess> nodes = new TreeMap<>();

	private int launches;

	private KafkaProcessCluster(Path directory, ClusterLayout layout) {
		this.directory = directory;
		this.layout = layout;
	}

	/** Starts a controller and this many brokers on free ports; returns once every node is ready. */
	public static KafkaProcessCluster start(int brokers) {
		try {
			Path directory = Files.createTempDirectory("kafka-cluster-");
			int controllerPort = LauncherProcess.freePort();
			ClusterLayout layout = new ClusterLayout("127.0.0.1", freeBrokerPorts(brokers), controllerPort,
					directory.resolve("data"), brokers);
			KafkaProcessCluster cluster = new KafkaProcessCluster(directory, layout);
			try {
				cluster.launch(ClusterLayout.CONTROLLER_ID);
				IntStream.rangeClosed(1, brokers).forEach(cluster::launch);
				for (int id : cluster.nodes.keySet()) {
					cluster.awaitReady(id);
				}
				return cluster;
			}
			catch (RuntimeException ex) {
				cluster.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every broker's address. */
	public String bootstrapServers() {
		return IntStream.rangeClosed(1, this.layout.brokers())
			.mapToObj(this::bootstrapServers)
			.collect(Collectors.joining(","));
	}

	/** One broker's address. */
	public String bootstrapServers(int brokerId) {
		return ServerProperties.hostPort(this.layout.connectHost(), this.layout.brokerPort(brokerId));
	}

	public int brokers() {
		return this.layout.brokers();
	}

	/** Kills the node's process at once, as {@code kill -9} does; its data stays. */
	public void killNode(int id) {
		LauncherProcess node = this.nodes.remove(id);
		if (node != null) {
			try {
				node.kill();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while killing node " + id, ex);
			}
		}
	}

	/** Starts a killed node again on its data; returns once it is ready. */
	public void startNode(int id) {
		if (!this.nodes.containsKey(id)) {
			launch(id);
			awaitReady(id);
		}
	}

	public boolean isNodeRunning(int id) {
		LauncherProcess node = this.nodes.get(id);
		return node != null && node.process().isAlive();
	}

	@Override
	public void close() {
		for (int id : List.copyOf(this.nodes.keySet())) {
			killNode(id);
		}
		try {
			Utils.delete(this.directory.toFile());
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

	private void launch(int id) {
		try {
			this.nodes.put(id, LauncherProcess.launch(this.directory, "node-" + id + "-" + (++this.launches), Map.of(),
					"--nodes", String.valueOf(this.layout.brokers()), "--node", String.valueOf(id), "--host",
					this.layout.connectHost(), "--port", String.valueOf(this.layout.port()), "--controller-port",
					String.valueOf(this.layout.controllerPort()), "--data-dir", this.layout.dataDir().toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady(int id) {
		LauncherProcess node = this.nodes.get(id);
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!node.stdout().contains(" ready on ")) {
			if (!node.process().isAlive()) {
				throw new LocalKafkaException("Kafka node " + id + " exited with status " + node.process().exitValue()
						+ ": " + node.stderr());
			}
			if (System.nanoTime() > deadline) {
				throw new LocalKafkaException("Kafka node " + id + " was not ready within " + START_TIMEOUT.toSeconds()
						+ " s: " + node.stderr());
			}
			try {
				Thread.sleep(100); // polls the node's output; a process offers no readiness callback
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while starting node " + id, ex);
			}
		}
	}

	/**
	 * A free port of 127.0.0.1 with the ports 2, 4... above it free too: the first broker's port of a cluster of
	 * launcher processes (or of {@code KAFKA_NODES=N ./run-local.sh}), whose brokers listen two ports apart.
	 */
	public static int freeBrokerPorts(int count) throws IOException {
		for (int attempt = 0; attempt < 50; attempt++) {
			int first = LauncherProcess.freePort();
			List<ServerSocket> taken = new ArrayList<>();
			try {
				for (int i = 1; i < count; i++) {
					taken.add(new ServerSocket(first + 2 * i, 1, InetAddress.getLoopbackAddress()));
				}
				return first;
			}
			catch (IOException ex) {
				// one of them is taken: try another
			}
			finally {
				for (ServerSocket socket : taken) {
					socket.close();
				}
			}
		}
		throw new IOException("No free ports two apart for " + count + " brokers");
	}

}
