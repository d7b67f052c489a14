package io.ridestream.producer.replay;

/**
 * Finds a known exception in a chain of causes: Kafka and Spring wrap what the serializer threw.
 */
final class Causes {

	private Causes() {
	}

	static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
