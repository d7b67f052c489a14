package io.ridestream.benchmark;

/**
 * How long a service took from starting its JVM to ready when it was started by itself against a running broker.
 *
 * @param plainJarSeconds from its executable jar
 * @param cdsSeconds with class data sharing, NaN if it has no archive or did not start with it
 */
record AloneStartup(double plainJarSeconds, double cdsSeconds) {

}
