package io.ridestream.read;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedLineReaderTest {

	@Test
	void endsLinesAtLineFeedCarriageReturnOrBoth() throws IOException {
		assertThat(lines("a\nb\r\nc\rd", 100)).containsExactly("a", "b", "c", "d");
	}

	@Test
	void readsTwoCarriageReturnsAsAnEmptyLine() throws IOException {
		assertThat(lines("a\r\rb\r\n\r\nc\n\rd", 100)).containsExactly("a", "", "b", "", "c", "", "d");
	}

	@Test
	void readsCarriageReturnAndLineFeedSplitAcrossBuffersAsOneBreak() throws IOException {
		String first = "x".repeat(8191);

		assertThat(lines(first + "\r\nb\r", 10_000)).containsExactly(first, "b");
	}

	@Test
	void endsWithoutAnEmptyLineAfterAFinalBreak() throws IOException {
		assertThat(lines("a\r", 100)).containsExactly("a");
		assertThat(lines("a\r\n", 100)).containsExactly("a");
		assertThat(lines("", 100)).isEmpty();
	}

	@Test
	void replacesALineOverTheLimitAndCountsIt() throws IOException {
		BoundedLineReader reader = new BoundedLineReader(new StringReader("abc\rabcdef\rab"), 4);

		assertThat(reader.readLine()).isEqualTo("abc");
		assertThat(reader.readLine()).isSameAs(BoundedLineReader.TOO_LONG);
		assertThat(reader.readLine()).isEqualTo("ab");
		assertThat(reader.lineNumber()).isEqualTo(3);
		assertThat(reader.readLine()).isNull();
	}

	private static List<String> lines(String text, int maxLength) throws IOException {
		BoundedLineReader reader = new BoundedLineReader(new StringReader(text), maxLength);
		List<String> lines = new ArrayList<>();
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			lines.add(line);
		}
		return lines;
	}

}
