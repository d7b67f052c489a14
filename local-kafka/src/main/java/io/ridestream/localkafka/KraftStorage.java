package io.ridestream.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats the storage of a new KRaft node, in-process: what {@code kafka-storage.sh format} does, through the same
 * {@link Formatter} that Kafka's {@code StorageTool} uses. Storage that is already formatted is left alone, so
 * restarting on the same data directory keeps its topics and records.
 */
final class KraftStorage {

	private static final Logger logger = LoggerFactory.getLogger(KraftStorage.class);

	private KraftStorage() {
	}

	/**
	 * Formats the node's directories unless they already are.
	 * @param clusterId the cluster's id, the same for all its nodes, or null for a new random one
	 * @return whether the storage was formatted now (a new, empty cluster)
	 */
	static boolean formatIfNeeded(KafkaConfig config, String clusterId) throws Exception {
		Path metadataDir = Path.of(config.metadataLogDir());
		if (Files.exists(metadataDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
			logger.info("Storage in {} is already formatted, reusing it", metadataDir);
			return false;
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		Formatter formatter = new Formatter()
			.setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
			.setNodeId(config.nodeId())
			.setClusterId((clusterId != null) ? clusterId : Uuid.randomUuid().toString())
			.setUnstableFeatureVersionsEnabled(config.unstableFeatureVersionsEnabled())
			.setIgnoreFormatted(false)
			.setControllerListenerName(config.controllerListenerNames().get(0))
			.setMetadataLogDirectory(config.metadataLogDir())
			// The quorum is the static controller.quorum.voters list, as in ServerProperties.
			.setHasDynamicQuorum(false);
		config.logDirs().forEach(formatter::addDirectory);
		formatter.addDirectory(config.metadataLogDir());
		formatter.run();
		output.toString(StandardCharsets.UTF_8).lines().forEach(logger::info);
		return true;
	}

}
