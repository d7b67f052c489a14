package io.ridestream.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The TLC trip record dataset a ride comes from. Yellow taxis (street hails anywhere, {@code tpep_} columns), green
 * taxis (street hails outside Manhattan's core, {@code lpep_} columns) and for-hire vehicles (FHV: dispatched by a
 * base, with no fares in the data).
 */
public enum Dataset {

	YELLOW, GREEN, FHV;

	private final String wireName = name().toLowerCase(Locale.ROOT);

	/** The name on the wire and in {@code /stats}: {@code yellow}, {@code green}, {@code fhv}. */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/** Whether its rides are taxi trips with fares, distances and both locations. */
	public boolean hasFares() {
		return this != FHV;
	}

	/**
	 * The dataset of a wire name, in any case.
	 * @throws IllegalArgumentException naming the datasets there are
	 */
	@JsonCreator
	public static Dataset fromWireName(String name) {
		for (Dataset dataset : values()) {
			if (dataset.wireName().equalsIgnoreCase(name)) {
				return dataset;
			}
		}
		throw new IllegalArgumentException("dataset must be yellow, green or fhv, was '" + Values.abbreviate(name) + "'");
	}

}
