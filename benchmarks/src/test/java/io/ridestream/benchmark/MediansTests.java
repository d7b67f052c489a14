package io.ridestream.benchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediansTests {

	@Test
	void medianOfAnOddCountIsTheMiddleValue() {
		assertThat(Medians.of(List.of(300.0, 100.0, 200.0))).isEqualTo(200.0);
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
		assertThat(Medians.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
	}

	@Test
	void unmeasuredValuesAreLeftOut() {
		assertThat(Medians.of(List.of(Double.NaN, 5.0, 7.0, 9.0))).isEqualTo(7.0);
	}

	@Test
	void medianOfNothingIsNotANumber() {
		assertThat(Medians.of(List.of(Double.NaN))).isNaN();
	}

}
