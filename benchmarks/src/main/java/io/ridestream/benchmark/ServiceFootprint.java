package io.ridestream.benchmark;

/**
 * What one run of a service cost.
 *
 * @param secondsToReady from starting the JVM to the first 200 of {@code /actuator/health/readiness}
 * @param peakRssBytes the process's peak resident set size ({@code VmHWM}), NaN where unknown
 * @param peakHeapUsedBytes the highest heap use seen by polling {@code jvm.memory.used} (area heap), NaN where
 * unknown
 */
record ServiceFootprint(double secondsToReady, double peakRssBytes, double peakHeapUsedBytes) {

}
