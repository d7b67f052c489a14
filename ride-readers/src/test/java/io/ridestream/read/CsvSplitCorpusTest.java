package io.ridestream.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridestream.read.BundledRides;
import io.ridestream.model.Values;

/**
 * {@link RideCsvReader} splits a line without quotes itself ({@link RideCsvReader#splitQuoteFree}) instead of
 * with opencsv's {@code RFC4180Parser}, because that is faster ({@code CsvSplitBenchmark}). This compares the two
 * on a corpus: every quote-free line must give the parser's very fields. The corpus: the bundled rides.csv, rows
 * as ride-generator writes them for each dataset (quirks and broken rows included), files of {@link MalformedCsv},
 * random lines of ride-like and odd fields, and edge cases. The whole reader must also give the same rows, with
 * the split and with the parser for every line.
 */
class CsvSplitCorpusTest {

	/** Lines as ride-generator 0.1.0 writes them (seeds of 2020-07-01, 2019 and 2025 layouts), by dataset. */
	static final List<String> GENERATED = List.of("""
			VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount,improvement_surcharge,total_amount,congestion_surcharge
			2,2020-07-01 00:00:01,2020-07-01 00:05:49,1,.75,1,N,230,50,1,5.5,0.5,0.5,5,0,0.3,14.3,2.5
			1,2020-07-01 00:00:02,2020-07-01 00:05:25,1,.74,1,N,87,114,1,5.5,0.5,0.5,2.49,0,0.3,11.79,2.5
			2,2020-07-01 00:00:02,2020-07-01 00:03:10,1,.21,1,N,48,165,2,3.5,0.5,0.5,0,0,0.3,7.3,2.5
			,2020-07-01 00:00:00,2020-07-01 00:08:19,,1.45,,,230,31,,7.5,0.5,0.5,2.02,0,0.3,10.82,
			,2020-07-01 00:00:02,2020-07-01 00:08:53,,.92,,,74,162,,5.5,0.5,0.5,3,0,0.3,9.8,
			2,2020-07-01 00:00:27,2020-07-01 00:24:10,1,4.07,1,N,50,137,2,-16,-0.5,-0.5,0,0,-0.3,-19.8,-2.5
			6,2020-07-01 00:00:27,2020-07-01 00:12:51,1,1.97,1,N,140,170,1,9.5,0.5,0.5,3.21,0,0.3,16.51,2.5
			1,2020-06-28 12:38:54,2020-06-28 12:50:41,1,1.70,1,N,163,1,1,-8.5,-0.5,-0.5,-3.38,0,-0.3,-15.68,-2.5
			2,2002-07-01 00:02:35,2002-07-01 00:21:00,1,1.92,1,N,164,229,1,9,0.5,0.5,5,0,0.3,17.8,2.5
			1,2020-07-01 00:00:31,2020-07-01 00:16:30,1,2.66,1,X,237,162,1,11.5,0.5,0.5,4.18,0,0.3,19.48,2.5
			2,2020-07-01 00:00:36,2020-07-01 00:09:28,1,.95,1,N,230,158,1,6.5,0.5,0.5,0,0,0.3,7.8
			2,2020-13-01 00:25:32,2020-07-01 01:00:39,1,21.59,1,N,48,162,1,61.5,0.5,0.5,10.07,0,0.3,72.87,0
			1,2020-07-01 00:00:43,2020-07-01 00:18:01,1,2.51,1,yes,186,237,1,11.5,0.5,0.5,3.71,0,0.3,19.01,2.5
			2,2020-07-01 00:00:52,2020-07-01 00:15:26,1,1.72,1,0,161,119,2,9,0.5,0.5,0,0,0.3,12.8,2.5
			2,2020-07-01 00:00:56,2020-07-01 00:07:2
			1,2020-07-01 00:01:03,2020-07-01 00:03:44,2,.00,1,N,164,249,2,2.5,0.5,0.5,0,0.3,6.3,2.5
			""", """
			VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount,improvement_surcharge,total_amount,congestion_surcharge,Airport_fee,cbd_congestion_fee
			2,2020-07-01 00:00:01,2020-07-01 00:05:49,1,.75,1,N,230,50,1,5.5,0.5,0.5,5,0,1,15.75,2.5,0,0.75
			,2020-07-01 00:00:00,2020-07-01 00:08:19,,1.45,,,230,31,,7.5,0.5,0.5,2.14,0,1,11.64,,,
			2,2020-07-01 00:00:27,2020-07-01 00:24:10,1,4.07,1,N,50,137,2,-16,-0.5,-0.5,0,0,-1,-21.25,-2.5,0,-0.75
			6,2020-07-01 00:00:27,2020-07-01 00:12:51,1,1.97,1,N,140,170,1,9.5,0.5,0.5,3.38,0,1,18.13,2.5,0,0.75
			2,2002-07-01 00:02:35,2002-07-01 00:21:00,1,1.92,1,N,164,229,1,9,0.5,0.5,5,0,1,19.25,2.5,0,0.75
			2,2020-07-01 00:00:36,2020-07-01 00:09:28,1,.95,1,N,230,158,1,6.5,0.5,0.5,0,0,9.25,0,0,0.75
			1,2020-07-01 00:00:43,2020-07-01 00:18:01,1,2.51,1,yes,186,237,1,11.5,0.5,0.5,3.88,0,1,20.63,2.5,0,0.75
			2,2020-07-01 00:00:56,2020-07-01 00:07:21,1,1.12,1,N,
			1,2020-07-01 00:01:03,2020-07-01 00:03:44,.00,1,N,164,249,2,2.5,0.5,0.5,0,0,1,7.75,2.5,0,0.75
			""", """
			VendorID,lpep_pickup_datetime,lpep_dropoff_datetime,store_and_fwd_flag,RatecodeID,PULocationID,DOLocationID,passenger_count,trip_distance,fare_amount,extra,mta_tax,tip_amount,tolls_amount,ehail_fee,improvement_surcharge,total_amount,payment_type,trip_type,congestion_surcharge
			1,2020-07-01 00:00:01,2020-07-01 00:05:49,N,1,152,24,1,.75,5.5,0.5,0.5,1.06,0,,0.3,7.86,1,1,0
			2,2020-07-01 00:00:02,2020-07-01 00:03:10,N,1,13,95,1,.21,3.5,0.5,0.5,0,0,,0.3,7.3,2,1,2.5
			,2020-07-01 00:00:00,2020-07-01 00:08:19,,,145,31,,1.45,7.5,0.5,0.5,2.49,0,,0.3,11.29,,,
			2,2020-07-01 00:00:26,2020-07-01 00:13:42,N,1,75,74,1,2.71,-10.5,-0.5,-0.5,0,0,,-0.3,-11.8,1,1,0
			6,2020-07-01 00:00:26,2020-07-01 00:09:35,N,1,42,7,5,1.69,8,0.5,0.5,0,0,,0.3,9.3,2,1,0
			2,2020-06-28 12:38:54,2020-06-28 12:50:51,N,1,255,69,1,1.70,-8.5,-0.5,-0.5,-2.63,0,,-0.3,-12.43,1,1,0
			2,2002-07-01 00:02:41,2002-07-01 00:14:17,N,1,243,112,0,1.93,9.5,0.5,0.5,0,0,,0.3,10.8,2,1,0
			2,2020-07-01 00:00:29,2020-07-01 00:22:04,X,1,134,229,1,2.94,14,0.5,0.5,1,0,,0.3,18.8,1,1,2.5
			2,2020-07-01 00:00:33,2020-07-01 00:19:52,N,1,74,260,1,2.35,11,0.5,0.5,0,0,,12.3,2,1,0
			1,2020-13-01 00:25:32,2020-07-01 00:16:44,N,1,75,74,3,2.76,12,0.5,0.5,0,0,,0.3,13.3,2,1,0
			1,2020-07-01 00:00:52,2020-07-01 00:09:10,N,1,74
			2,2020-07-01 00:01:00,2020-07-01 00:01:07,1,112,112,1,.00,2.5,0.5,0.5,0,0,,0.3,3.8,2,1,0
			""", """
			VendorID,lpep_pickup_datetime,lpep_dropoff_datetime,store_and_fwd_flag,RatecodeID,PULocationID,DOLocationID,passenger_count,trip_distance,fare_amount,extra,mta_tax,tip_amount,tolls_amount,ehail_fee,improvement_surcharge,total_amount,payment_type,trip_type,congestion_surcharge,cbd_congestion_fee
			2,2020-07-01 00:00:02,2020-07-01 00:03:10,N,1,13,95,1,.21,3.5,0.5,0.5,0,0,,1,8.75,2,1,2.5,0.75
			,2020-07-01 00:00:02,2020-07-01 00:18:15,,,163,74,,2.61,11.5,0.5,0.5,3.93,0,,1,17.43,,,,
			2,2020-06-28 12:38:54,2020-06-28 12:50:51,N,1,255,69,1,1.70,-8.5,-0.5,-0.5,-2.81,0,,-1,-13.31,1,1,0,0
			2,2020-07-01 00:00:33,2020-07-01 00:19:52,N,1,74,260,1,2.35,11,0.5,0.5,0,0,1,13,2,1,0,0
			2,2020-07-01 00:00:39,2020-07-01 00:04:54,yes,1,74,157,2,.77,5,0.5,0.5,0.97,0,,1,7.97,1,1,0,0
			2,2020-07-01 00:00:49,2020-07-01 00:23:44,0,1,116,116,5,3.32,13,0.5,0.5,3.2,0,,1,18.2,1,1,0,0
			""", """
			dispatching_base_num,pickup_datetime,dropOff_datetime,PUlocationID,DOlocationID,SR_Flag,Affiliated_base_number
			B00856,2020-07-01 00:00:00,2020-07-01 00:20:34,35,227,,B00856
			B02510,2020-07-01 00:00:01,2020-07-01 00:15:02,76,210,,B00381
			B01312,2020-06-29 14:40:44,2020-06-29 14:53:47,,155,,B02800
			B02800,2088-07-01 00:01:35,2088-07-01 00:08:55,99,,1,B02800
			B01312,2020-07-01 00:00:08,2020-07-01 00:10:26,null,151,,
			B01312,2020-07-01 00:00:05,2020-07-01 00:18:37,N/A,47,,B01312
			B00111,2020-07-01 00:00:22,2020-07-01 00:25:08,76,#VALUE!,,B00111
			2020-07-01 00:00:27,2020-07-01 00:32:27,51,51,,B02800
			B01145,2020-13-01 00:25:32,2020-07-01 00:58:10,,35,,
			B00856,2020-07-01 00:00:40,2020-07-01 00:20:04,12.5.0,188,,B00856
			B02510,2020-07-01 00:00:48,2020-07-01 00:09:22,1O.5,142,,
			B01312,2020-07
			B00856,2020-07-01 00:00:57,55,41,,B00856
			""");

