package io.ridestream.generator;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLineTests {

	private final CsvLine line = new CsvLine();

	@Test
	void writesMoneyWithoutTrailingZerosAsTlcFilesDo() {
		assertThat(money(800)).isEqualTo("8");
		assertThat(money(50)).isEqualTo("0.5");
		assertThat(money(1416)).isEqualTo("14.16");
		assertThat(money(1405)).isEqualTo("14.05");
		assertThat(money(0)).isEqualTo("0");
		assertThat(money(-50)).isEqualTo("-0.5");
		assertThat(money(-250)).isEqualTo("-2.5");
	}

	@Test
	void writesDistancesWithTwoDecimalsAndNoLeadingZero() {
		assertThat(distance(150)).isEqualTo("1.50");
		assertThat(distance(73)).isEqualTo(".73");
		assertThat(distance(5)).isEqualTo(".05");
		assertThat(distance(0)).isEqualTo(".00");
		assertThat(distance(1865)).isEqualTo("18.65");
	}

	@Test
	void writesTimestampsAsYearMonthDayAndTimeOfDay() {
		assertThat(timestamp(LocalDateTime.of(2020, 7, 1, 0, 25, 32))).isEqualTo("2020-07-01 00:25:32");
		assertThat(timestamp(LocalDateTime.of(2020, 12, 31, 23, 59, 59))).isEqualTo("2020-12-31 23:59:59");
		assertThat(timestamp(LocalDateTime.of(2021, 1, 1, 9, 5, 0))).isEqualTo("2021-01-01 09:05:00");
	}

	@Test
	void writesFieldsOneAfterAnotherAndStartsAgainWhenCleared() {
		this.line.appendNumber(1234567890123L).comma().appendOptional(Trip.EMPTY).comma().appendOptional(6);
		assertThat(this.line).hasToString("1234567890123,,6");

		this.line.clear();
		this.line.appendNumber(0);
		assertThat(this.line).hasToString("0");
		assertThat(this.line.length()).isEqualTo(1);
	}

	private String money(long cents) {
		this.line.clear();
		return this.line.appendMoney(cents).toString();
	}

	private String distance(long hundredths) {
		this.line.clear();
		return this.line.appendHundredths(hundredths).toString();
	}

	private String timestamp(LocalDateTime time) {
		this.line.clear();
		return this.line.appendTimestamp(time.toEpochSecond(ZoneOffset.UTC)).toString();
	}

}
