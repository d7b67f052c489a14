package io.ridestream.generator;

/** Draws the rest of a ride picked up at a given time, into a reused {@link Trip}. */
interface Sampler {

	void sample(long pickupSecond, Trip trip);

}
