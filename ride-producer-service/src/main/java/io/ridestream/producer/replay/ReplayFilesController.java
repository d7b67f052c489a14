package io.ridestream.producer.replay;

import java.io.IOException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the files of the data directory that {@code POST /rides/replay?file=<name>} replays.
 */
@RestController
@RequestMapping("/rides/files")
class ReplayFilesController {

	private final ReplayFiles files;

	ReplayFilesController(ReplayFiles files) {
		this.files = files;
	}

	@GetMapping
	List<ReplayFile> list() throws IOException {
		return this.files.list();
	}

}
