package io.ridestream.consumer.stats;

import java.util.List;

/**
 * The busiest pickup zones of the rides of some datasets, as {@code /stats/pickup-zones} answers.
 *
 * @param datasets the datasets asked for
 * @param ridesWithoutZone their rides picked up in no zone of the taxi zone table (no location given, or an unlisted
 * one), which are not ranked
 * @param zones their busiest pickup zones, busiest first, ties by location id
 */
public record PickupZones(List<String> datasets, long ridesWithoutZone, List<LocationCount> zones) {

}
