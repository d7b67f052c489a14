package io.ridestream.consumer.ingest;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes a message to the dead-letter topic, in the partition with its original partition's number, with
 * Spring Kafka's {@code kafka_dlt-*} headers (original topic, partition, offset, exception class and message). A
 * message that failed to deserialize is published as the exact bytes that were read. Waits for the broker's
 * acknowledgement and throws if the message could not be written, so that it is never dropped unparked.
 */
class DeadLetterPublisher extends DeadLetterPublishingRecoverer {

	/** Where the current thread's last message went; recovery runs on the consumer thread of its partition. */
	private final ThreadLocal<RecordMetadata> written = new ThreadLocal<>();

	DeadLetterPublisher(KafkaOperations<?, ?> template, String topic) {
		super(template, (record, exception) -> new TopicPartition(topic, record.partition()));
		setFailIfSendResultIsError(true);
	}

	/**
	 * Publishes the message and returns where it was written.
	 * @throws org.springframework.kafka.KafkaException if the dead-letter topic did not take it
	 */
	RecordMetadata publish(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
		try {
			accept(record, consumer, exception);
			return this.written.get();
		}
		finally {
			this.written.remove();
		}
	}

	@Override
	protected void verifySendResult(KafkaOperations<Object, Object> template, ProducerRecord<Object, Object> outRecord,
			CompletableFuture<SendResult<Object, Object>> sendResult, ConsumerRecord<?, ?> inRecord) {
		super.verifySendResult(template, outRecord, sendResult, inRecord);
		this.written.set(sendResult.join().getRecordMetadata());
	}

}
