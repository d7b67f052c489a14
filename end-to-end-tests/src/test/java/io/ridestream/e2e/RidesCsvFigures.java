package io.ridestream.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Figures of a plain, unquoted TLC CSV worked out here with nothing but {@code String.split}, so the tests
 * check the services against a computation that shares no code with them.
 */
record RidesCsvFigures(long rides, BigDecimal totalAmount, BigDecimal totalTips, long passengers) {

	static final Path BUNDLED = ServiceProcess.PROJECT_ROOT
		.resolve("ride-producer-service/src/main/resources/data/rides.csv");

	static RidesCsvFigures of(Path csv) {
		try {
			return of(Files.readAllLines(csv));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RidesCsvFigures of(List<String> lines) {
		long rides = 0;
		long passengers = 0;
		BigDecimal amount = BigDecimal.ZERO;
		BigDecimal tips = BigDecimal.ZERO;
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split(",", -1);
			rides++;
			passengers += fields[3].isEmpty() ? 0 : Long.parseLong(fields[3]);
			tips = tips.add(new BigDecimal(fields[13]));
			amount = amount.add(new BigDecimal(fields[16]));
		}
		return new RidesCsvFigures(rides, amount, tips, passengers);
	}

}
