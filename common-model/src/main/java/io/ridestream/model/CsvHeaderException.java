package io.ridestream.model;

/**
 * The CSV cannot be read as rides at all: it is empty, or its header lacks a required column.
 */
public class CsvHeaderException extends RuntimeException {

	public CsvHeaderException(String message) {
		super(message);
	}

}
