package io.ridestream.producer.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.ridestream.read.RideRow;
import io.ridestream.read.RideCsvReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadAheadTests {

	@Test
	void givesEveryRowInFileOrderAcrossChunks() throws InterruptedException {
		int rides = ReadAhead.CHUNK_ROWS * ReadAhead.CHUNKS * 2 + 7;
		String csv = TestCsv.rides(rides).replace(TestCsv.ride("2020-07-01 00:00:10"), "not,a,ride");

		List<RideRow> rows = new ArrayList<>();
		try (RideCsvReader reader = RideCsvReader.open(bytes(csv));
				ReadAhead readAhead = new ReadAhead(reader, "test-csv", new CountDownLatch(1))) {
			for (RideRow row = readAhead.next(); row != null; row = readAhead.next()) {
				rows.add(row);
			}
			assertThat(readAhead.next()).as("after the end").isNull();
		}

		assertThat(rows).hasSize(rides).isEqualTo(readDirectly(csv));
		assertThat(rows.get(10)).isInstanceOf(RideRow.Rejected.class);
	}

	@Test
	void givesTheRowsBeforeAReadFailureThenTheFailureAsReadingDirectlyDoes() throws InterruptedException {
		String good = TestCsv.rides(ReadAhead.CHUNK_ROWS * 3);
		List<RideRow> direct = new ArrayList<>();
		RuntimeException directFailure = readUntilFailure(failingAfter(good), direct::add);

		List<RideRow> rows = new ArrayList<>();
		RuntimeException failure;
		try (RideCsvReader reader = RideCsvReader.open(failingAfter(good));
				ReadAhead readAhead = new ReadAhead(reader, "test-csv", new CountDownLatch(1))) {
			failure = catchRuntime(() -> {
				for (RideRow row = readAhead.next(); row != null; row = readAhead.next()) {
					rows.add(row);
				}
			});
		}

		assertThat(directFailure).isInstanceOf(UncheckedIOException.class);
		assertThat(failure).isInstanceOf(UncheckedIOException.class).hasMessage(directFailure.getMessage());
		assertThat(rows).hasSizeGreaterThan(ReadAhead.CHUNK_ROWS).isEqualTo(direct);
	}

	@Test
	void givesTheRowsOfAPartlyFilledChunkBeforeAReadFailure() throws InterruptedException {
		int rides = ReadAhead.CHUNK_ROWS * 2 + 100;
		List<RideRow> rows = new ArrayList<>();
		RuntimeException failure;
		try (RideCsvReader reader = RideCsvReader.open(failingAfter(TestCsv.rides(rides)));
				ReadAhead readAhead = new ReadAhead(reader, "test-csv", new CountDownLatch(1))) {
			failure = catchRuntime(() -> {
				for (RideRow row = readAhead.next(); row != null; row = readAhead.next()) {
					rows.add(row);
				}
			});
		}

		assertThat(failure).isInstanceOf(UncheckedIOException.class);
		assertThat(rows).hasSize(rides);
	}

	private static RuntimeException readUntilFailure(InputStream in, java.util.function.Consumer<RideRow> rows) {
		try (RideCsvReader reader = RideCsvReader.open(in)) {
			return catchRuntime(() -> {
				for (RideRow row = reader.next(); row != null; row = reader.next()) {
					rows.accept(row);
				}
			});
		}
	}

	private static RuntimeException catchRuntime(Reading reading) {
		try {
			reading.run();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
		catch (InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	private interface Reading {

		void run() throws InterruptedException;

	}

	/** The text, then a read failure. */
	private static InputStream failingAfter(String text) {
		return new SequenceInputStream(bytes(text), new InputStream() {
			@Override
			public int read() throws IOException {
				throw new IOException("disk gone");
			}
		});
	}

	@Test
	void closingStopsTheReaderThatWaitsForRowsToBeTaken() throws InterruptedException {
		RideCsvReader reader = RideCsvReader.open(bytes(TestCsv.rides(ReadAhead.CHUNK_ROWS * (ReadAhead.CHUNKS + 4))));
		ReadAhead readAhead = new ReadAhead(reader, "test-csv-stopped", new CountDownLatch(1));
		assertThat(readAhead.next()).isInstanceOf(RideRow.Parsed.class);
		await().until(() -> readerThread("test-csv-stopped") != null
				&& readerThread("test-csv-stopped").getState() == Thread.State.TIMED_WAITING);

		readAhead.close();

		assertThat(readerThread("test-csv-stopped")).as("reading thread still alive").isNull();
	}

	private static List<RideRow> readDirectly(String csv) {
		List<RideRow> rows = new ArrayList<>();
		try (RideCsvReader reader = RideCsvReader.open(bytes(csv))) {
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				rows.add(row);
			}
		}
		return rows;
	}

	private static Thread readerThread(String name) {
		return Thread.getAllStackTraces().keySet().stream().filter((t) -> t.getName().equals(name)).findFirst().orElse(null);
	}

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
