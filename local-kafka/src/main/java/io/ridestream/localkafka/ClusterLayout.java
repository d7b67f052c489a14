package io.ridestream.localkafka;

import java.nio.file.Path;

import io.ridestream.localkafka.ClusterMembership.Role;

/**
 * Where each node of a launcher's cluster lives, worked out alike by every process from the same options: broker i
 * on port + 2 x (i - 1), the controller (node {@value #CONTROLLER_ID}) on the controller port, each in
 * {@code data-dir/node-ID}, all formatted with one cluster id.
 */
record ClusterLayout(String connectHost, int port, int controllerPort, Path dataDir, int brokers) {

	static final int CONTROLLER_ID = 101;

	static final int MAX_BROKERS = 9;

	/** The id the nodes' storage is formatted with: one cluster, whichever node formats first. */
	static final String CLUSTER_ID = "cmlkZXN0cmVhbS1sb2NhbA"; // "ridestream-local"

	static boolean isNode(int id, int brokers) {
		return id == CONTROLLER_ID || (id >= 1 && id <= brokers);
	}

	ClusterMembership membership(int id) {
		String voters = CONTROLLER_ID + "@" + ServerProperties.hostPort(this.connectHost, this.controllerPort);
		return new ClusterMembership(id, (id == CONTROLLER_ID) ? Role.CONTROLLER : Role.BROKER, voters, this.brokers,
				CLUSTER_ID);
	}

	int brokerPort(int id) {
		return this.port + 2 * (id - 1);
	}

	Path dataDir(int id) {
		return this.dataDir.resolve("node-" + id);
	}

}
