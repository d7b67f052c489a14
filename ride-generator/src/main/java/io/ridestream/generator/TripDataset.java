package io.ridestream.generator;

import java.util.Locale;

/**
 * The TLC trip record datasets the generator writes: yellow taxis ({@code tpep_} columns), green taxis
 * ({@code lpep_} columns, street hails outside Manhattan's core) and for-hire vehicles (FHV: dispatched by a base,
 * with no fares, passengers or vendor in the data).
 */
public enum TripDataset {

	YELLOW, GREEN, FHV;

	/** The name used in options and in the TLC's file names: {@code yellow}, {@code green}, {@code fhv}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether its records are taxi trips with a vendor, fares, passengers and rate codes. */
	public boolean hasFares() {
		return this != FHV;
	}

	/**
	 * @throws IllegalArgumentException naming the datasets there are
	 */
	public static TripDataset fromWireName(String name) {
		for (TripDataset dataset : values()) {
			if (dataset.wireName().equalsIgnoreCase(name)) {
				return dataset;
			}
		}
		throw new IllegalArgumentException("dataset must be yellow, green or fhv, was '" + name + "'");
	}

}
