package io.ridestream.localkafka;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks free ports and checks requested ones before Kafka binds them.
 *
 * <p>The controller port has to be known before the broker starts (it is part of the quorum configuration), so
 * "any free port" is resolved here rather than by binding port 0.
 */
final class Ports {

	private final InetAddress address;

	private final Set<Integer> handedOut = new HashSet<>();

	Ports(InetAddress address) {
		this.address = address;
	}

	/** Returns {@code port}, or a free port if it is 0, after checking that nothing else listens on it. */
	int claim(int port, String purpose) {
		int resolved = (port != 0) ? port : findFree();
		if (!this.handedOut.add(resolved)) {
			throw new LocalKafkaException("The " + purpose + " port " + resolved + " is also used by another listener");
		}
		if (port != 0) {
			requireFree(port, purpose);
		}
		return resolved;
	}

	private int findFree() {
		for (int attempt = 0; attempt < 10; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 1, this.address)) {
				int port = socket.getLocalPort();
				if (!this.handedOut.contains(port)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new LocalKafkaException("Cannot find a free port on " + this.address.getHostAddress() + ": "
						+ ex.getMessage(), ex);
			}
		}
		throw new LocalKafkaException("Cannot find a free port on " + this.address.getHostAddress());
	}

	private void requireFree(int port, String purpose) {
		// Same socket options as Kafka's own acceptor, so a port in TIME_WAIT is not reported as taken.
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(this.address, port), 1);
		}
		catch (BindException ex) {
			throw new LocalKafkaException("Cannot start Kafka: the " + purpose + " port " + port + " on "
					+ this.address.getHostAddress() + " is already in use by another process", ex);
		}
		catch (IOException ex) {
			throw new LocalKafkaException("Cannot start Kafka: the " + purpose + " port " + port + " on "
					+ this.address.getHostAddress() + " cannot be bound: " + ex.getMessage(), ex);
		}
	}

}
