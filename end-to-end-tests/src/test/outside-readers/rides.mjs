// The rides topic read and written by clients that share no code with Ride Stream: KafkaJS with the kafkajs-lz4
// codec, @kafkajs/confluent-schema-registry for Confluent's wire format (JSON Schema and Avro) and avsc for Avro's
// decimals and local timestamps. OutsideClientsIT starts Kafka, a schema registry and the services, replays rides
// and runs this script; by hand:
//   BROKERS=localhost:9092 REGISTRY_URL=http://localhost:8081 node rides.mjs > rides.jsonl
//
// 1. Reads every record of the topic, from the beginning to the end it has when the script starts, and prints one
//    JSON line per record on stdout: {"read":{partition, offset, timestamp, key, headers, format, schemaId, ride}}
//    or, for a record it cannot decode, {"read":{...}, "error": "..."}. Decimals read from Avro are printed as
//    exact decimal strings, local timestamps as ISO-8601 local date-times. Decimals read from JSON are JavaScript
//    numbers (doubles), as JSON.parse makes them: exact up to 15 significant digits (TLC amounts have 2 decimals).
// 2. Writes RIDES_PER_FORMAT rides of its own in each format it read (plain JSON, and JSON Schema and Avro with the
//    schema ids of the records it read), lz4-compressed, and prints {"wrote":{format, schemaId, key, ride}} for each.
// Logs go to stderr. Exits with 1 if anything fails (a record it cannot decode is printed, not a failure).
import kafkajs from 'kafkajs';
import LZ4Codec from 'kafkajs-lz4';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import avro from 'avsc';

const { Kafka, CompressionTypes, CompressionCodecs, Partitioners, logLevel } = kafkajs;

const BROKERS = required('BROKERS').split(',');
const REGISTRY_URL = required('REGISTRY_URL');
const TOPIC = process.env.TOPIC ?? 'rides';
const RIDES_PER_FORMAT = Number(process.env.RIDES_PER_FORMAT ?? 3);
const READ_TIMEOUT_MS = Number(process.env.READ_TIMEOUT_MS ?? 120_000);

// KafkaJS reads and writes lz4 batches only with a codec registered (the services write lz4).
CompressionCodecs[CompressionTypes.LZ4] = new LZ4Codec().codec;

/**
 * Avro's decimal logical type as an exact decimal string ("9.300000"): avsc alone hands out the two's-complement
 * bytes of the unscaled value.
 */
class DecimalType extends avro.types.LogicalType {

	constructor(schema, opts) {
		super(schema, opts);
		this.scale = schema.scale ?? 0;
	}

	_fromValue(bytes) {
		const unscaled = (bytes.length === 0) ? 0n
			: BigInt.asIntN(bytes.length * 8, BigInt('0x' + bytes.toString('hex')));
		const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(this.scale + 1, '0');
		const point = digits.length - this.scale;
		return (unscaled < 0n ? '-' : '') + digits.slice(0, point) + (this.scale > 0 ? '.' + digits.slice(point) : '');
	}

	_toValue(decimal) {
		const parts = (typeof decimal === 'string') ? /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal) : null;
		if (parts === null || (parts[3] ?? '').length > this.scale) {
			return undefined; // not a decimal this type holds exactly
		}
		const unscaled = BigInt(parts[1] + parts[2] + (parts[3] ?? '').padEnd(this.scale, '0'));
		let bytes = 1;
		while (unscaled < -(1n << BigInt(8 * bytes - 1)) || unscaled >= (1n << BigInt(8 * bytes - 1))) {
			bytes++;
		}
		return Buffer.from(BigInt.asUintN(8 * bytes, unscaled).toString(16).padStart(2 * bytes, '0'), 'hex');
	}

	_resolve(type) {
		if (avro.Type.isType(type, 'logical:decimal') && type.scale === this.scale) {
			return this._fromValue.bind(this);
		}
		return undefined;
	}

}

/**
 * Avro's local-timestamp-micros as an ISO-8601 local date-time ("2020-07-01T00:25:32"): avsc alone hands out the
 * number of microseconds.
 */
