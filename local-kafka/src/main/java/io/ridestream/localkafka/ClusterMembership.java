package io.ridestream.localkafka;

/**
 * A node's place in a KRaft cluster: its id, what it runs, the controller quorum and how many brokers there are.
 *
 * @param nodeId this node's {@code node.id}, unique in the cluster
 * @param role broker and controller in one (a node alone), broker only or controller only
 * @param quorumVoters {@code controller.quorum.voters}, e.g. {@code 101@127.0.0.1:9193}
 * @param brokers how many brokers the cluster has: the replication of its topics follows it
 * @param clusterId the id every node's storage is formatted with, or null for a new random one (a node alone)
 */
record ClusterMembership(int nodeId, Role role, String quorumVoters, int brokers, String clusterId) {

	enum Role {

		COMBINED("broker,controller"), BROKER("broker"), CONTROLLER("controller");

		final String processRoles;

		Role(String processRoles) {
			this.processRoles = processRoles;
		}

		boolean broker() {
			return this != CONTROLLER;
		}

		boolean controller() {
			return this != BROKER;
		}

	}

	ClusterMembership {
		if (nodeId < 0 || brokers < 1) {
			throw new IllegalArgumentException("Node " + nodeId + " of a cluster of " + brokers + " brokers");
		}
	}

	/** Node 1, broker and the only voter, at its own controller address. */
	static ClusterMembership alone(String controllerHostPort) {
		return new ClusterMembership(1, Role.COMBINED, "1@" + controllerHostPort, 1, null);
	}

	/** Replicas of every topic by default and of the internal ones: as many as there are brokers, up to 3. */
	int replicas() {
		return Math.min(3, this.brokers);
	}

	/** In-sync replicas a write needs: 2 where there are 3 or more brokers, so one may die without losing it. */
	int minInSyncReplicas() {
		return (this.brokers >= 3) ? 2 : 1;
	}

}
