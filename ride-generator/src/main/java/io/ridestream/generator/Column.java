package io.ridestream.generator;

/**
 * One column of a dataset's file in a year's layout.
 *
 * @param name the header as the TLC spells it, case included
 * @param field the value it holds
 * @param parquetType how a Parquet file of that year stores it
 * @param required whether a reader must reject a CSV row without a value here: a broken row may empty it
 */
record Column(String name, Field field, ParquetType parquetType, boolean required) {
}
