package io.ridestream.producer.replay;

import java.io.IOException;
import io.ridestream.read.RideFiles;
import io.ridestream.read.RideReader;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * A file the service can read: the bundled sample, or a file configured as the default.
 */
record FileSource(Resource resource) implements ReplaySource {

	@Override
	public String description() {
		if (this.resource instanceof ClassPathResource) {
			return "bundled " + this.resource.getFilename();
		}
		try {
			return this.resource.getURI().toString();
		}
		catch (IOException ex) {
			return this.resource.getDescription();
		}
	}

	@Override
	public RideReader reader() throws IOException {
		return this.resource.isFile() ? RideFiles.open(this.resource.getFile().toPath())
				: RideFiles.open(this.resource.getInputStream());
	}

}
