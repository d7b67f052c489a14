package io.ridestream.consumer.zones;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ZonesConfiguration {

	private static final Log logger = LogFactory.getLog(ZonesConfiguration.class);

	@Bean
	ZoneLookup zoneLookup(ZonesProperties properties) {
		ZoneLookup zones = ZoneLookup.load(properties.file());
		logger.info("Loaded " + zones.size() + " taxi zones from " + properties.file().getDescription());
		return zones;
	}

}
