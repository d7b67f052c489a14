package io.ridestream.producer.replay;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the files of the data directory that {@code POST /rides/replay?file=<name>} replays.
 */
@RestController
@RequestMapping("/rides/files")
@Tag(name = "Replays")
class ReplayFilesController {

	private final ReplayFiles files;

	ReplayFilesController(ReplayFiles files) {
		this.files = files;
	}

	@GetMapping
	@Operation(summary = "The files of the data directory that a replay can name")
	@ApiResponse(responseCode = "200", description = "The files, by name")
	@ApiResponse(responseCode = "404", description = "No data directory is configured",
			content = @Content(mediaType = "application/problem+json"))
	List<ReplayFile> list() throws IOException {
		return this.files.list();
	}

}
