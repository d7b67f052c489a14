package io.ridestream.localkafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server configuration of a single-node KRaft cluster: one process that is both broker and controller (node 1),
 * a static one-voter quorum, and replication settings that work with one replica.
 */
final class ServerProperties {

	static final int NODE_ID = 1;

	private ServerProperties() {
	}

	/**
	 * @param bindHost the address the listeners bind to
	 * @param connectHost the address clients and the quorum use to reach them
	 * @param listeners the client listeners, the first one also used between brokers, all with resolved ports
	 * @param controllerPort the resolved controller port
	 * @param logDir where Kafka keeps its log segments and metadata log
	 * @param overrides extra server properties, applied last
	 */
	static Map<String, String> build(String bindHost, String connectHost, List<Listener> listeners, int controllerPort,
			Path logDir, Map<String, String> overrides) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(NODE_ID));
		properties.put("controller.quorum.voters", NODE_ID + "@" + hostPort(connectHost, controllerPort));
		properties.put("controller.listener.names", LocalKafkaBroker.CONTROLLER_LISTENER);
		properties.put("listeners", listeners.stream()
			.map((listener) -> listener.name() + "://" + hostPort(bindHost, listener.port()))
			.collect(Collectors.joining(",", "", ","))
				+ LocalKafkaBroker.CONTROLLER_LISTENER + "://" + hostPort(bindHost, controllerPort));
		properties.put("advertised.listeners", listeners.stream()
			.map((listener) -> listener.name() + "://" + hostPort(connectHost, listener.port()))
			.collect(Collectors.joining(",")));
		properties.put("listener.security.protocol.map", listeners.stream()
			.map((listener) -> listener.name() + ":" + listener.protocol().name)
			.collect(Collectors.joining(",", "", ",")) + LocalKafkaBroker.CONTROLLER_LISTENER + ":PLAINTEXT");
		properties.put("inter.broker.listener.name", listeners.get(0).name());
		properties.put("log.dirs", logDir.toString());

		// One replica: internal topics must not wait for replicas that will never exist.
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");

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
