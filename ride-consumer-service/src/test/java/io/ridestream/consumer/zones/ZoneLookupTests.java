package io.ridestream.consumer.zones;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ZoneLookupTests {

	private static final String HEADER = "\"LocationID\",\"Borough\",\"Zone\",\"service_zone\"\n";

	private final ZoneLookup bundled = ZoneLookup.load(new ClassPathResource("data/taxi_zone_lookup.csv"));

	@Test
	void bundledTableListsAll265Zones() {
		assertThat(this.bundled.size()).isEqualTo(265);
	}

	@Test
	void namesKnownLocations() {
		assertThat(this.bundled.zone(1)).isEqualTo(new Zone(1, "EWR", "Newark Airport", "EWR"));
		assertThat(this.bundled.zone(132)).isEqualTo(new Zone(132, "Queens", "JFK Airport", "Airports"));
		assertThat(this.bundled.zone(186).zone()).isEqualTo("Penn Station/Madison Sq West");
	}

	@Test
	void namesUnlistedLocationsUnknown() {
		assertThat(this.bundled.zone(999)).isEqualTo(new Zone(999, "Unknown", "Unknown", "Unknown"));
		assertThat(this.bundled.zone(0).borough()).isEqualTo("Unknown");
	}

	@Test
	void findsColumnsByNameInAnyOrderAndCase() {
		ZoneLookup lookup = ZoneLookup.load(csv("Zone,service_zone,LocationID,Borough\nJFK Airport,Airports,132,Queens\n"));

		assertThat(lookup.zone(132)).isEqualTo(new Zone(132, "Queens", "JFK Airport", "Airports"));
	}

	@Test
	void failsClearlyWhenTheFileIsMissing() {
		assertThatExceptionOfType(ZonesFileException.class)
			.isThrownBy(() -> ZoneLookup.load(new FileSystemResource("/nonexistent/zones.csv")))
			.withMessageContaining("/nonexistent/zones.csv")
			.withMessageContaining("does not exist");
	}

	@Test
	void failsClearlyWhenTheFileIsEmpty() {
		assertThatExceptionOfType(ZonesFileException.class).isThrownBy(() -> ZoneLookup.load(csv("")))
			.withMessageContaining("empty");
	}

	@Test
	void failsClearlyWhenTheHeaderLacksAColumn() {
		assertThatExceptionOfType(ZonesFileException.class)
			.isThrownBy(() -> ZoneLookup.load(csv("LocationID,Borough,service_zone\n1,EWR,EWR\n")))
			.withMessageContaining("lacks the column zone");
	}

	@Test
	void failsClearlyOnALocationIdThatIsNotANumber() {
		assertThatExceptionOfType(ZonesFileException.class)
			.isThrownBy(() -> ZoneLookup.load(csv(HEADER + "1,EWR,Newark Airport,EWR\nabc,Queens,JFK Airport,Airports\n")))
			.withMessageContaining("line 3")
			.withMessageContaining("'abc' is not a location id");
	}

	@Test
	void failsClearlyOnARepeatedLocationId() {
		assertThatExceptionOfType(ZonesFileException.class)
			.isThrownBy(() -> ZoneLookup.load(csv(HEADER + "1,EWR,Newark Airport,EWR\n1,Queens,JFK Airport,Airports\n")))
			.withMessageContaining("repeats location id 1");
	}

	@Test
	void failsClearlyOnAShortRow() {
		assertThatExceptionOfType(ZonesFileException.class)
			.isThrownBy(() -> ZoneLookup.load(csv(HEADER + "1,EWR\n")))
			.withMessageContaining("line 2 has 2 fields");
	}

	private static ByteArrayResource csv(String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test zones");
	}

}
