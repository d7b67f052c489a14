package io.ridestream.localkafka;

import java.nio.file.Path;

import org.slf4j.LoggerFactory;

/**
 * Logging of the command-line launcher: Kafka's full log (INFO) in {@code server.log} in the data directory,
 * only warnings and errors on the console, so a script that starts the broker stays readable.
 *
 * <p>Kafka logs through SLF4J; the launcher's jar routes it to Log4j 2 with {@value #CONFIGURATION}. The file has
 * its own name, not {@code log4j2.xml}, so applications that use this module as a library never pick it up.
 */
final class LauncherLogging {

	static final String CONFIGURATION = "io/ridestream/localkafka/local-kafka-log4j2.xml";

	static final String LOG_FILE_NAME = "server.log";

	private LauncherLogging() {
	}

	/** Must run before the first logger is created. Returns the log file. */
	static Path writeTo(Path dataDir) {
		Path logFile = dataDir.resolve(LOG_FILE_NAME);
		System.setProperty("log4j2.configurationFile", "classpath:" + CONFIGURATION);
		System.setProperty("local-kafka.log.file", logFile.toString());
		return logFile;
	}

	/** Records the full stack trace of a startup failure in the log file; the console gets a one-line message. */
	static void logFailure(Exception ex) {
		LoggerFactory.getLogger("io.ridestream.localkafka.failure").error("Kafka broker failed to start", ex);
	}

}
