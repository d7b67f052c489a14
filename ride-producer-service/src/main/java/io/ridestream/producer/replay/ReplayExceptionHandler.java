package io.ridestream.producer.replay;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the replay API's own errors as RFC 9457 problem details; Spring MVC's errors get the same treatment
 * from {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice(assignableTypes = { ReplayController.class, ReplayFilesController.class })
class ReplayExceptionHandler {

	private static final Log logger = LogFactory.getLog(ReplayExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail invalidOption(InvalidReplayOptionException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid replay parameter", ex);
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(ReplayJobNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Replay job not found", ex);
	}

	@ExceptionHandler
	ProblemDetail fileNotFound(ReplayFileNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Replay file not found", ex);
	}

	@ExceptionHandler
	ProblemDetail noDataDirectory(NoDataDirectoryException ex) {
		return problem(HttpStatus.NOT_FOUND, "No data directory", ex);
	}

	@ExceptionHandler
	ProblemDetail finished(ReplayJobFinishedException ex) {
		return problem(HttpStatus.CONFLICT, "Replay job already finished", ex);
	}

	@ExceptionHandler
	ProblemDetail tooMany(TooManyReplaysException ex) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many replays running", ex);
	}

	@ExceptionHandler
	ProblemDetail tooManyUploads(TooManyUploadsException ex) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many uploads being received", ex);
	}

	@ExceptionHandler
	ProblemDetail crossSite(CrossSiteRequestException ex) {
		return problem(HttpStatus.FORBIDDEN, "Request a page on another site could have sent", ex);
	}

	@ExceptionHandler
	ProblemDetail tooLarge(UploadTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "CSV body too large", ex);
	}

	@ExceptionHandler
	ProblemDetail insufficientStorage(InsufficientStorageException ex) {
		logger.warn("Replay not started: " + ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.INSUFFICIENT_STORAGE, "Not enough disk space for the upload", ex);
		if (ex.needed() != null) {
			problem.setProperty("needed", ex.needed());
		}
		if (ex.free() >= 0) {
			problem.setProperty("free", ex.free());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail incomplete(UploadIncompleteException ex) {
		logger.warn("Replay not started: " + ex.getMessage());
		return problem(HttpStatus.BAD_REQUEST, "CSV body incomplete", ex);
	}

	private static ProblemDetail problem(HttpStatus status, String title, Exception ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		return problem;
	}

}
