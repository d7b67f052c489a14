package io.ridestream.producer.replay;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Replays", description = "Replays of TLC trip files into Kafka: start one, watch it, cancel it")
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
	@Operation(summary = "Start a replay",
			description = "Replays the data directory's file named by `file`, a CSV sent as the `text/csv` body, or "
					+ "the configured default file when there is neither. A request without a `text/csv` body needs "
					+ "the `X-Requested-By` header (any value), so that a page of another site cannot start one.")
	@RequestBody(required = false, description = "A TLC trip CSV (yellow, green or FHV columns), optionally gzip "
			+ "compressed with `Content-Encoding: gzip`", content = @Content(mediaType = "text/csv"))
	@Parameter(name = REQUESTED_BY_HEADER, in = ParameterIn.HEADER, example = "curl",
			description = "Any value; needed unless the body is `text/csv`")
	@ApiResponse(responseCode = "200", description = "With `wait=true`: the finished job",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReplayJobView.class)))
	@ApiResponse(responseCode = "202", description = "The job, running; `Location` names it (also with `wait=true`, "
			+ "when it runs longer than `ridestream.replay.wait-timeout`)",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReplayJobView.class)))
	@ApiResponse(responseCode = "400", description = "An unknown or invalid parameter, or an incomplete body",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Neither `X-Requested-By` nor a `text/csv` body",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No such file in the data directory, or no data directory",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413", description = "The body is larger than `ridestream.replay.max-upload-size`",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "429", description = "Too many replays running or uploads being received",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "507", description = "Not enough disk space to spool the body",
			content = @Content(mediaType = "application/problem+json"))
	DeferredResult<ResponseEntity<ReplayJobView>> start(
			@Parameter(description = "A file of the data directory (`GET /rides/files`): CSV, gzip CSV or Parquet",
					example = "rides.csv") @RequestParam(required = false) String file,
			@Parameter(description = "Replay at most this many rows", example = "100")
			@RequestParam(required = false) Long limit,
			@Parameter(description = "Rides per second at most") @RequestParam(required = false) Double rate,
			@Parameter(description = "Replay at this multiple of the rides' own pace (by pickup time)")
			@RequestParam(required = false) Double speedup,
			@Parameter(description = "The record key: a column name, or `none`", example = "PULocationID")
			@RequestParam(defaultValue = "PULocationID") String key,
			@Parameter(description = "Answer once the job has finished", example = "true")
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
	@Operation(summary = "The recent replays, newest first")
	List<ReplayJobView> list() {
		return this.jobs.newestFirst().stream().map(ReplayJob::view).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A replay: its state and counts")
	@ApiResponse(responseCode = "200", description = "The job")
	@ApiResponse(responseCode = "404", description = "No such job (the last `ridestream.replay.jobs-kept` are kept)",
			content = @Content(mediaType = "application/problem+json"))
	ReplayJobView get(@Parameter(description = "The job's id", example = "0b8f1d4e-5c2a-4f7e-9d61-3a2b7c9e8f10")
	@PathVariable String id) {
		return this.jobs.get(id).view();
	}

	/** Cancels a running job; it shows {@code CANCELLED} once its open transaction has committed. */
	@DeleteMapping("/{id}")
	@Operation(summary = "Cancel a running replay",
			description = "The rides of its open transaction are aborted; the job shows `CANCELLED` once done.")
	@Parameter(name = REQUESTED_BY_HEADER, in = ParameterIn.HEADER, required = true, example = "curl",
			description = "Any value, so that a page of another site cannot cancel a replay")
	@ApiResponse(responseCode = "202", description = "The job, being cancelled")
	@ApiResponse(responseCode = "403", description = "No `X-Requested-By` header",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "The job has finished already",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ReplayJobView> cancel(
			@Parameter(description = "The job's id", example = "0b8f1d4e-5c2a-4f7e-9d61-3a2b7c9e8f10") @PathVariable String id,
			HttpServletRequest request) {
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