	static final List<String> EDGE_CASES = List.of("", " ", "\t", ",", ",,", ",".repeat(17), ",".repeat(19),
			",".repeat(MalformedCsv.HUGE_FIELD_LENGTH), " , ", "a", "a,", ",a", "a,,b", "a,b,", "a,b,,", ",,a,,",
			" a , b ", "\t1,\t2\t", "1,2 ", " 1,2", "  ,  ,  ", "Z\u00FCrich,\u6771\u4EAC,\uD83D\uDE00,\u00DF",
			"\uFEFFVendorID,tpep_pickup_datetime", "\u00A0,\u2003,\u3000", "\uFFFD,1,\uFFFD\uFFFD", "a\u0000b,c",
			"\uD83D,\uDE00", "O'Hare,'1',''", "a\\,b\\", "1;2;3", "1|2,3", "N/A,null,NULL,#VALUE!,1O.5,12.5.0",
			"x".repeat(MalformedCsv.HUGE_FIELD_LENGTH), "1.5,".repeat(50_000), "9".repeat(60_000) + ",1",
			"a\rb,c", "a\nb,c", "a\r\nb,c");

	private final RFC4180Parser parser = new RFC4180ParserBuilder().build();

	@Test
	void everyLineOfTheBundledRidesCsvSplitsAsTheParserSplitsIt() throws IOException {
		String csv = Files.readString(BundledRides.CSV, StandardCharsets.UTF_8);

		List<String> lines = lines(csv);

		assertThat(lines).hasSize(267).noneMatch((line) -> line.indexOf('"') >= 0);
		assertSameFields(lines);
	}

