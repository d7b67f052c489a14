package io.ridestream.generator;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.ridestream.model.Dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuirksTests {

	private static final int RIDES = 20_000;

	private static final List<String> MONEY = List.of("fare_amount", "extra", "mta_tax", "tip_amount", "tolls_amount",
			"improvement_surcharge", "total_amount", "congestion_surcharge", "airport_fee");

	@Test
	void blankVendorRowsHaveNoneOfTheCodesTheVendorRecords() throws IOException {
		Written written = write(yellow2021().withQuirks(QuirkRates.NONE.withBlankVendor(0.05)));

		List<Map<String, String>> blank = written.rows().stream().filter((row) -> row.get("VendorID").isEmpty()).toList();

		assertThat((long) blank.size()).isEqualTo(written.quirks().blankVendor()).isBetween(850L, 1_150L);
		assertThat(blank).allSatisfy((row) -> {
			assertThat(List.of("passenger_count", "RatecodeID", "store_and_fwd_flag", "payment_type",
					"congestion_surcharge", "airport_fee")).allSatisfy((column) -> assertThat(row.get(column)).isEmpty());
			assertThat(row.get("fare_amount")).isNotEmpty();
			assertThat(row.get("PULocationID")).isNotEmpty();
		});
	}

	@Test
	void refundsNegateEveryAmountTheTotalToo() throws IOException {
		Written written = write(yellow2021().withQuirks(QuirkRates.NONE.withRefunds(0.05)));

		List<Map<String, String>> refunds = written.rows().stream()
			.filter((row) -> new BigDecimal(row.get("total_amount")).signum() < 0)
			.toList();

		// The taxi rides have a few refunds of their own: disputes and no-charge rides.
		assertThat((long) refunds.size()).isEqualTo(written.quirks().refunds()).isBetween(950L, 1_350L);
		assertThat(refunds).allSatisfy((row) -> {
			assertThat(new BigDecimal(row.get("fare_amount"))).isNegative();
			assertThat(MONEY).allSatisfy((column) -> assertThat(row.get(column)).matches("|0|-.*"));
		});
	}

	@Test
	void unusualCodesArePaymentTypeZeroOrVendorFiveOrSix() throws IOException {
		Written written = write(yellow2021().withDataset(Dataset.GREEN)
			.withQuirks(QuirkRates.NONE.withUnusualCodes(0.04)));

		long paymentTypeZero = written.rows().stream().filter((row) -> row.get("payment_type").equals("0")).count();
		long vendorFiveOrSix = written.rows().stream()
			.filter((row) -> Set.of("5", "6").contains(row.get("VendorID")))
			.count();

		assertThat(paymentTypeZero).isEqualTo(written.quirks().paymentTypeZero()).isBetween(300L, 500L);
		assertThat(vendorFiveOrSix).isEqualTo(written.quirks().unusualVendors()).isBetween(300L, 500L);
	}

	@Test
	void outliersArePickedUpJustBeforeTheMonthOrInFarOffYears() throws IOException {
		LocalDateTime start = LocalDateTime.of(2023, 1, 1, 0, 0);
		Written written = write(GeneratorSettings.of(RIDES).withStart(start).withRidesPerMinute(10)
			.withLayout(Layout.YEAR_2023).withQuirks(QuirkRates.NONE.withOutliers(0.03)));

		long beforeMonth = 0;
		long farOff = 0;
		for (Map<String, String> row : written.rows()) {
			String pickup = row.get("tpep_pickup_datetime");
			assertThat(row.get("tpep_dropoff_datetime")).isGreaterThan(pickup);
			if (pickup.startsWith("2023-01")) {
				continue;
			}
			if (pickup.compareTo("2022-12-29") >= 0 && pickup.compareTo("2023") < 0) {
				beforeMonth++;
			}
			else {
				assertThat(pickup.substring(0, 4)).isIn("2002", "2008", "2009", "2088");
				farOff++;
			}
		}
		assertThat(beforeMonth).isEqualTo(written.quirks().pickupsBeforeMonth()).isBetween(300L, 500L);
		assertThat(farOff).isEqualTo(written.quirks().pickupsInFarOffYears()).isBetween(130L, 270L);
	}

	@Test
	void fhvRidesCanBeOutliersToo() throws IOException {
		Written written = write(GeneratorSettings.of(RIDES).withDataset(Dataset.FHV)
			.withQuirks(QuirkRates.NONE.withOutliers(0.02)));

		long outsideTheMonth = written.rows().stream()
			.filter((row) -> !row.get("pickup_datetime").startsWith("2020-07"))
			.count();

		assertThat(outsideTheMonth)
			.isEqualTo(written.quirks().pickupsBeforeMonth() + written.quirks().pickupsInFarOffYears())
			.isBetween(300L, 500L);
		assertThat(written.quirks().blankPickupLocations())
			.isEqualTo(written.rows().stream().filter((row) -> row.get("PUlocationID").isEmpty()).count());
	}

	@Test
	void fhvRecordsHaveNoVendorFaresOrPaymentTypeToMakeOdd() {
		GeneratorSettings fhv = GeneratorSettings.of(10).withDataset(Dataset.FHV);

		assertThatIllegalArgumentException().isThrownBy(() -> fhv.withQuirks(QuirkRates.NONE.withRefunds(0.1)));
		assertThatIllegalArgumentException().isThrownBy(() -> fhv.withQuirks(QuirkRates.NONE.withBlankVendor(0.1)));
		assertThatIllegalArgumentException().isThrownBy(() -> fhv.withQuirks(QuirkRates.NONE.withUnusualCodes(0.1)));
	}

	@Test
	void noOddRowsByDefaultButTheTaxiRidesOwnRefunds() throws IOException {
		Written written = write(yellow2021());

		assertThat(written.quirks()).isEqualTo(new QuirkCounts(0, 0, 0, written.quirks().refunds(), 0, 0, 0, 0));
		assertThat(written.quirks().refunds()).isBetween(100L, 220L);
	}

	@Test
	void oddRowsLeaveTheOtherRidesAsTheyWere() throws IOException {
		GeneratorSettings settings = yellow2021();
		List<Map<String, String>> plain = write(settings).rows();
		Written odd = write(settings.withQuirks(new QuirkRates(0.02, 0.02, 0.02, 0.02)));

		List<Integer> changed = IntStream.range(0, RIDES)
			.filter((i) -> !odd.rows().get(i).equals(plain.get(i)))
			.boxed()
			.toList();
		QuirkCounts counts = odd.quirks();
		assertThat(changed).hasSizeBetween(1_300, 1_700)
			.allSatisfy((i) -> assertThat(odd.rows().get(i)).satisfiesAnyOf(
					(row) -> assertThat(row.get("VendorID")).isIn("", "5", "6"),
					(row) -> assertThat(row.get("payment_type")).isEqualTo("0"),
					(row) -> assertThat(row.get("total_amount")).startsWith("-"),
					(row) -> assertThat(row.get("tpep_pickup_datetime")).doesNotStartWith("2020-07")));
		assertThat(counts.blankVendor() + counts.unusualVendors() + counts.paymentTypeZero()
				+ counts.pickupsBeforeMonth() + counts.pickupsInFarOffYears()).isLessThanOrEqualTo(changed.size());
	}

	@Test
	void countsOnlyTheRowsThatAreNotBroken() throws IOException {
		GeneratorSettings settings = yellow2021().withMalformedFraction(0.1)
			.withQuirks(QuirkRates.NONE.withBlankVendor(0.1));
		StringWriter csv = new StringWriter();

		GenerationResult result = new RideGenerator(settings).write(csv);

		Set<Long> broken = new HashSet<>(result.malformedLines());
		List<String> lines = csv.toString().lines().toList();
		long blankVendor = IntStream.range(1, lines.size())
			.filter((i) -> !broken.contains(i + 1L) && lines.get(i).startsWith(","))
			.count();
		assertThat(result.quirks().blankVendor()).isEqualTo(blankVendor).isPositive();
	}

	private static GeneratorSettings yellow2021() {
		return GeneratorSettings.of(RIDES).withLayout(Layout.YEAR_2021);
	}

	private static Written write(GeneratorSettings settings) throws IOException {
		StringWriter csv = new StringWriter();
		GenerationResult result = new RideGenerator(settings).write(csv);
		return new Written(GeneratedCsv.records(csv.toString()), result.quirks());
	}

	private record Written(List<Map<String, String>> rows, QuirkCounts quirks) {
	}

}
