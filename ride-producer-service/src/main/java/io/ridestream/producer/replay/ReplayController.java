package io.ridestream.producer.replay;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Starts, shows and cancels replays of ride CSVs into Kafka.
 */
@RestController
@RequestMapping("/rides/replay")
class ReplayController {

	private static final List<String> PARAMETERS = List.of("limit", "rate", "speedup", "key", "wait");

	private final ReplayService replays;

	private final ReplayJobs jobs;

	private final ReplaySources sources;

	private final long waitTimeoutMillis;

	ReplayController(ReplayService replays, ReplayJobs jobs, ReplaySources sources, ReplayProperties properties) {
		this.replays = replays;
		this.jobs = jobs;
		this.sources = sources;
		this.waitTimeoutMillis = properties.waitTimeout().toMillis();
	}

	/**
	 * Replays the {@code text/csv} body, or the default file when there is none. Answers at once with the
	 * running job, or, with {@code wait=true}, once it has finished (without holding a request thread meanwhile).
	 */
	@PostMapping
	DeferredResult<ResponseEntity<ReplayJobView>> start(@RequestParam(required = false) Long limit,
			@RequestParam(required = false) Double rate, @RequestParam(required = false) Double speedup,
			@RequestParam(defaultValue = "PULocationID") String key,
			@RequestParam(defaultValue = "false") boolean wait, HttpServletRequest request)
			throws HttpMediaTypeNotSupportedException, IOException {
		rejectUnknownParameters(request);
		ReplayOptions options = new ReplayOptions(limit, rate, speedup, ReplayKey.named(key));
		this.jobs.requireCapacity();
		ReplayJob job = this.replays.start(this.sources.of(request), options);
		DeferredResult<ResponseEntity<ReplayJobView>> result = new DeferredResult<>(this.waitTimeoutMillis);
		if (wait) {
			result.onTimeout(() -> result.setResult(accepted(job)));
			job.completion().thenAccept((finished) -> result.setResult(ResponseEntity.ok(finished.view())));
		}
		else {
			result.setResult(accepted(job));
		}
		return result;
	}

	/** The recent jobs, newest first. */
	@GetMapping
	List<ReplayJobView> list() {
		return this.jobs.newestFirst().stream().map(ReplayJob::view).toList();
	}

	@GetMapping("/{id}")
	ReplayJobView get(@PathVariable String id) {
		return this.jobs.get(id).view();
	}

	/** Cancels a running job; it shows {@code CANCELLED} once its open transaction has committed. */
	@DeleteMapping("/{id}")
	ResponseEntity<ReplayJobView> cancel(@PathVariable String id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.replays.cancel(id).view());
	}

	/**
	 * A misspelt option ({@code limt=10}) would otherwise replay the whole file, and a {@code file} or {@code path}
	 * parameter would look as if it chose what to read: only the request body or the configured file is read.
	 */
	private static void rejectUnknownParameters(HttpServletRequest request) {
		for (String name : request.getParameterMap().keySet()) {
			if (!PARAMETERS.contains(name)) {
				throw new InvalidReplayOptionException(name, "is not a replay parameter; they are " + PARAMETERS);
			}
		}
	}

	private static ResponseEntity<ReplayJobView> accepted(ReplayJob job) {
		return ResponseEntity.accepted().location(URI.create("/rides/replay/" + job.id())).body(job.view());
	}

}