	@Test
	void generatedRowsOfEveryDatasetSplitAsTheParserSplitsThem() {
		for (String csv : GENERATED) {
			assertThat(assertSameFields(lines(csv))).isGreaterThan(6);
		}
	}

	@Test
	void quoteFreeLinesOfMalformedFilesSplitAsTheParserSplitsThem() throws IOException {
		MalformedCsv generator = MalformedCsv.from(Files.readString(BundledRides.CSV, StandardCharsets.UTF_8));
		int compared = 0;
		for (long seed = 1; seed <= 100; seed++) {
			MalformedCsv.Sample sample = generator.generate(seed, 300, 0.5);
			compared += assertSameFields(lines(new String(sample.bytes(), StandardCharsets.UTF_8)));
		}
		assertThat(compared).isGreaterThan(20_000);
	}

	@Test
	void randomLinesSplitAsTheParserSplitsThem() {
		String[] tokens = { "", "", "", " ", "  ", "\t", "2020-07-01 00:00:01", "2020-07-01T00:00:01.5", "-0.5", ".75",
				"1.0", "N", "Y", "B02800", "#VALUE!", "1O.5", "null", "N/A", "'", "\\", ";", "\u00E9", "\u6771\u4EAC",
				"\uD83D\uDE00", "\uFEFF", "\u00A0", "\uFFFD", "\u0000", "\r", "\n" };
		String alphabet = "0123456789.-+ eE:NYabc\t'\\;\u00E9\u00FC\u6771\uFEFF\u00A0\uFFFD";
		SplittableRandom random = new SplittableRandom(20_200_701);
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			int fields = random.nextInt(41);
			StringBuilder line = new StringBuilder();
			for (int field = 0; field < fields; field++) {
				if (field > 0) {
					line.append(',');
				}
				if (random.nextBoolean()) {
					line.append(tokens[random.nextInt(tokens.length)]);
				}
				else {
					for (int length = random.nextInt(13); length > 0; length--) {
						line.append(alphabet.charAt(random.nextInt(alphabet.length())));
					}
				}
			}
			lines.add(line.toString());
		}