class LocalTimestampMicrosType extends avro.types.LogicalType {

	_fromValue(micros) {
		const all = BigInt(micros);
		let seconds = all / 1_000_000n;
		if (all < 0n && seconds * 1_000_000n !== all) {
			seconds -= 1n;
		}
		const fraction = all - seconds * 1_000_000n;
		const dateTime = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
		return (fraction === 0n) ? dateTime : dateTime + '.' + fraction.toString().padStart(6, '0');
	}

	_toValue(dateTime) {
		const parts = (typeof dateTime === 'string')
			? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/.exec(dateTime) : null;
		if (parts === null) {
			return undefined;
		}
		const millis = Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), Number(parts[4]),
			Number(parts[5]), Number(parts[6] ?? 0));
		return millis * 1000 + Number((parts[7] ?? '').padEnd(6, '0'));
	}

	_resolve(type) {
		if (avro.Type.isType(type, 'logical:local-timestamp-micros', 'long')) {
			return this._fromValue.bind(this);
		}
		return undefined;
	}

}

const registry = new SchemaRegistry({ host: REGISTRY_URL }, {
	[SchemaType.AVRO]: { logicalTypes: { 'decimal': DecimalType, 'local-timestamp-micros': LocalTimestampMicrosType } },
});

const kafka = new Kafka({
	clientId: 'ride-stream-outside-reader',
	brokers: BROKERS,
	logLevel: logLevel.WARN,
	logCreator: () => ({ namespace, label, log }) => console.error(`${label} [${namespace}] ${log.message}`),
});

/** The type of each schema id, as the registry names it (AVRO when it names none). */
const schemaTypes = new Map();

async function schemaType(id) {
	if (!schemaTypes.has(id)) {
		const response = await fetch(`${REGISTRY_URL}/schemas/ids/${id}`);
		if (!response.ok) {
			throw new Error(`GET /schemas/ids/${id} answered ${response.status}: ${await response.text()}`);
		}
		schemaTypes.set(id, (await response.json()).schemaType ?? SchemaType.AVRO);
	}
	return schemaTypes.get(id);
}

/** A record's value as a ride: Confluent's framing (magic byte 0, then the schema id), or plain JSON. */
async function decode(value) {
	if (value[0] !== 0) {
		return { format: 'json', schemaId: null, ride: JSON.parse(value.toString('utf8')) };
	}
	const schemaId = value.readInt32BE(1);
	const format = (await schemaType(schemaId) === SchemaType.AVRO) ? 'avro' : 'json-schema';
	return { format, schemaId, ride: await registry.decode(value) };
}

