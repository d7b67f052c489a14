package io.ridestream.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmark ran on, since its figures mean little without it.
 */
final class Machine {

	private Machine() {
	}

	/** E.g. {@code 2 CPUs (Intel Xeon ...), 23.5 GiB RAM, OpenJDK 64-Bit Server VM 17.0.15+6, Linux 6.1}. */
	static String describe() {
		StringBuilder out = new StringBuilder();
		out.append(Runtime.getRuntime().availableProcessors()).append(" CPUs");
		String model = procValue("/proc/cpuinfo", "model name");
		if (model != null) {
			out.append(" (").append(model).append(')');
		}
		String memory = procValue("/proc/meminfo", "MemTotal");
		if (memory != null) {
			double kibibytes = Double.parseDouble(memory.replaceAll("[^0-9]", ""));
			out.append(String.format(Locale.ROOT, ", %.1f GiB RAM", kibibytes / 1024 / 1024));
		}
		out.append(", ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append(" (default JVM options for every process)")
			.append(", ")
			.append(System.getProperty("os.name"))
			.append(' ')
			.append(System.getProperty("os.version"));
		return out.toString();
	}

	/** The value of the first {@code name : value} line of a /proc file, or null. */
	private static String procValue(String file, String name) {
		try {
			List<String> lines = Files.readAllLines(Path.of(file));
			for (String line : lines) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
					return line.substring(colon + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return null;
	}

}
