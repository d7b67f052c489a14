package io.ridestream.producer.replay;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
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

	/**
	 * Needed by requests that start or cancel a replay, unless they have a {@code text/csv} body: a page on another
	 * site can make a browser send neither without the service's consent (which it never gives, having no CORS).
	 */
	static final String REQUESTED_BY_HEADER = "X-Requested-By";

	private static final List<MediaType> CORS_SAFELISTED = List.of(MediaType.APPLICATION_FORM_URLENCODED,
			MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN);

	private static final List<String> PARAMETERS = List.of("file", "limit", "rate", "speedup", "key", "wait");

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
	 * Replays the file of the data directory named by {@code file}, the {@code text/csv} body, or the default file
	 * when there is neither. Answers at once with the running job, or, with {@code wait=true}, once it has finished
	 * (without holding a request thread meanwhile).
	 */
	@PostMapping
	DeferredResult<ResponseEntity<ReplayJobView>> start(@RequestParam(required = false) String file,
			@RequestParam(required = false) Long limit,
			@RequestParam(required = false) Double rate, @RequestParam(required = false) Double speedup,
			@RequestParam(defaultValue = "PULocationID") String key,
			@RequestParam(defaultValue = "false") boolean wait, HttpServletRequest request)
			throws HttpMediaTypeNotSupportedException, IOException {
		rejectCrossSite(request);
		rejectUnknownParameters(request);
		ReplayOptions options = new ReplayOptions(limit, rate, speedup, ReplayKey.named(key));
		this.jobs.requireCapacity();
		ReplayJob job = this.replays.start(this.sources.of(request, file), options);
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
	ResponseEntity<ReplayJobView> cancel(@PathVariable String id, HttpServletRequest request) {
		rejectCrossSite(request);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.replays.cancel(id).view());
	}

	/**
	 * Refuses what a browser sends cross-site without asking first: no custom header, and no content type or a
	 * form's or text/plain (the CORS-safelisted ones). A {@code text/csv} or JSON body, or the header, passes.
	 */
	private static void rejectCrossSite(HttpServletRequest request) {
		if (request.getHeader(REQUESTED_BY_HEADER) != null) {
			return;
		}
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank()) {
			try {
				MediaType type = MediaType.parseMediaType(contentType);
				if (CORS_SAFELISTED.stream().noneMatch((safelisted) -> safelisted.equalsTypeAndSubtype(type))) {
					return;
				}
			}
			catch (InvalidMediaTypeException ex) {
				// Not a type a browser sends without asking: refused as unsupported later on.
				return;
			}
		}
		throw new CrossSiteRequestException();
	}

	/**
	 * A misspelt option ({@code limt=10}) would otherwise replay the whole file, and a {@code path} parameter
	 * would look as if it chose what to read: only the request body, a file of the data directory named by
	 * {@code file}, or the configured file is read.
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