/** Reads the topic up to the end offsets it has now; resolves with the schema id of each format read. */
async function readTopic() {
	const admin = kafka.admin();
	await admin.connect();
	const ends = await admin.fetchTopicOffsets(TOPIC);
	await admin.disconnect();
	const unread = new Map(ends.filter((p) => BigInt(p.high) > BigInt(p.low))
		.map((p) => [p.partition, BigInt(p.high) - 1n]));
	const schemaIds = new Map();
	const consumer = kafka.consumer({ groupId: `ride-stream-outside-reader-${process.pid}-${Date.now()}` });
	let allRead;
	const done = new Promise((resolve) => {
		allRead = resolve;
	});
	// A batch's last offset counts the transaction markers after the rides, which KafkaJS does not hand out.
	consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
		if (unread.has(payload.partition) && BigInt(payload.lastOffset) >= unread.get(payload.partition)) {
			unread.delete(payload.partition);
		}
		if (unread.size === 0) {
			allRead();
		}
	});
	await consumer.connect();
	await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
	await consumer.run({
		eachMessage: async ({ partition, message }) => {
			const record = {
				partition,
				offset: message.offset,
				timestamp: message.timestamp,
				key: message.key?.toString('utf8') ?? null,
				headers: Object.fromEntries(Object.entries(message.headers ?? {})
					.map(([name, value]) => [name, value?.toString('utf8') ?? null])),
			};
			try {
				const decoded = await decode(message.value);
				if (decoded.schemaId !== null) {
					schemaIds.set(decoded.format, decoded.schemaId);
				}
				print({ read: { ...record, ...decoded } });
			}
			catch (error) {
				print({ read: record, error: String(error?.stack ?? error) });
			}
		},
	});
	if (unread.size === 0) {
		allRead();
	}
	let timer;
	const timeout = new Promise((resolve, reject) => {
		timer = setTimeout(() => reject(new Error(`Partitions ${[...unread.keys()]} of ${TOPIC} not read to their `
			+ `end within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
	});
	try {
		await Promise.race([done, timeout]);
	}
	finally {
		clearTimeout(timer);
		await consumer.disconnect();
	}
	return schemaIds;
}

/** The i-th ride of this script's own, in the shape it prints: decimals as exact strings. */
function ownRide(i) {
	const cents = {
		fare_amount: 1150 + 25 * i, extra: 250, mta_tax: 50, tip_amount: 300 + i, tolls_amount: 0,
		improvement_surcharge: 100, congestion_surcharge: 250,
	};
	const total = Object.values(cents).reduce((sum, value) => sum + value, 0);
	const amounts = Object.fromEntries(Object.entries(cents).map(([name, value]) => [name, money(value)]));
	const day = `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`;
	const minute = String(i % 60).padStart(2, '0');
	return {
		dataset: 'yellow',
		VendorID: 2,
		tpep_pickup_datetime: `${day}T08:${minute}:05`,
		tpep_dropoff_datetime: `${day}T09:${minute}:41`,
		passenger_count: 1 + (i % 4),
		trip_distance: `${2 + i}.40`,
		RatecodeID: 1,
		store_and_fwd_flag: 'N',
		PULocationID: 100 + i,
		DOLocationID: 200 + i,
		payment_type: 1,
		...amounts,
		total_amount: money(total),
	};
}

function money(cents) {
	return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** The same ride with its decimals as JSON numbers, as JSON and JSON Schema want them. */
function withNumbers(ride) {
	const decimal = /^-?\d+\.\d+$/;
	return Object.fromEntries(Object.entries(ride)
		.map(([name, value]) => [name, (typeof value === 'string' && decimal.test(value)) ? Number(value) : value]));
}

async function encode(format, schemaId, ride) {
	switch (format) {
		case 'json':
			return Buffer.from(JSON.stringify(withNumbers(ride)));
		case 'json-schema':
			return registry.encode(schemaId, withNumbers(ride));
		case 'avro':
			return registry.encode(schemaId, ride);
		default:
			throw new Error(`No format ${format}`);
	}
}

/** Writes rides of this script's own in every format it read, lz4-compressed as the services write. */
async function writeRides(schemaIds) {
	const formats = ['json', ...schemaIds.keys()];
	const messages = [];
	const written = [];
	let i = 0;
	for (const format of formats) {
		for (let n = 0; n < RIDES_PER_FORMAT; n++, i++) {
			const ride = ownRide(i);
			const schemaId = schemaIds.get(format) ?? null;
			const key = String(ride.PULocationID);
			messages.push({ key, value: await encode(format, schemaId, ride) });
			written.push({ wrote: { format, schemaId, key, ride } });
		}
	}
	// KafkaJS's default partitioner, named to say so: murmur2 of the key, as Kafka's Java client partitions.
	const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
	await producer.connect();
	try {
		await producer.send({ topic: TOPIC, compression: CompressionTypes.LZ4, acks: -1, messages });
	}
	finally {
		await producer.disconnect();
	}
	written.forEach(print);
}

function print(line) {
	process.stdout.write(JSON.stringify(line) + '\n');
}

function required(name) {
	const value = process.env[name];
	if (!value) {
		console.error(`Set ${name}`);
		process.exit(2);
	}
	return value;
}

try {
	const schemaIds = await readTopic();
	await writeRides(schemaIds);
}
catch (error) {
	console.error(error?.stack ?? error);
	process.exitCode = 1;
}
