package io.ridestream.read;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The values of one row of a file, column by column, converted from what the file stores (CSV text, Parquet's
 * physical types). Each is null when the row leaves it empty or the file has no such column.
 *
 * @throws IllegalArgumentException from any method, naming the column and the value, when the value is not of
 * the column's kind
 */
interface RowValues {

	String text(RideColumn column);

	Integer integer(RideColumn column);

	BigDecimal decimal(RideColumn column);

	LocalDateTime timestamp(RideColumn column);

}
