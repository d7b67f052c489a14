package io.ridestream.consumer.zones;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failure to load the zone lookup into a short startup report that says what to fix.
 */
class ZonesFileFailureAnalyzer extends AbstractFailureAnalyzer<ZonesFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZonesFileException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Point ridestream.zones.file (env RIDESTREAM_ZONES_FILE) at a readable copy of the TLC taxi zone "
						+ "lookup CSV with the header \"LocationID\",\"Borough\",\"Zone\",\"service_zone\", or remove "
						+ "the setting to use the bundled classpath:data/taxi_zone_lookup.csv.",
				cause);
	}

}
