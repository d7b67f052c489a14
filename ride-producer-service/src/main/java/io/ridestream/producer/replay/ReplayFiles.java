package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import io.ridestream.model.Dataset;
import io.ridestream.read.RideFileException;
import io.ridestream.read.RideFileFormat;
import io.ridestream.read.RideFiles;
import io.ridestream.read.RideReader;

/**
 * The files of the data directory ({@code ridestream.replay.data-dir}) that can be replayed by name: the regular
 * files directly in it that the service can read, but hidden ones (named {@code .*}). Subdirectories are not
 * looked into. A replay names one of these files, never a path: a name is accepted only if the listing has it, so
 * neither {@code ../} nor a link leading out of the directory lets a request read anything else.
 */
@Component
class ReplayFiles {

	private static final Log logger = LogFactory.getLog(ReplayFiles.class);

	private final Path directory;

	ReplayFiles(ReplayProperties properties) {
		this.directory = properties.dataDir();
		if (this.directory != null) {
			logger.info("Files in " + this.directory.toAbsolutePath() + " can be replayed by name (GET /rides/files)");
		}
	}

	/**
	 * The files that can be replayed, by name.
	 * @throws NoDataDirectoryException if no data directory is configured, or it is not a directory
	 */
	List<ReplayFile> list() throws IOException {
		Path directory = realDirectory();
		List<ReplayFile> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				Optional<Path> file = find(directory, name);
				if (file.isPresent()) {
					describe(name, file.get()).ifPresent(files::add);
				}
			}
		}
		files.sort(Comparator.comparing(ReplayFile::name));
		return files;
	}

	/**
	 * The file of this name, to replay.
	 * @throws InvalidReplayOptionException if the name is not a file's name: a path, or empty
	 * @throws NoDataDirectoryException if no data directory is configured, or it is not a directory
	 * @throws ReplayFileNotFoundException if the listing has no file of this name
	 */
	ReplaySource source(String name) {
		requireFileName(name);
		Path directory = realDirectory();
		return find(directory, name).map((file) -> new ReplayFileSource(name, file))
			.orElseThrow(() -> new ReplayFileNotFoundException(name));
	}

	/** Where the file of this name really is, if it can be replayed; one rule for the listing and for replays. */
	private static Optional<Path> find(Path directory, String name) {
		if (name.startsWith(".")) {
			return Optional.empty();
		}
		try {
			Path file = directory.resolve(name).toRealPath();
			if (!file.startsWith(directory) || !Files.isRegularFile(file) || !Files.isReadable(file)) {
				return Optional.empty();
			}
			return Optional.of(file);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The file as the listing shows it, or none if it went meanwhile; its format and dataset are read from the file,
	 * so the listing does this and a replay does not.
	 */
	private static Optional<ReplayFile> describe(String name, Path file) {
		try {
			return Optional.of(new ReplayFile(name, Files.size(file), RideFileFormat.of(file).label(), datasetOf(file)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** The dataset the file's header or schema names, or null if it cannot be read as trips. */
	private static Dataset datasetOf(Path file) {
		try (RideReader reader = RideFiles.open(file)) {
			return reader.dataset();
		}
		catch (RideFileException | UncheckedIOException ex) {
			return null;
		}
	}

	private static void requireFileName(String name) {
		boolean fileName;
		try {
			Path path = Path.of(name);
			fileName = !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
					&& name.indexOf('\\') < 0 && !path.isAbsolute() && path.getNameCount() == 1;
		}
		catch (InvalidPathException ex) {
			fileName = false;
		}
		if (!fileName) {
			throw new InvalidReplayOptionException("file",
					"must be the name of a file that GET /rides/files lists, not a path");
		}
	}

	/** The data directory with links resolved, which every file replayed must be in. */
	private Path realDirectory() {
		if (this.directory == null) {
			throw new NoDataDirectoryException("No data directory is configured: set ridestream.replay.data-dir"
					+ " (RIDESTREAM_REPLAY_DATA_DIR) to a directory of ride files to replay them by name");
		}
		try {
			Path real = this.directory.toRealPath();
			if (Files.isDirectory(real)) {
				return real;
			}
		}
		catch (IOException ex) {
			// Not there: said below.
		}
		throw new NoDataDirectoryException("The data directory " + this.directory.toAbsolutePath()
				+ " (ridestream.replay.data-dir) does not exist or is not a directory");
	}

}
