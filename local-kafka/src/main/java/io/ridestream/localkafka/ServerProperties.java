package io.ridestream.localkafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server configuration of a KRaft node with a static controller quorum: by default node 1 alone, both broker and
 * controller (combined mode); in a {@link LocalKafkaCluster}, a broker or a controller. Replication follows the
 * number of brokers: topics (by default) and the internal ones get min(3, brokers) replicas and, from 3 brokers on,
 * need 2 in sync, so that one broker may die without losing a committed record, offset or transaction; and no
 * out-of-sync replica is ever elected leader.
 */
final class ServerProperties {

	private ServerProperties() {
	}

	/**
	 * @param bindHost the address the listeners bind to
	 * @param connectHost the address clients and the quorum use to reach them
	 * @param listeners the client listeners, the first one also used between brokers, all with resolved ports
	 * @param controllerPort the resolved controller port
	 * @param logDir where Kafka keeps its log segments and metadata log
	 * @param membership the node's id and the cluster's quorum, or null for node 1 alone
	 * @param overrides extra server properties, applied last
	 */
	static Map<String, String> build(String bindHost, String connectHost, List<Listener> listeners, int controllerPort,
			Path logDir, ClusterMembership membership, Map<String, String> overrides) {
		ClusterMembership node = (membership != null) ? membership
				: ClusterMembership.alone(hostPort(connectHost, controllerPort));
		List<Listener> clientListeners = node.role().broker() ? listeners : List.of();
		List<String> bound = new ArrayList<>();
		List<String> protocols = new ArrayList<>();
		for (Listener listener : clientListeners) {
			bound.add(listener.name() + "://" + hostPort(bindHost, listener.port()));
			protocols.add(listener.name() + ":" + listener.protocol().name);
		}
		if (node.role().controller()) {
			bound.add(LocalKafkaBroker.CONTROLLER_LISTENER + "://" + hostPort(bindHost, controllerPort));
		}
		// Brokers reach the controllers over this listener too, so they need its protocol.
		protocols.add(LocalKafkaBroker.CONTROLLER_LISTENER + ":PLAINTEXT");

		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("process.roles", node.role().processRoles);
		properties.put("node.id", String.valueOf(node.nodeId()));
		properties.put("controller.quorum.voters", node.quorumVoters());
		properties.put("controller.listener.names", LocalKafkaBroker.CONTROLLER_LISTENER);
		properties.put("listeners", String.join(",", bound));
		properties.put("listener.security.protocol.map", String.join(",", protocols));
		if (node.role().broker()) {
			properties.put("advertised.listeners", clientListeners.stream()
				.map((listener) -> listener.name() + "://" + hostPort(connectHost, listener.port()))
				.collect(Collectors.joining(",")));
			properties.put("inter.broker.listener.name", clientListeners.get(0).name());
		}
		properties.put("log.dirs", logDir.toString());

		// Internal topics on as many replicas as the cluster has brokers, up to 3, never waiting for replicas that
		// will never exist. An out-of-sync replica never becomes leader: that would lose acknowledged records.
		String replicas = String.valueOf(node.replicas());
		String minInSync = String.valueOf(node.minInSyncReplicas());
		properties.put("offsets.topic.replication.factor", replicas);
		properties.put("transaction.state.log.replication.factor", replicas);
		properties.put("transaction.state.log.min.isr", minInSync);
		properties.put("share.coordinator.state.topic.replication.factor", replicas);
		properties.put("share.coordinator.state.topic.min.isr", minInSync);
		properties.put("default.replication.factor", replicas);
		properties.put("min.insync.replicas", minInSync);
		properties.put("unclean.leader.election.enable", "false");

		// Development defaults: consumers join at once, topics are created explicitly by the applications.
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("num.partitions", "1");
		properties.put("auto.create.topics.enable", "false");

		// Fail with an error instead of hanging forever if the broker cannot complete its startup.
		properties.put("server.max.startup.time.ms", "60000");

		properties.putAll(overrides);
		return properties;
	}

	static String hostPort(String host, int port) {
		return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
	}

}
