package io.ridestream.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starting and stopping child JVMs.
 */
final class JavaProcesses {

	private static final Set<Process> running = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(JavaProcesses::stopAll, "stop-child-processes"));
	}

	private JavaProcesses() {
	}

	/** The java launcher of the JVM running the benchmark, so the children run on the same Java. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A command line {@code java -cp <this JVM's class path> <jvm options> <main class> <arguments>}. */
	static List<String> onThisClassPath(String mainClass, List<String> jvmOptions, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.addAll(jvmOptions);
		command.add(mainClass);
		command.addAll(arguments);
		return command;
	}

	/** Asks the process to stop (SIGTERM, so Spring shuts down gracefully), then kills it after 20 s. */
	static void stop(Process process) {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts a child JVM with its output in the log and the given environment on top of this process's. It is
	 * killed when the benchmark's JVM exits (e.g. on Ctrl-C), if still running.
	 */
	static Process start(List<String> command, Map<String, String> environment, Path log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().putAll(environment);
		Process process = builder.start();
		running.add(process);
		process.onExit().thenRun(() -> running.remove(process));
		return process;
	}

	private static void stopAll() {
		for (Process process : running) {
			process.destroyForcibly();
		}
	}

}
