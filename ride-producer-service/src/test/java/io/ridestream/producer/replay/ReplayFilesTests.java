package io.ridestream.producer.replay;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A data directory that is configured but not there (a typo, a disk not mounted) says so, with the path
 * configured; the API answers it with 404 like no directory at all ({@link ReplayNoDataDirTests}).
 */
class ReplayFilesTests {

	private static final Path MISSING = UploadDirectory.create().resolve("missing");

	private final ReplayFiles files = new ReplayFiles(properties(MISSING));

	@Test
	void saysTheDataDirectoryDoesNotExistWhenListing() {
		assertThatExceptionOfType(NoDataDirectoryException.class).isThrownBy(this.files::list)
			.withMessage("The data directory " + MISSING + " (ridestream.replay.data-dir) does not exist or is not"
					+ " a directory");
	}

	@Test
	void saysTheDataDirectoryDoesNotExistWhenAFileIsNamed() {
		assertThatExceptionOfType(NoDataDirectoryException.class).isThrownBy(() -> this.files.source("rides.csv"))
			.withMessageContaining("does not exist");
	}

	private static ReplayProperties properties(Path dataDir) {
		return new Binder(new MapConfigurationPropertySource(Map.of("ridestream.replay.data-dir", dataDir.toString())))
			.bindOrCreate("ridestream.replay", ReplayProperties.class);
	}

}
