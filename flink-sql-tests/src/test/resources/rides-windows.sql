-- The rides topic as a Flink table: the producer's plain JSON values (ridestream.format=json), each field under its
-- TLC column name, times as ISO-8601 local date-times. The watermark trails the latest pickup read by an hour, the
-- consumer's grace period; emitted on every ride, so that it stands exactly there whenever a ride is windowed.
-- Read from the first offset to the last one at the start of the job (committed transactions only), then the job ends.
CREATE TABLE rides (
	tpep_pickup_datetime TIMESTAMP(3),
	total_amount DECIMAL(18, 6),
	WATERMARK FOR tpep_pickup_datetime AS tpep_pickup_datetime - INTERVAL '1' HOUR
) WITH (
	'connector' = 'kafka',
	'topic' = 'rides',
	'properties.bootstrap.servers' = '${bootstrap.servers}',
	'properties.group.id' = 'flink-sql-rides-windows',
	'properties.isolation.level' = 'read_committed',
	'scan.startup.mode' = 'earliest-offset',
	'scan.bounded.mode' = 'latest-offset',
	'scan.watermark.emit.strategy' = 'on-event',
	'format' = 'json',
	'json.timestamp-format.standard' = 'ISO-8601'
);

-- Rides and revenue per 10-minute tumbling window of pickup time, as GET /stats/windows?type=tumbling lists them.
SELECT window_start, window_end, COUNT(*) AS rides, SUM(total_amount) AS revenue
FROM TABLE(TUMBLE(TABLE rides, DESCRIPTOR(tpep_pickup_datetime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;
