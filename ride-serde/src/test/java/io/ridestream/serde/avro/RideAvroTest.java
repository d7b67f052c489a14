package io.ridestream.serde.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;
import io.ridestream.read.BundledRides;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A ride as Avro binary in the ride's Avro schema, and read back from it and from other versions of it. */
class RideAvroTest {

	static final Ride GREEN = new Ride(Dataset.GREEN, 2, LocalDateTime.parse("2019-10-01T00:26:02"),
			LocalDateTime.parse("2019-10-01T00:39:58"), 1, new BigDecimal("3.43"), 1, "N", 112, 196, 1,
			new BigDecimal("13.5"), new BigDecimal("0.5"), new BigDecimal("0.5"), new BigDecimal("2.86"),
			BigDecimal.ZERO, new BigDecimal("0.3"), new BigDecimal("17.16"), BigDecimal.ZERO, null, null, null, 1, null,
			null, null);

	static final Ride FHV = new Ride(Dataset.FHV, null, LocalDateTime.parse("2019-01-01T00:30:00"),
			LocalDateTime.parse("2019-01-01T01:02:00"), null, null, null, null, 264, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, "B00013", 1, "B02510");

	@Test
	void readsBackEveryBundledRideWithTheSameValues() {
		List<Ride> rides = BundledRides.read();

		for (Ride ride : rides) {
			Ride read = roundTrip(ride);
			assertThat(read).usingRecursiveComparison()
				.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
				.isEqualTo(ride);
		}
		assertThat(rides).hasSize(266);
	}

	@Test
	void readsBackGreenAndFhvTripsWithTheirOwnFields() {
		assertThat(roundTrip(GREEN)).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(GREEN);
		assertThat(roundTrip(FHV)).isEqualTo(FHV);
	}

	@Test
	void readsDecimalsBackWithoutTrailingZeros() {
		Ride read = roundTrip(GREEN);

		assertThat(read.tripDistance()).isEqualTo(new BigDecimal("3.43"));
		assertThat(read.fareAmount()).isEqualTo(new BigDecimal("13.5"));
		assertThat(read.tollsAmount()).isEqualTo(new BigDecimal("0"));
	}

	@Test
	void keepsTheLargestAndFinestDecimalsARideMayHold() {
		Ride ride = withTotal(GREEN, new BigDecimal("-999999999999.999999"));

		assertThat(roundTrip(ride).totalAmount()).isEqualTo(new BigDecimal("-999999999999.999999"));
	}

	@Test
	void refusesATimeFinerThanMicroseconds() {
		Ride ride = new Ride(Dataset.FHV, null, LocalDateTime.parse("2019-01-01T00:30:00.000000001"),
				LocalDateTime.parse("2019-01-01T01:02:00"), null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, "B00013", null, null);

		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> RideAvro.write(ride))
			.withMessageContaining("tpep_pickup_datetime")
			.withMessageContaining("microseconds");
	}

	@Test
	void readsARideWrittenWithAnOlderSchemaOfFewerFieldsWithTheOthersNull() throws IOException {
		Schema older = SchemaBuilder.record("Ride").namespace("io.ridestream").fields()
			.name("dataset").type(RideAvroSchema.schema().getField("dataset").schema()).withDefault(null)
			.name("tpep_pickup_datetime").type(RideAvroSchema.schema().getField("tpep_pickup_datetime").schema()).noDefault()
			.name("tpep_dropoff_datetime").type(RideAvroSchema.schema().getField("tpep_dropoff_datetime").schema()).noDefault()
			.name("dispatching_base_num").type().nullable().stringType().noDefault()
			.name("retired_column").type().nullable().intType().noDefault()
			.endRecord();
		GenericRecord record = new GenericData.Record(older);
		record.put("dataset", new GenericData.EnumSymbol(older.getField("dataset").schema().getTypes().get(1), "fhv"));
		record.put("tpep_pickup_datetime", 1_546_302_600_000_000L); // 2019-01-01T00:30:00
		record.put("tpep_dropoff_datetime", 1_546_304_520_000_000L); // 2019-01-01T01:02:00
		record.put("dispatching_base_num", "B00013");
		record.put("retired_column", 7);

		Ride ride = RideAvro.read(older, written(older, record), 0, written(older, record).length);

		assertThat(ride.pickupTime()).isEqualTo(LocalDateTime.parse("2019-01-01T00:30:00"));
		assertThat(ride.dispatchingBaseNumber()).isEqualTo("B00013");
		assertThat(ride.dataset()).isEqualTo(Dataset.FHV);
		assertThat(ride.pickupLocationId()).isNull();
	}

	@Test
	void refusesBytesThatAreNotARide() {
		byte[] garbage = { 1, 2, 3 };

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> RideAvro.read(RideAvroSchema.schema(), garbage, 0, garbage.length))
			.withMessageStartingWith("Not a valid ride: ");
	}

	@Test
	void refusesAMessageThatDeclaresMoreBytesThanItHasWithoutAllocatingThem() {
		// dataset null, VendorID null, the two times, passenger_count null, then trip_distance: 1.5 GB of decimal.
		byte[] lie = { 0, 0, 2, 2, 0, 2, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0xB0, 0x0B };
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> RideAvro.read(RideAvroSchema.schema(), lie, 0, lie.length))
			.withMessageStartingWith("Not a valid ride: not Avro binary");
		assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(64L * 1024 * 1024);
	}

	@Test
	void refusesARideWithoutTheFieldsItsDatasetRequires() throws IOException {
		Schema schema = RideAvroSchema.schema();
		GenericRecord record = new GenericData.Record(schema);
		record.put("dataset", new GenericData.EnumSymbol(schema.getField("dataset").schema().getTypes().get(1), "green"));
		record.put("tpep_pickup_datetime", 1_546_302_600_000_000L);
		record.put("tpep_dropoff_datetime", 1_546_304_520_000_000L);
		byte[] avro = written(schema, record);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> RideAvro.read(schema, avro, 0, avro.length))
			.withMessage("Not a valid ride: trip_distance is required");
	}

	private static Ride roundTrip(Ride ride) {
		byte[] avro = RideAvro.write(ride);
		return RideAvro.read(RideAvroSchema.schema(), avro, 0, avro.length);
	}

	private static byte[] written(Schema schema, GenericRecord record) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
		encoder.flush();
		return out.toByteArray();
	}

	private static Ride withTotal(Ride ride, BigDecimal total) {
		return new Ride(ride.dataset(), ride.vendorId(), ride.pickupTime(), ride.dropoffTime(), ride.passengerCount(),
				ride.tripDistance(), ride.rateCodeId(), ride.storeAndForwardFlag(), ride.pickupLocationId(),
				ride.dropoffLocationId(), ride.paymentType(), ride.fareAmount(), ride.extra(), ride.mtaTax(),
				ride.tipAmount(), ride.tollsAmount(), ride.improvementSurcharge(), total, ride.congestionSurcharge(),
				ride.airportFee(), ride.cbdCongestionFee(), ride.ehailFee(), ride.tripType(),
				ride.dispatchingBaseNumber(), ride.sharedRideFlag(), ride.affiliatedBaseNumber());
	}

}
