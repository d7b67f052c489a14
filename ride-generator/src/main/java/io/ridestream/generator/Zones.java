package io.ridestream.generator;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The 265 TLC taxi zones (location ids 1 to 265) and how busy each is for one kind of ride: yellow-taxi pickups
 * crowd into a few dozen Manhattan zones and the airports, while most outer-borough zones see a handful of rides a
 * day; green taxis may not pick up in Manhattan's core or at the airports, so theirs crowd into Harlem, Queens and
 * Brooklyn; for-hire vehicles, the outer boroughs' car services, spread more evenly.
 */
final class Zones {

	static final int NEWARK_AIRPORT = 1;

	static final int JFK_AIRPORT = 132;

	static final int LAGUARDIA_AIRPORT = 138;

	/** "NA" in the zone lookup: a trip that ended outside New York City. */
	static final int OUTSIDE_NEW_YORK = 265;

	static final int MAX_LOCATION_ID = 265;

	/** The busiest pickup zones, busiest first, roughly as in the TLC's 2019 and 2020 yellow-taxi data. */
	private static final int[] BUSIEST_YELLOW = { 237, 161, 236, 162, 230, 186, 170, 142, 48, 163, 239, 234, 132, 141,
			68, 79, 107, 140, 138, 100, 164, 238, 263, 262, 229, 249, 137, 113, 90, 43, 233, 246, 231, 143, 158, 114, 75,
			151, 50, 144, 148, 166, 87, 41, 125, 74, 211, 13, 264, 24 };

	/** Roughly the busiest green-taxi pickup zones: East Harlem, Harlem, Elmhurst, Astoria, Jackson Heights... */
	private static final int[] BUSIEST_GREEN = { 74, 75, 41, 82, 7, 166, 42, 129, 95, 97, 244, 152, 181, 65, 260, 255,
			116, 256, 25, 33, 223, 61, 49, 226, 92, 193, 145, 146, 112, 189, 17, 80, 168, 69, 247, 159, 243, 24 };

	/** Outer-borough neighbourhoods of the car services: East New York, Canarsie, Crown Heights, Flatbush... */
	private static final int[] BUSIEST_FHV = { 76, 39, 61, 225, 89, 177, 188, 35, 37, 72, 71, 91, 26, 14, 22, 29, 55,
			123, 150, 210, 11, 21, 67, 227, 228, 132, 138, 97, 17, 181 };

	static final Zones YELLOW = new Zones(BUSIEST_YELLOW, 0.1);

	static final Zones GREEN = new Zones(BUSIEST_GREEN, 0.3);

	static final Zones FHV = new Zones(BUSIEST_FHV, 1);

	private static final double SAME_ZONE_SHARE = 0.05;

	private static final double ANY_ZONE_DROPOFF_SHARE = 0.15;

	/** Manhattan south of 96th Street, where trips pay the congestion surcharge. */
	private static final BitSet CONGESTION_ZONE = new BitSet(MAX_LOCATION_ID + 1);

	static {
		for (int id : new int[] { 4, 12, 13, 43, 45, 48, 50, 68, 79, 87, 88, 90, 100, 107, 113, 114, 125, 137, 140, 141,
				142, 143, 144, 148, 158, 161, 162, 163, 164, 170, 186, 209, 211, 224, 229, 230, 231, 232, 233, 234, 236,
				237, 238, 239, 246, 249, 261, 262, 263 }) {
			CONGESTION_ZONE.set(id);
		}
	}

	/** cumulativeWeights[i] is the total weight of location ids 1 to i + 1. */
	private final double[] cumulativeWeights;

	/**
	 * @param busiest the busiest pickup zones, busiest first
	 * @param otherZoneWeight the weight of every other zone, against the busiest zone's weight of 100 / 3
	 */
	private Zones(int[] busiest, double otherZoneWeight) {
		this.cumulativeWeights = cumulativeWeights(busiest, otherZoneWeight);
	}

	/** A pickup zone, drawn by popularity. */
	int pickup(SplittableRandom random) {
		double target = random.nextDouble() * this.cumulativeWeights[this.cumulativeWeights.length - 1];
		int low = 0;
		int high = this.cumulativeWeights.length - 1;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.cumulativeWeights[middle] > target) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return low + 1;
	}

	/** A dropoff zone: mostly drawn by popularity too, but rides also end in quiet zones and where they began. */
	int dropoff(int pickup, SplittableRandom random) {
		double draw = random.nextDouble();
		if (draw < SAME_ZONE_SHARE) {
			return pickup;
		}
		if (draw < SAME_ZONE_SHARE + ANY_ZONE_DROPOFF_SHARE) {
			return 1 + random.nextInt(MAX_LOCATION_ID);
		}
		return pickup(random);
	}

	static boolean inCongestionZone(int locationId) {
		return CONGESTION_ZONE.get(locationId);
	}

	private static double[] cumulativeWeights(int[] busiest, double otherZoneWeight) {
		double[] weights = new double[MAX_LOCATION_ID];
		Arrays.fill(weights, otherZoneWeight);
		for (int rank = 0; rank < busiest.length; rank++) {
			weights[busiest[rank] - 1] = 100.0 / (rank + 3);
		}
		for (int i = 1; i < weights.length; i++) {
			weights[i] += weights[i - 1];
		}
		return weights;
	}

}
