package io.ridestream.serde;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.ridestream.model.Decimals;
import io.ridestream.model.PlainTimestamps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The hand-written readers and writers of decimals and date-times give exactly what the JDK's would, on edge cases
 * and on many random values.
 */
class FastNumberAndTimeFormatsTest {

	private final SplittableRandom random = new SplittableRandom(42);

	@Test
	void readsDecimalsWithTheValueAndScaleOfTheBigDecimalConstructor() {
		List<String> texts = new ArrayList<>(List.of("0", "-0", "8", "0.5", "-0.5", "1.50", "-12.50", "0.00", ".5",
				"5.", "007.10", "123456789012345678", "1234567890123456789", "99999999999999999.9", "1e3", "1E-2",
				"+5", "-", ".", "", "1.2.3", "--1", "1,5", " 1", "1 ", "١٢", "NaN", "-.5"));
		for (int i = 0; i < 10_000; i++) {
			long unscaled = this.random.nextLong(-10_000_000L, 10_000_000L);
			texts.add(BigDecimal.valueOf(unscaled, this.random.nextInt(0, 7)).toPlainString());
		}

		for (String text : texts) {
			Throwable expectedFailure = catchThrowable(() -> new BigDecimal(text));
			if (expectedFailure != null) {
				assertThatExceptionOfType(NumberFormatException.class).as(text).isThrownBy(() -> Decimals.parse(text));
			}
			else {
				BigDecimal parsed = Decimals.parse(text);
				assertThat(parsed).as(text).isEqualTo(new BigDecimal(text));
				assertThat(parsed.scale()).as(text).isEqualTo(new BigDecimal(text).scale());
			}
		}
	}

	@Test
	void writesDateTimesAsTheIsoFormatterDoes() {
		List<LocalDateTime> times = new ArrayList<>(List.of(LocalDateTime.of(2020, 7, 1, 0, 25, 0),
				LocalDateTime.of(0, 1, 1, 0, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59),
				LocalDateTime.of(10_000, 1, 1, 0, 0, 0), LocalDateTime.of(-1, 1, 1, 0, 0, 0),
				LocalDateTime.of(2020, 7, 1, 0, 25, 32, 500_000_000), LocalDateTime.of(2020, 7, 1, 0, 25, 32, 1)));
		for (int i = 0; i < 10_000; i++) {
			times.add(LocalDateTime.of(this.random.nextInt(0, 10_000), this.random.nextInt(1, 13),
					this.random.nextInt(1, 29), this.random.nextInt(0, 24), this.random.nextInt(0, 60),
					this.random.nextInt(0, 60), this.random.nextBoolean() ? 0 : this.random.nextInt(0, 1_000_000_000)));
		}

		for (LocalDateTime time : times) {
			assertThat(RideJson.MAPPER.writeValueAsString(time)).as("%s", time)
				.isEqualTo("\"" + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time) + "\"");
		}
	}

	@Test
	void readsPlainDateTimesAsTheIsoParserDoesAndLeavesOtherShapesToIt() {
		List<String> texts = new ArrayList<>(List.of("2020-07-01T00:25:32", "2020-02-30T00:25:32", "2020-07-01T24:00:00",
				"2020-13-01T00:00:00", "0000-01-01T00:00:00", "2020-07-01T00:25", "2020-07-01T00:25:32.5",
				"2020-07-0xT00:25:32", "2020/07/01T00:25:32", "+2020-07-01T00:25"));
		for (int i = 0; i < 10_000; i++) {
			texts.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d", this.random.nextInt(0, 10_000),
					this.random.nextInt(0, 14), this.random.nextInt(0, 33), this.random.nextInt(0, 26),
					this.random.nextInt(0, 61), this.random.nextInt(0, 61)));
		}

		for (String text : texts) {
			Throwable expectedFailure = catchThrowable(() -> LocalDateTime.parse(text));
			Throwable failure = catchThrowable(() -> PlainTimestamps.parse(text));
			if (failure != null) {
				assertThat(failure).as(text).isInstanceOf(DateTimeException.class);
				assertThat(expectedFailure).as(text).isNotNull();
			}
			else {
				LocalDateTime plain = PlainTimestamps.parse(text);
				if (plain != null) {
					assertThat(plain).as(text).isEqualTo(LocalDateTime.parse(text));
				}
			}
		}
	}

}
