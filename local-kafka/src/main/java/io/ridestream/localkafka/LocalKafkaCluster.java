package io.ridestream.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Utils;

import io.ridestream.localkafka.ClusterMembership.Role;

/**
 * A KRaft cluster on this machine, in this JVM, for tests: brokers 1 to N and a quorum of dedicated controllers
 * (nodes 101, 102...), each on its own free ports of 127.0.0.1 and its own data directory, all formatted with one
 * cluster id. Any broker can be stopped and started again on its own, as a broker restarts in production (same ports,
 * same data), while the others serve.
 *
 * <p>Controllers apart from the brokers, as in production: the metadata quorum outlives the loss of brokers, so
 * partitions move and in-sync replica sets shrink as they would on a real cluster (with every node a voter, losing
 * two of three brokers would also lose the quorum, and no partition would change any more). Closing the cluster
 * deletes its data.
 */
public final class LocalKafkaCluster implements AutoCloseable {

	/** The id of the first controller; brokers are 1 to N. */
	static final int FIRST_CONTROLLER_ID = 101;

	private final List<Node> brokers = new ArrayList<>();

	private final List<Node> controllers = new ArrayList<>();

	private final Path dataDir;

	private LocalKafkaCluster(int brokers, int controllers) {
		if (brokers < 1 || controllers < 1) {
			throw new IllegalArgumentException(
					"A cluster has at least one broker and one controller: " + brokers + " and " + controllers);
		}
		try {
			this.dataDir = Files.createTempDirectory("local-kafka-cluster-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Ports ports = new Ports(InetAddress.getLoopbackAddress());
		Map<Integer, Integer> controllerPorts = new LinkedHashMap<>();
		for (int i = 0; i < controllers; i++) {
			controllerPorts.put(FIRST_CONTROLLER_ID + i, ports.claim(0, "controller " + (FIRST_CONTROLLER_ID + i)));
		}
		String voters = controllerPorts.entrySet()
			.stream()
			.map((voter) -> voter.getKey() + "@" + ServerProperties.hostPort("127.0.0.1", voter.getValue()))
			.collect(Collectors.joining(","));
		String clusterId = Uuid.randomUuid().toString();
		controllerPorts.forEach((id, port) -> this.controllers.add(new Node(
				new ClusterMembership(id, Role.CONTROLLER, voters, brokers, clusterId), 0, port, this.dataDir)));
		for (int id = 1; id <= brokers; id++) {
			this.brokers.add(new Node(new ClusterMembership(id, Role.BROKER, voters, brokers, clusterId),
					ports.claim(0, "broker " + id), 0, this.dataDir));
		}
	}

	/** Starts a cluster of {@code brokers} brokers and one controller; returns once every broker serves clients. */
	public static LocalKafkaCluster start(int brokers) {
		return start(brokers, 1);
	}

	/**
	 * Starts a cluster of {@code brokers} brokers and a quorum of {@code controllers} controllers; returns once every
	 * broker serves clients. Nodes of a kind start together: none is ready before a majority of the quorum is up.
	 */
	public static LocalKafkaCluster start(int brokers, int controllers) {
		LocalKafkaCluster cluster = new LocalKafkaCluster(brokers, controllers);
		try {
			startTogether(cluster.controllers);
			startTogether(cluster.brokers);
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	private static void startTogether(List<Node> nodes) {
		try {
			CompletableFuture.allOf(nodes.stream()
				.map((node) -> CompletableFuture.runAsync(node::start, (task) -> new Thread(task, "start-node").start()))
				.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/** Every broker's address, for {@code bootstrap.servers}. */
	public String bootstrapServers() {
		return this.brokers.stream().map(Node::bootstrapServers).collect(Collectors.joining(","));
	}

	/** One broker's address. */
	public String bootstrapServers(int brokerId) {
		return broker(brokerId).bootstrapServers();
	}

	/** How many brokers the cluster has (running or not). */
	public int brokers() {
		return this.brokers.size();
	}

	/** Stops a broker with a controlled shutdown, keeping its data; the others go on. */
	public void stopBroker(int brokerId) {
		broker(brokerId).stop();
	}

	/** Starts a stopped broker again on its port and data; returns once it serves clients. */
	public void startBroker(int brokerId) {
		broker(brokerId).start();
	}

	@Override
	public void close() {
		this.brokers.forEach(Node::stop);
		this.controllers.forEach(Node::stop);
		try {
			Utils.delete(this.dataDir.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Node broker(int brokerId) {
		if (brokerId < 1 || brokerId > this.brokers.size()) {
			throw new IllegalArgumentException("No broker " + brokerId + " in a cluster of " + this.brokers.size());
		}
		return this.brokers.get(brokerId - 1);
	}

	private static final class Node {

		private final ClusterMembership membership;

		private final int port;

		private final int controllerPort;

		private final Path dataDir;

		private LocalKafkaBroker broker;

		Node(ClusterMembership membership, int port, int controllerPort, Path clusterDir) {
			this.membership = membership;
			this.port = port;
			this.controllerPort = controllerPort;
			this.dataDir = clusterDir.resolve("node-" + membership.nodeId());
		}

		synchronized void start() {
			if (this.broker == null) {
				this.broker = LocalKafkaBroker.builder()
					.port(this.port)
					.controllerPort(this.controllerPort)
					.dataDir(this.dataDir)
					.membership(this.membership)
					.build()
					.start();
			}
		}

		synchronized void stop() {
			if (this.broker != null) {
				this.broker.close();
				this.broker = null;
			}
		}

		String bootstrapServers() {
			return ServerProperties.hostPort("127.0.0.1", this.port);
		}

	}

}