		assertThat(assertSameFields(lines)).isEqualTo(lines.size());
	}

	@Test
	void edgeCasesSplitAsTheParserSplitsThem() {
		assertThat(assertSameFields(EDGE_CASES)).isEqualTo(EDGE_CASES.size());
	}

	@Test
	void theReaderGivesTheSameRowsWithTheSplitAsWithTheParserForEveryLine() throws IOException {
		String bundled = Files.readString(BundledRides.CSV, StandardCharsets.UTF_8);
		assertSameRows(bundled.getBytes(StandardCharsets.UTF_8));
		for (String csv : GENERATED) {
			assertSameRows(csv.getBytes(StandardCharsets.UTF_8));
		}
		MalformedCsv generator = MalformedCsv.from(bundled);
		for (long seed = 1; seed <= 50; seed++) {
			assertSameRows(generator.generate(seed, 300, 0.5).bytes());
		}
	}

	/**
	 * Compares the split of every line without quotes with the parser's fields; returns how many lines that was.
	 * The lines that differ are all listed in the failure.
	 */
	private int assertSameFields(List<String> lines) {
		List<String> differences = new ArrayList<>();
		int compared = 0;
		for (String line : lines) {
			if (line.indexOf('"') >= 0) {
				continue;
			}
			compared++;
			String[] split = RideCsvReader.splitQuoteFree(line);
			String[] parsed;
			try {
				parsed = this.parser.parseLine(line);
			}
			catch (IOException ex) {
				differences.add(Values.abbreviate(line) + ": the parser fails: " + ex.getMessage());
				continue;
			}
			if (!Arrays.equals(split, parsed)) {
				differences.add(Values.abbreviate(line) + ": split " + Values.abbreviate(Arrays.toString(split))
						+ ", parser " + Values.abbreviate(Arrays.toString(parsed)));
			}
		}
		assertThat(differences).as("lines split otherwise than by the parser").isEmpty();
		return compared;
	}

	private static void assertSameRows(byte[] csv) {
		assertThat(readAll(csv, true)).isEqualTo(readAll(csv, false));
	}

	private static List<RideRow> readAll(byte[] csv, boolean splitQuoteFreeLines) {
		List<RideRow> rows = new ArrayList<>();
		Reader text = new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
		try (RideCsvReader reader = RideCsvReader.open(text, splitQuoteFreeLines)) {
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				rows.add(row);
			}
		}
		return rows;
	}

	/** The lines of a text as the reader sees them (any line break), however long. */
	private static List<String> lines(String text) {
		BoundedLineReader reader = new BoundedLineReader(new StringReader(text), Integer.MAX_VALUE);
		List<String> lines = new ArrayList<>();
		try {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return lines;
	}

}
