package io.ridestream.producer.replay;

/**
 * A CSV row that was not published because it is not a valid ride.
 *
 * @param line the row's line in the CSV, counting the header as line 1
 * @param reason why the row is not a ride
 */
record RejectedRow(long line, String reason) {

}
