package io.ridestream.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Spring Boot's class data sharing set-up, made as {@code ./run-local.sh} makes it: the executable jar
 * extracted with {@code -Djarmode=tools}, then a training run that starts the application up to the refreshed
 * context and records the classes it loaded into an archive.
 */
final class ClassDataSharing {

	private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

	/** The training run needs no broker and no port: the context exits as soon as it is refreshed. */
	private static final List<String> TRAINING_ARGUMENTS = List.of("--server.port=0",
			"--spring.kafka.bootstrap-servers=127.0.0.1:1", "--spring.kafka.admin.auto-create=false",
			"--spring.kafka.listener.auto-startup=false");

	private ClassDataSharing() {
	}

	/**
	 * Extracts the jar into {@code dir/app} and records {@code dir/app.jsa}, the logs of both steps going to
	 * {@code <logs>/cds-<name>-extract.log} and {@code -training.log}.
	 * @return how to start the service with the archive
	 * @throws IllegalStateException if a step failed or made no archive
	 */
	static ServiceLaunch prepare(String name, Path execJar, Path dir, Path logs) throws IOException {
		Files.createDirectories(dir);
		Path extracted = dir.resolve("app");
		Path archive = dir.resolve("app.jsa");
		run(List.of(JavaProcesses.java(), "-Djarmode=tools", "-jar", execJar.toString(), "extract", "--destination",
				extracted.toString()), logs.resolve("cds-" + name + "-extract.log"));
		Path extractedJar = extracted.resolve(execJar.getFileName());
		ServiceLaunch training = new ServiceLaunch(
				List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"), extractedJar);
		Path trainingLog = logs.resolve("cds-" + name + "-training.log");
		run(training.command(TRAINING_ARGUMENTS), trainingLog);
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("The training run recorded no archive; see " + trainingLog);
		}
		return ServiceLaunch.withArchive(extractedJar, archive);
	}

	private static void run(List<String> command, Path log) throws IOException {
		Process process = JavaProcesses.start(command, Map.of(), log);
		try {
			if (!process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				JavaProcesses.stop(process);
				throw new IllegalStateException("Not done within " + STEP_TIMEOUT + "; see " + log);
			}
		}
		catch (InterruptedException ex) {
			JavaProcesses.stop(process);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("Exited with status " + process.exitValue() + "; see " + log);
		}
	}

}
