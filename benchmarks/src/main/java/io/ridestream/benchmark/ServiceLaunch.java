package io.ridestream.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a service's JVM is started: the jar it runs and the JVM options it needs (none but these: default heap and
 * collector).
 *
 * @param jvmOptions options before {@code -jar}
 * @param jar the jar to run
 */
record ServiceLaunch(List<String> jvmOptions, Path jar) {

	ServiceLaunch {
		jvmOptions = List.copyOf(jvmOptions);
	}

	/** The executable jar as the build made it. */
	static ServiceLaunch plainJar(Path execJar) {
		return new ServiceLaunch(List.of(), execJar);
	}

	/** The extracted jar with a class data sharing archive recorded for it. */
	static ServiceLaunch withArchive(Path extractedJar, Path archive) {
		return new ServiceLaunch(List.of("-XX:SharedArchiveFile=" + archive), extractedJar);
	}

	/** {@code java <jvm options> -jar <jar> <arguments>} on the benchmark's Java. */
	List<String> command(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(JavaProcesses.java());
		command.addAll(this.jvmOptions);
		command.add("-jar");
		command.add(this.jar.toString());
		command.addAll(arguments);
		return command;
	}

}
