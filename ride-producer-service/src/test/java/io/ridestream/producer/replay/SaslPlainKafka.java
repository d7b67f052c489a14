package io.ridestream.producer.replay;

import org.apache.kafka.common.security.auth.SecurityProtocol;

import io.ridestream.localkafka.LocalKafkaBroker;

/**
 * A local broker that, besides its plaintext listener, has a {@value #LISTENER} listener taking SASL PLAIN
 * credentials: user {@value #USER}, password {@value #PASSWORD}.
 */
final class SaslPlainKafka {

	static final String LISTENER = "SASL";

	static final String USER = "ridestream";

	static final String PASSWORD = "s3cret";

	private SaslPlainKafka() {
	}

	static LocalKafkaBroker start() {
		return LocalKafkaBroker.builder()
			.listener(LISTENER, SecurityProtocol.SASL_PLAINTEXT, 0)
			.serverProperty("sasl.enabled.mechanisms", "PLAIN")
			.serverProperty("listener.name.sasl.plain.sasl.jaas.config",
					"org.apache.kafka.common.security.plain.PlainLoginModule required user_" + USER + "=\"" + PASSWORD
							+ "\";")
			.build()
			.start();
	}

	/** The client's {@code sasl.jaas.config} for these credentials. */
	static String jaasConfig(String user, String password) {
		return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
				+ "\" password=\"" + password + "\";";
	}

}
