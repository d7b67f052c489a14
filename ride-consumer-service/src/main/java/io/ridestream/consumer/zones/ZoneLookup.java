package io.ridestream.consumer.zones;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;

import org.springframework.core.io.Resource;

/**
 * Names the TLC location ids that rides carry: borough and zone for each id of the taxi zone lookup table.
 * Loaded once at startup and never changed.
 */
public final class ZoneLookup {

	private static final List<String> COLUMNS = List.of("locationid", "borough", "zone", "service_zone");

	/**
	 * Where rides from or to a location id that the table does not list are counted: one place for all of them,
	 * so that no stream of made-up ids can grow the statistics without bound. Not a TLC location id.
	 */
	public static final int OTHER_LOCATION = 0;

	private final Map<Integer, Zone> zones;

	/** Whether each id up to the largest one listed is listed, for a check per ride that allocates nothing. */
	private final boolean[] listed;

	private ZoneLookup(Map<Integer, Zone> zones) {
		this.zones = Map.copyOf(zones);
		this.listed = new boolean[zones.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
		zones.keySet().stream().filter((id) -> id >= 0).forEach((id) -> this.listed[id] = true);
	}

	/**
	 * Reads a taxi zone lookup CSV with the columns LocationID, Borough, Zone and service_zone (in any order and
	 * case).
	 * @throws ZonesFileException if the file is missing, unreadable, empty or has a row that is not a zone
	 */
	public static ZoneLookup load(Resource file) {
		String location = file.getDescription();
		if (!file.exists()) {
			throw new ZonesFileException(location, "the file does not exist", null);
		}
		try (Reader text = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
				CSVReader csv = new CSVReaderBuilder(text).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
			return new ZoneLookup(read(csv, location));
		}
		catch (IOException | CsvException ex) {
			throw new ZonesFileException(location, ex.getMessage(), ex);
		}
	}

	private static Map<Integer, Zone> read(CSVReader csv, String location) throws IOException, CsvException {
		String[] header = csv.readNext();
		if (header == null) {
			throw new ZonesFileException(location, "the file is empty", null);
		}
		int[] positions = positionsOf(header, location);
		Map<Integer, Zone> zones = new HashMap<>();
		String[] row;
		while ((row = csv.readNext()) != null) {
			long line = csv.getLinesRead();
			if (row.length == 1 && row[0].isBlank()) {
				continue;
			}
			Zone zone = zoneOf(row, positions, location, line);
			if (zones.putIfAbsent(zone.locationId(), zone) != null) {
				throw new ZonesFileException(location, "line " + line + " repeats location id " + zone.locationId(),
						null);
			}
		}
		if (zones.isEmpty()) {
			throw new ZonesFileException(location, "the file lists no zones", null);
		}
		return zones;
	}

	private static int[] positionsOf(String[] header, String location) {
		int[] positions = new int[COLUMNS.size()];
		for (int column = 0; column < COLUMNS.size(); column++) {
			positions[column] = -1;
			for (int i = 0; i < header.length; i++) {
				String name = header[i].replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
				if (name.equals(COLUMNS.get(column))) {
					positions[column] = i;
				}
			}
			if (positions[column] < 0) {
				throw new ZonesFileException(location,
						"the header lacks the column " + COLUMNS.get(column) + ", expected " + COLUMNS, null);
			}
		}
		return positions;
	}

	private static Zone zoneOf(String[] row, int[] positions, String location, long line) {
		if (row.length <= max(positions)) {
			throw new ZonesFileException(location,
					"line " + line + " has " + row.length + " fields, fewer than the header", null);
		}
		String id = row[positions[0]].strip();
		try {
			return new Zone(Integer.parseInt(id), row[positions[1]].strip(), row[positions[2]].strip(),
					row[positions[3]].strip());
		}
		catch (NumberFormatException ex) {
			throw new ZonesFileException(location, "line " + line + ": '" + id + "' is not a location id", ex);
		}
	}

	private static int max(int[] values) {
		int max = values[0];
		for (int value : values) {
			max = Math.max(max, value);
		}
		return max;
	}

	/** The zone with this location id, or a zone named "Unknown" in borough "Unknown" if the table lacks it. */
	public Zone zone(int locationId) {
		Zone zone = this.zones.get(locationId);
		if (zone != null) {
			return zone;
		}
		return (locationId == OTHER_LOCATION) ? Zone.notListed() : Zone.unknown(locationId);
	}

	/** The location id if the ride gives one and the table lists it, otherwise {@link #OTHER_LOCATION}. */
	public int listedOrOther(Integer locationId) {
		return (locationId != null) ? listedOrOther(locationId.intValue()) : OTHER_LOCATION;
	}

	/** The location id if the table lists it, otherwise {@link #OTHER_LOCATION}. */
	public int listedOrOther(int locationId) {
		return (locationId >= 0 && locationId < this.listed.length && this.listed[locationId]) ? locationId
				: OTHER_LOCATION;
	}

	/** How many zones the table lists. */
	public int size() {
		return this.zones.size();
	}

}
