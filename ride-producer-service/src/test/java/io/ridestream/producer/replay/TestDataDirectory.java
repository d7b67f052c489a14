package io.ridestream.producer.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A data directory of ride files, with what must not be replayed from it beside them: a subdirectory, a hidden
 * file, and links leading out of it to a secret file and to a directory.
 */
final class TestDataDirectory {

	static final String RIDES_CSV = TestCsv.rides(3);

	static final int GZIP_RIDES = 4;

	/** A file outside the data directory, which links in it lead to. */
	final Path outside;

	final Path directory;

	private TestDataDirectory(Path outside, Path directory) {
		this.outside = outside;
		this.directory = directory;
	}

	static TestDataDirectory create() {
		try {
			Path root = Files.createTempDirectory("ridestream-data-test-");
			Path outside = Files.createDirectory(root.resolve("outside"));
			Files.writeString(outside.resolve("secret.csv"), TestCsv.rides(1));
			Path data = Files.createDirectory(root.resolve("data"));
			Files.writeString(data.resolve("rides.csv"), RIDES_CSV);
			Files.write(data.resolve("rides.csv.gz"), gzip(TestCsv.rides(GZIP_RIDES)));
			Files.write(data.resolve("trips.parquet"), "PAR1\u0015\u0000garbage".getBytes(StandardCharsets.ISO_8859_1));
			Files.writeString(Files.createDirectory(data.resolve("nested")).resolve("nested.csv"), TestCsv.rides(1));
			Files.writeString(data.resolve(".hidden.csv"), TestCsv.rides(1));
			Files.createSymbolicLink(data.resolve("inside-link.csv"), Path.of("rides.csv"));
			Files.createSymbolicLink(data.resolve("outside-link.csv"), outside.resolve("secret.csv"));
			Files.createSymbolicLink(data.resolve("outside-dir"), outside);
			return new TestDataDirectory(outside, data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
