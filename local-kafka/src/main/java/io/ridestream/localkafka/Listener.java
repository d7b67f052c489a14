package io.ridestream.localkafka;

import java.util.Locale;

import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * One named Kafka listener. {@code port} 0 means "any free port" until the broker starts.
 */
record Listener(String name, SecurityProtocol protocol, int port) {

	Listener {
		if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("Listener name must be letters, digits and '_': " + name);
		}
		name = name.toUpperCase(Locale.ROOT);
		if (protocol == null) {
			throw new IllegalArgumentException("Listener " + name + " needs a security protocol");
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("Listener " + name + " port must be between 0 and 65535: " + port);
		}
	}

	Listener withPort(int resolvedPort) {
		return new Listener(this.name, this.protocol, resolvedPort);
	}

}
