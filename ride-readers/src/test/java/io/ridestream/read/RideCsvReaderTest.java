package io.ridestream.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.ridestream.model.Ride;

class RideCsvReaderTest {

	static final String HEADER = "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,"
			+ "RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,mta_tax,"
			+ "tip_amount,tolls_amount,improvement_surcharge,total_amount,congestion_surcharge\n";

	static final String GOOD_ROW = "2,2020-07-01 00:30:49,2020-07-01 00:38:26,1,1.90,1,N,88,232,1,8,0.5,0.5,2.36,0,0.3,14.16,2.5\n";

	@Test
	void readsEveryColumnWithItsType() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW);

		assertThat(rows).containsExactly(new RideRow.Parsed(2, new Ride(2, LocalDateTime.of(2020, 7, 1, 0, 30, 49),
				LocalDateTime.of(2020, 7, 1, 0, 38, 26), 1, new BigDecimal("1.90"), 1, "N", 88, 232, 1,
				new BigDecimal("8"), new BigDecimal("0.5"), new BigDecimal("0.5"), new BigDecimal("2.36"),
				new BigDecimal("0"), new BigDecimal("0.3"), new BigDecimal("14.16"), new BigDecimal("2.5"))));
	}

	@Test
	void leavesNullableColumnsEmptyAsNull() {
		Ride ride = onlyRide(HEADER + "2,2020-07-01 00:30:49,2020-07-01 00:38:26,,1.90,,,88,232,,8,0.5,0.5,2.36,0,0.3,14.16,\n");

		assertThat(ride.passengerCount()).isNull();
		assertThat(ride.rateCodeId()).isNull();
		assertThat(ride.storeAndForwardFlag()).isNull();
		assertThat(ride.paymentType()).isNull();
		assertThat(ride.congestionSurcharge()).isNull();
	}

	@Test
	void findsColumnsByHeaderNameInAnyOrderAndCase() {
		String csv = "total_amount,pulocationid,DOLocationID,tpep_dropoff_datetime,tpep_pickup_datetime,VendorID,"
				+ "trip_distance,fare_amount,extra,mta_tax,tip_amount,tolls_amount,improvement_surcharge,airport_fee\n"
				+ "14.16,88,232,2020-07-01 00:38:26,2020-07-01 00:30:49,2,1.90,8,0.5,0.5,2.36,0,0.3,0\n";

		Ride ride = onlyRide(csv);

		assertThat(ride.totalAmount()).isEqualByComparingTo("14.16");
		assertThat(ride.pickupLocationId()).isEqualTo(88);
		assertThat(ride.pickupTime()).isEqualTo(LocalDateTime.of(2020, 7, 1, 0, 30, 49));
		assertThat(ride.congestionSurcharge()).isNull();
	}

	@Test
	void acceptsIntegralFloatsInIntegerColumnsAsWrittenByParquetExports() {
		Ride ride = onlyRide(HEADER + GOOD_ROW.replace(",1,1.90,1,N,", ",1.0,1.90,1.0,N,"));

		assertThat(ride.passengerCount()).isEqualTo(1);
		assertThat(ride.rateCodeId()).isEqualTo(1);
	}

	@Test
	void acceptsIsoTimestampsAndFractionsOfSeconds() {
		Ride ride = onlyRide(HEADER + GOOD_ROW.replace("2020-07-01 00:30:49", "2020-07-01T00:30:49.250"));

		assertThat(ride.pickupTime()).isEqualTo(LocalDateTime.of(2020, 7, 1, 0, 30, 49, 250_000_000));
	}

	@Test
	void readsQuotedFieldsAndWindowsLineEndings() {
		String csv = (HEADER + GOOD_ROW).replace("\n", "\r\n").replace(",N,", ",\"N\",");

		assertThat(onlyRide(csv).storeAndForwardFlag()).isEqualTo("N");
	}

	@Test
	void rejectsRowWithWrongFieldCountAndKeepsGoing() {
		List<RideRow> rows = readAll(HEADER + "2,2020-07-01 00:30:49,1\n" + GOOD_ROW);

		assertThat(rows.get(0)).isEqualTo(new RideRow.Rejected(2, "expected 18 fields as in the header, found 3"));
		assertThat(rows.get(1)).isInstanceOf(RideRow.Parsed.class).extracting(RideRow::position).isEqualTo(3L);
	}

	@Test
	void rejectsBadNumberNamingColumnAndValue() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW + GOOD_ROW.replace(",14.16,", ",14.1x,"));

		assertThat(rows.get(1)).isEqualTo(new RideRow.Rejected(3, "total_amount: '14.1x' is not a decimal number"));
	}

	@Test
	void rejectsFractionalValueInIntegerColumn() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace(",88,232,", ",88.5,232,"));

		assertThat(rows).containsExactly(new RideRow.Rejected(2, "PULocationID: '88.5' is not an integer"));
	}

	@Test
	void rejectsBadDate() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace("2020-07-01 00:38:26", "2020-02-30 00:38:26"));

		assertThat(rows).containsExactly(new RideRow.Rejected(2,
				"tpep_dropoff_datetime: '2020-02-30 00:38:26' is not a date-time like 2020-07-01 00:25:32"));
	}

	@Test
	void rejectsTimeOfDayThatDoesNotExist() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace("2020-07-01 00:38:26", "2020-07-01 24:00:00"));

		assertThat(rows).containsExactly(new RideRow.Rejected(2,
				"tpep_dropoff_datetime: '2020-07-01 24:00:00' is not a date-time like 2020-07-01 00:25:32"));
	}

	@Test
	void readsTimestampsWithTAndFractionsOfASecond() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace("2020-07-01 00:38:26", "2020-07-01T00:38:26.25"));

		assertThat(rows).singleElement()
			.isInstanceOfSatisfying(RideRow.Parsed.class, (parsed) -> assertThat(parsed.ride().dropoffTime())
				.isEqualTo(LocalDateTime.of(2020, 7, 1, 0, 38, 26, 250_000_000)));
	}

	@Test
	void rejectsDateWithoutTime() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace("2020-07-01 00:30:49", "2020-07-01"));

		assertThat(rows).singleElement().isInstanceOf(RideRow.Rejected.class);
	}

	@Test
	void rejectsMissingRequiredValue() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace(",8,0.5,", ", ,0.5,"));

		assertThat(rows).containsExactly(new RideRow.Rejected(2, "fare_amount: missing required value"));
	}

	@Test
	void rejectsUnknownStoreAndForwardFlag() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace(",N,", ",X,"));

		assertThat(rows).containsExactly(new RideRow.Rejected(2, "store_and_fwd_flag must be Y or N, was 'X'"));
	}

	@Test
	void rejectsAbsurdlyLargeNumbersThatWouldExhaustMemoryWhenSummed() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace(",14.16,", ",1e999999999,"));

		assertThat(rows).singleElement()
			.isInstanceOfSatisfying(RideRow.Rejected.class,
					(rejected) -> assertThat(rejected.reason()).startsWith("total_amount must have at most 12 integer digits"));
	}

	@Test
	void roundsAwayTheFloatingPointNoiseOfNumbersAProgramComputed() {
		// As pandas writes the double 0.3 + 0.6, and a total summed in floating point.
		Ride ride = onlyRide(HEADER + GOOD_ROW.replace(",1.90,", ",0.8999999999999999,")
			.replace(",14.16,", ",16.799999999999997,"));

		assertThat(ride.tripDistance()).isEqualTo(new BigDecimal("0.9"));
		assertThat(ride.totalAmount()).isEqualTo(new BigDecimal("16.8"));
	}

	@Test
	void rejectsMoreDecimalPlacesThanARideHoldsWhenTheyAreNotFloatingPointNoise() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace(",14.16,", ",14.1612345,"));

		assertThat(rows).singleElement()
			.isInstanceOfSatisfying(RideRow.Rejected.class, (rejected) -> assertThat(rejected.reason())
				.startsWith("total_amount must have at most 12 integer digits and 6 decimal places"));
	}

	@Test
	void skipsBlankLinesButKeepsCountingLines() {
		List<RideRow> rows = readAll(HEADER + "\n" + GOOD_ROW + "\n\n" + GOOD_ROW.replace(",8,", ",x,"));

		assertThat(rows).extracting(RideRow::position).containsExactly(3L, 6L);
		assertThat(rows.get(1)).isInstanceOf(RideRow.Rejected.class);
	}

	@Test
	void treatsEachLineAsOneRowSoAStrayQuoteCostsOnlyItsLines() {
		String brokenAcrossLines = GOOD_ROW.replace(",N,", ",\"N\nstill the same field\",");

		List<RideRow> rows = readAll(HEADER + brokenAcrossLines + GOOD_ROW);

		assertThat(rows).extracting(RideRow::position).containsExactly(2L, 3L, 4L);
		assertThat(rows.get(0)).isEqualTo(new RideRow.Rejected(2, "malformed CSV: unterminated quoted field"));
		assertThat(rows.get(1)).isInstanceOf(RideRow.Rejected.class);
		assertThat(rows.get(2)).isInstanceOf(RideRow.Parsed.class);
	}

	@Test
	void rejectsUnterminatedQuoteAtEndOfFile() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW + "2,\"2020-07-01 00:30:49,2020");

		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).isEqualTo(new RideRow.Rejected(3, "malformed CSV: unterminated quoted field"));
	}

	@Test
	void keepsReadingAfterAnUnclosedQuote() {
		StringBuilder csv = new StringBuilder(HEADER).append("2,\"unclosed\n");
		for (int i = 0; i < 50; i++) {
			csv.append(GOOD_ROW);
		}

		List<RideRow> rows = readAll(csv.toString());

		assertThat(rows.get(0)).isInstanceOf(RideRow.Rejected.class).extracting(RideRow::position).isEqualTo(2L);
		assertThat(rows.subList(1, rows.size())).hasSize(50).allMatch(RideRow.Parsed.class::isInstance);
	}

	@Test
	void rejectsHugeLineWithoutHoldingItAndKeepsGoing() {
		String huge = "1," + "9".repeat(RideCsvReader.MAX_LINE_LENGTH * 3) + "\n";

		List<RideRow> rows = readAll(HEADER + huge + GOOD_ROW);

		assertThat(rows.get(0)).isEqualTo(new RideRow.Rejected(2, "line longer than 65536 characters"));
		assertThat(rows.get(1)).isInstanceOf(RideRow.Parsed.class).extracting(RideRow::position).isEqualTo(3L);
	}

	@Test
	void readsFilesWithCarriageReturnOnlyLineEndingsLineByLine() {
		String csv = (HEADER + GOOD_ROW + "\n" + GOOD_ROW.replace(",8,", ",x,") + GOOD_ROW).replace('\n', '\r');

		List<RideRow> rows = readAll(csv);

		assertThat(rows).extracting(RideRow::position).containsExactly(2L, 4L, 5L);
		assertThat(rows).extracting(Object::getClass)
			.containsExactly(RideRow.Parsed.class, RideRow.Rejected.class, RideRow.Parsed.class);
	}

	@Test
	void countsLinesAlikeWhateverTheirLineBreaks() {
		List<RideRow> rows = readAll(HEADER.strip() + "\r" + GOOD_ROW.strip() + "\r\n\r" + GOOD_ROW.strip() + "\n"
				+ GOOD_ROW.strip() + "\r\r\n" + GOOD_ROW);

		assertThat(rows).extracting(RideRow::position).containsExactly(2L, 4L, 5L, 7L);
		assertThat(rows).allMatch(RideRow.Parsed.class::isInstance);
	}

	@Test
	void rejectsRowWithBytesThatAreNotUtf8AndKeepsGoing() {
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		csv.writeBytes((HEADER + "2,2020-07-01 00:30:49,2020-07-01 00:38:26,1,1.90,1,").getBytes(StandardCharsets.UTF_8));
		csv.writeBytes(new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF });
		csv.writeBytes((",88,232,1,8,0.5,0.5,2.36,0,0.3,14.16,2.5\n" + GOOD_ROW).getBytes(StandardCharsets.UTF_8));

		List<RideRow> rows = new ArrayList<>();
		try (RideCsvReader reader = RideCsvReader.open(new ByteArrayInputStream(csv.toByteArray()))) {
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				rows.add(row);
			}
		}

		assertThat(rows).containsExactly(
				new RideRow.Rejected(2, "store_and_fwd_flag must be Y or N, was '\uFFFD(\uFFFD'"),
				new RideRow.Parsed(3, onlyRide(HEADER + GOOD_ROW)));
	}

	@Test
	void rejectsLongNumberBeforeSpendingTimeOnParsingIt() {
		String digits = "9".repeat(60_000);
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 50; i++) {
			csv.append(GOOD_ROW.replace(",14.16,", "," + digits + ","))
				.append(GOOD_ROW.replace(",1,N,", "," + digits + ",N,"));
		}

		long start = System.nanoTime();
		List<RideRow> rows = readAll(csv.toString());
		long millis = (System.nanoTime() - start) / 1_000_000;

		assertThat(rows).hasSize(100).first().isEqualTo(new RideRow.Rejected(2, "total_amount: '" + "9".repeat(57)
				+ "...' is longer than a number may be (40 characters)"));
		assertThat(rows).allMatch(RideRow.Rejected.class::isInstance);
		// Parsing them would take seconds: BigDecimal's parsing is quadratic in the number of digits.
		assertThat(millis).isLessThan(2_000);
	}

	@Test
	void rejectsLongStoreAndForwardFlagWithAReasonOfBoundedLength() {
		List<RideRow> rows = readAll(HEADER + GOOD_ROW.replace(",N,", "," + "N".repeat(20_000) + ","));

		assertThat(rows).singleElement().isInstanceOfSatisfying(RideRow.Rejected.class, (rejected) -> assertThat(
				rejected.reason()).startsWith("store_and_fwd_flag must be Y or N, was 'NNN").hasSizeLessThan(200));
	}

	@Test
	void failsWholeFileWhenHeaderIsLongerThanTheLineLimit() {
		String header = HEADER.replace(",extra,", ",extra" + " ".repeat(RideCsvReader.MAX_LINE_LENGTH) + ",");

		assertThatExceptionOfType(RideFileException.class).isThrownBy(() -> readAll(header + GOOD_ROW))
			.withMessage("The CSV header (line 1) is longer than 65536 characters");
	}

	@Test
	void readsLastRowWithoutLineBreak() {
		assertThat(readAll(HEADER + GOOD_ROW.strip())).singleElement().isInstanceOf(RideRow.Parsed.class);
	}

	@Test
	void failsWholeFileWhenHeaderNamesNoDataset() {
		assertThatExceptionOfType(RideFileException.class).isThrownBy(() -> readAll("VendorID,fare_amount\n1,2\n"))
			.withMessageStartingWith("The CSV header names no TLC trip dataset: expected a column "
					+ "tpep_pickup_datetime (yellow), lpep_pickup_datetime (green) or dispatching_base_num (fhv)");
	}

	@Test
	void failsWholeFileWhenHeaderLacksColumnsItsDatasetRequires() {
		assertThatExceptionOfType(RideFileException.class)
			.isThrownBy(() -> readAll("VendorID,tpep_pickup_datetime,fare_amount\n1,2020-07-01 00:25:32,2\n"))
			.withMessageStartingWith("The CSV header of yellow trips lacks required columns [tpep_dropoff_datetime, "
					+ "trip_distance, PULocationID,");
	}

	@Test
	void failsWholeFileWhenEmpty() {
		assertThatExceptionOfType(RideFileException.class).isThrownBy(() -> readAll("\n\n"))
			.withMessageContaining("empty");
	}

	@Test
	void ignoresByteOrderMarkBeforeHeader() {
		assertThat(readAll("\uFEFF" + HEADER + GOOD_ROW)).singleElement().isInstanceOf(RideRow.Parsed.class);
	}

	@Test
	void readsEveryRideOfTheBundledFile() throws IOException {
		Path bundled = Path.of("../ride-producer-service/src/main/resources/data/rides.csv");
		try (Reader text = Files.newBufferedReader(bundled, StandardCharsets.UTF_8)) {
			List<RideRow> rows = readAll(text);

			assertThat(rows).hasSize(266).allMatch(RideRow.Parsed.class::isInstance);
			assertThat(rows.get(265).position()).isEqualTo(267);
		}
	}

	private static Ride onlyRide(String csv) {
		List<RideRow> rows = readAll(csv);
		assertThat(rows).singleElement().isInstanceOf(RideRow.Parsed.class);
		return ((RideRow.Parsed) rows.get(0)).ride();
	}

	private static List<RideRow> readAll(String csv) {
		return readAll(new StringReader(csv));
	}

	private static List<RideRow> readAll(Reader text) {
		List<RideRow> rows = new ArrayList<>();
		try (RideCsvReader reader = RideCsvReader.open(text)) {
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				rows.add(row);
			}
		}
		return rows;
	}

}
