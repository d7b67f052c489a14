package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * Turns a replay request into the file to replay: its body (CSV or gzip CSV, sent as {@code text/csv},
 * {@code application/gzip} or {@code application/octet-stream}), the file of the data directory it names
 * ({@link ReplayFiles}), or the default file when it has neither. A body is streamed to a file in the upload
 * directory, never held in memory, and refused once it passes the size limit, the uploads being received at once
 * would pass theirs ({@link UploadsInFlight}), or the disk has no room for it ({@link UploadDiskSpace}).
 */
@Component
class ReplaySources {

	static final MediaType TEXT_CSV = new MediaType("text", "csv");

	/**
	 * What a body may be sent as: CSV, gzip (a {@code .csv.gz} file), or any bytes; what it is, plain or gzip CSV,
	 * is told from its first bytes ({@link CsvInput}).
	 */
	static final List<MediaType> ACCEPTED = List.of(TEXT_CSV, new MediaType("application", "gzip"),
			new MediaType("application", "x-gzip"), new MediaType("application", "vnd.apache.parquet"),
			MediaType.APPLICATION_OCTET_STREAM);

	private static final int BUFFER_SIZE = 64 * 1024;

	private final FileSource defaultFile;

	private final DataSize maxUploadSize;

	private final Path uploadDir;

	private final UploadsInFlight uploadsInFlight;

	private final UploadDiskSpace diskSpace;

	private final ReplayFiles files;

	ReplaySources(ReplayProperties properties, UploadsInFlight uploadsInFlight, ReplayFiles files)
			throws IOException {
		this.defaultFile = new FileSource(properties.defaultFile());
		this.maxUploadSize = properties.maxUploadSize();
		this.uploadDir = properties.uploadDir();
		this.uploadsInFlight = uploadsInFlight;
		this.diskSpace = new UploadDiskSpace(this.uploadDir, properties.minFreeDisk());
		this.files = files;
		Files.createDirectories(this.uploadDir);
		UploadSweeper.sweep(this.uploadDir);
	}

	/**
	 * The CSV this request asks to replay: the file of the data directory it names, or its body, spooled.
	 * @param file the name of a file of the data directory, or null
	 * @throws InvalidReplayOptionException if the request names a file and has a body, or the name is a path
	 * @throws ReplayFileNotFoundException if the data directory lists no file of this name
	 * @throws NoDataDirectoryException if the request names a file and there is no data directory
	 * @throws HttpMediaTypeNotSupportedException if the request has a body that is not CSV
	 * @throws UploadTooLargeException if the body is larger than allowed
	 * @throws InsufficientStorageException if the disk has no room for the body
	 * @throws UploadIncompleteException if the body ends before it is complete
	 * @throws TooManyUploadsException if as many uploads, or bytes, as allowed are being received
	 */
	ReplaySource of(HttpServletRequest request, String file) throws HttpMediaTypeNotSupportedException, IOException {
		if (file != null) {
			if (hasBody(request)) {
				throw new InvalidReplayOptionException("file",
						"names a file to replay, so the request cannot have a body as well; send one or the other");
			}
			return this.files.source(file);
		}
		MediaType contentType = contentType(request);
		if (contentType != null && ACCEPTED.stream().anyMatch((accepted) -> accepted.includes(contentType))) {
			return spool(request);
		}
		if (hasBody(request)) {
			throw new HttpMediaTypeNotSupportedException(
					(contentType != null) ? contentType : MediaType.APPLICATION_OCTET_STREAM, ACCEPTED);
		}
		return this.defaultFile;
	}

	private SpooledUpload spool(HttpServletRequest request) throws IOException {
		long limit = this.maxUploadSize.toBytes();
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			throw UploadTooLargeException.declared(declared, this.maxUploadSize);
		}
		this.diskSpace.requireRoomFor(declared);
		try (UploadsInFlight.Upload upload = this.uploadsInFlight.start()) {
			upload.growTo(declared);
			return spool(request, upload, limit, declared);
		}
	}

	private SpooledUpload spool(HttpServletRequest request, UploadsInFlight.Upload upload, long limit, long declared)
			throws IOException {
		Path file = Files.createTempFile(this.uploadDir, UploadSweeper.PREFIX, UploadSweeper.SUFFIX);
		long size = 0;
		try (InputStream body = request.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[BUFFER_SIZE];
			int read;
			while ((read = readBody(body, buffer, size)) != -1) {
				if (size + read > limit) {
					throw UploadTooLargeException.streamed(this.maxUploadSize);
				}
				upload.growTo(size + read);
				write(out, buffer, read, size, declared);
				size += read;
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		return new SpooledUpload(file, size);
	}

	private void write(OutputStream out, byte[] buffer, int length, long spooled, long declared) throws IOException {
		try {
			out.write(buffer, 0, length);
		}
		catch (IOException ex) {
			// Told before the partial file is deleted, which frees the space.
			this.diskSpace.failIfFull(ex, spooled, declared);
			throw ex;
		}
	}

	private static int readBody(InputStream body, byte[] buffer, long receivedSoFar) {
		try {
			return body.read(buffer);
		}
		catch (IOException ex) {
			throw new UploadIncompleteException(receivedSoFar, ex);
		}
	}

	private static MediaType contentType(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
		String value = request.getContentType();
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return MediaType.parseMediaType(value);
		}
		catch (InvalidMediaTypeException ex) {
			throw new HttpMediaTypeNotSupportedException(ex.getMessage());
		}
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

}
