package io.ridestream.consumer.ingest;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes a message to the dead-letter topic, in the partition with its original partition's number, with
 * Spring Kafka's {@code kafka_dlt-*} headers (original topic, partition, offset, exception class and message, no
 * stack trace). A
 * message that failed to deserialize is published as the exact bytes that were read.
 *
 * <p>It does not wait for the broker's acknowledgement: dead letters are written in the listener's transaction,
 * whose commit fails if any of them was not written, so none is ever dropped unparked. Waiting for each (a few
 * milliseconds) would let a burst of garbage outlast the transaction's timeout.
 */
class DeadLetterPublisher extends DeadLetterPublishingRecoverer {

	/** The current thread's last send; recovery runs on the consumer thread of its partition. */
	private final ThreadLocal<CompletableFuture<SendResult<Object, Object>>> sending = new ThreadLocal<>();

	DeadLetterPublisher(KafkaOperations<?, ?> template, String topic) {
		super(template, (record, exception) -> new TopicPartition(topic, record.partition()));
		setFailIfSendResultIsError(true);
		// The reason is in the exception message header; the stack trace of a failed deserialization says nothing
		// more about the message, and building it costs more than the rest of a dead letter.
		excludeHeader(HeaderNames.HeadersToAdd.EX_STACKTRACE);
	}

	/**
	 * Sends the message in the current transaction.
	 * @return completes with where it was written, or exceptionally if it was not (the transaction then fails)
	 * @throws KafkaException if it could not even be sent
	 */
	CompletableFuture<RecordMetadata> publish(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer,
			Exception exception) {
		try {
			accept(record, consumer, exception);
			return this.sending.get().thenApply(SendResult::getRecordMetadata);
		}
		finally {
			this.sending.remove();
		}
	}

	/** The message's own bytes, as read, and none of the consumer's own headers. */
	@Override
	protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
			TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
		Header original = record.headers().lastHeader(RideOrPoisonDeserializer.VALUE_HEADER);
		headers.remove(RideOrPoisonDeserializer.REASON_HEADER);
		headers.remove(RideOrPoisonDeserializer.VALUE_HEADER);
		return super.createProducerRecord(record, topicPartition, headers, key,
				(value == null && original != null) ? original.value() : value);
	}

	@Override
	protected void verifySendResult(KafkaOperations<Object, Object> template, ProducerRecord<Object, Object> outRecord,
			CompletableFuture<SendResult<Object, Object>> sendResult, ConsumerRecord<?, ?> inRecord) {
		if (sendResult == null) {
			throw new KafkaException("The dead letter of " + inRecord.topic() + "-" + inRecord.partition() + "@"
					+ inRecord.offset() + " could not be sent to " + outRecord.topic());
		}
		this.sending.set(sendResult);
	}

}
