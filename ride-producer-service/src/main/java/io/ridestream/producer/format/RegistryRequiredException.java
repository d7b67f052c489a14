package io.ridestream.producer.format;


/**
 * A format that carries schema ids was chosen without a schema registry to hold the schemas.
 */
class RegistryRequiredException extends IllegalStateException {

	RegistryRequiredException(RideFormat format) {
		super("ridestream.format=" + format.settingValue()
				+ " writes each ride with the id of its schema in a schema registry, and no registry is configured: set "
				+ "SCHEMA_REGISTRY_URL (spring.kafka.producer.properties.schema.registry.url), or choose "
				+ "ridestream.format=json");
	}

}
