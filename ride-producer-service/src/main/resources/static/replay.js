// Starts, follows and cancels replays through the replay API (/rides/replay), of the bundled rides, an uploaded
// file, or a file of the service's data directory (listed by /rides/files).
// Everything the API returns is shown with textContent, never parsed as HTML.
'use strict';

(function () {
	const API = 'rides/replay';
	const FILES_API = 'rides/files';
	const POLL_MILLIS = 500;
	const ACTIVE_STATES = ['QUEUED', 'RUNNING'];

	const $ = (id) => document.getElementById(id);
	const ui = {
		controls: $('controls'),
		rate: $('rate'),
		limit: $('limit'),
		replayBundled: $('replay-bundled'),
		csvFile: $('csv-file'),
		upload: $('upload'),
		dataFile: $('data-file'),
		dataFileHint: $('data-file-hint'),
		replayFile: $('replay-file'),
		refreshFiles: $('refresh-files'),
		cancel: $('cancel'),
		progress: $('progress'),
		progressText: $('progress-text'),
		none: $('job-none'),
		error: $('job-error'),
		id: $('job-id'),
		state: $('job-state'),
		source: $('job-source'),
		rowsRead: $('job-rows-read'),
		published: $('job-published'),
		rejected: $('job-rejected'),
		failed: $('job-failed'),
		unknown: $('job-unknown'),
		started: $('job-started'),
		finished: $('job-finished'),
		rejectedRowsSection: $('rejected-rows-section'),
		rejectedRows: $('rejected-rows'),
		recentJobs: $('recent-jobs'),
		startStatus: $('start-status'),
	};

	// The job shown, and how many rows it will read when the page knows it (null when unknown).
	let shown = null;
	let expectedRows = null;
	let pollTimer = null;
	let pollFailing = false;
	let starting = false;
	let filesListed = false;

	function isActive(job) {
		return job !== null && ACTIVE_STATES.includes(job.state);
	}

	function showError(message) {
		ui.error.textContent = message;
		ui.error.hidden = false;
	}

	function clearError() {
		ui.error.textContent = '';
		ui.error.hidden = true;
	}

	// The API answers errors as RFC 9457 problem details; anything else is described by its status.
	async function problemOf(response) {
		try {
			const problem = await response.json();
			if (problem && (problem.detail || problem.title)) {
				return problem.detail || problem.title;
			}
		}
		catch (ignored) {
			// Not JSON: fall back to the status line.
		}
		return 'The service answered ' + response.status + (response.statusText ? ' ' + response.statusText : '') + '.';
	}

	// The service refuses to start or cancel a replay without it: a page on another site cannot send it.
	const HEADERS = { Accept: 'application/json', 'X-Requested-By': 'replay-page' };

	async function call(method, url, init) {
		let response;
		try {
			response = await fetch(url, Object.assign({ method: method, headers: HEADERS }, init));
		}
		catch (ex) {
			throw new Error('Could not reach the producer service (' + ex.message + ').');
		}
		if (!response.ok) {
			const error = new Error(await problemOf(response));
			error.status = response.status;
			throw error;
		}
		return response.json();
	}

	function formatTime(instant) {
		return instant ? new Date(instant).toLocaleString() : '–';
	}

	function setTime(element, instant) {
		element.textContent = '';
		if (!instant) {
			element.textContent = '–';
			return;
		}
		const time = document.createElement('time');
		time.dateTime = instant;
		time.textContent = formatTime(instant);
		element.appendChild(time);
	}

	function showProgress(job) {
		const rows = job.rowsRead;
		if (job.state === 'COMPLETED') {
			const max = Math.max(rows, 1);
			ui.progress.max = max;
			ui.progress.value = max;
			ui.progressText.textContent = rows + ' of ' + rows + ' rows read';
		}
		else if (expectedRows !== null) {
			const max = Math.max(expectedRows, rows, 1);
			ui.progress.max = max;
			ui.progress.value = rows;
			ui.progressText.textContent = rows + ' of ' + max + ' rows read';
		}
		else if (isActive(job)) {
			// Total unknown: an indeterminate bar (no value) and the count as text.
			ui.progress.removeAttribute('value');
			ui.progressText.textContent = rows + ' rows read';
		}
		else {
			// Ended early with the total unknown: how far it got cannot be drawn honestly.
			ui.progress.max = 1;
			ui.progress.value = 0;
			ui.progressText.textContent = rows + ' rows read';
		}
	}

	function showRejectedRows(rows) {
		ui.rejectedRows.replaceChildren();
		(rows || []).forEach((row) => {
			const tr = document.createElement('tr');
			const line = document.createElement('td');
			line.className = 'number';
			line.textContent = String(row.line);
			const reason = document.createElement('td');
			reason.textContent = row.reason;
			tr.append(line, reason);
			ui.rejectedRows.appendChild(tr);
		});
		ui.rejectedRowsSection.hidden = ui.rejectedRows.childElementCount === 0;
	}

	function showJob(job) {
		shown = job;
		ui.none.hidden = true;
		ui.id.textContent = job.id;
		ui.state.textContent = job.state;
		ui.source.textContent = job.source || '–';
		ui.rowsRead.textContent = String(job.rowsRead);
		ui.published.textContent = String(job.published);
		ui.rejected.textContent = String(job.rejected);
		ui.failed.textContent = String(job.failed);
		ui.unknown.textContent = String(job.unknown);
		setTime(ui.started, job.startedAt);
		setTime(ui.finished, job.finishedAt);
		ui.cancel.disabled = !isActive(job);
		showProgress(job);
		showRejectedRows(job.rejectedRows);
		if (job.error) {
			showError(job.error);
		}
	}

	function stopPolling() {
		pollFailing = false;
		if (pollTimer !== null) {
			clearTimeout(pollTimer);
			pollTimer = null;
		}
	}

	// Follows a job until it ends; one request at a time, the next 500 ms after the last answer.
	function follow(job, rows) {
		stopPolling();
		expectedRows = rows;
		showJob(job);
		if (isActive(job)) {
			pollTimer = setTimeout(poll, POLL_MILLIS);
		}
	}

	async function poll() {
		pollTimer = null;
		const id = shown.id;
		try {
			const job = await call('GET', API + '/' + encodeURIComponent(id));
			if (shown === null || shown.id !== id) {
				return;
			}
			if (pollFailing) {
				pollFailing = false;
				clearError();
			}
			showJob(job);
			if (isActive(job)) {
				pollTimer = setTimeout(poll, POLL_MILLIS);
			}
			else {
				loadRecentJobs();
			}
		}
		catch (ex) {
			pollFailing = true;
			showError(ex.message);
			// A forgotten job will not come back; a network hiccup may pass.
			if (ex.status !== 404 && shown !== null && shown.id === id) {
				pollTimer = setTimeout(poll, POLL_MILLIS);
			}
		}
	}

	// The query of the chosen options, or null after telling the user what is wrong.
	function options() {
		const query = new URLSearchParams();
		for (const input of [ui.rate, ui.limit]) {
			if (!input.checkValidity()) {
				input.reportValidity();
				return null;
			}
			const value = input.value.trim();
			if (value !== '') {
				query.set(input.name, value);
			}
		}
		return query;
	}

	function setStarting(value) {
		starting = value;
		ui.replayBundled.disabled = value;
		ui.upload.disabled = value;
		ui.replayFile.disabled = value || !filesListed;
	}

	// Replays the bundled rides (no body, no file name), an uploaded File (body), or a file of the data directory
	// by its name (fileName).
	async function start(body, fileName) {
		const query = options();
		if (query === null) {
			return;
		}
		if (fileName) {
			query.set('file', fileName);
		}
		clearError();
		setStarting(true);
		ui.startStatus.textContent = body ? 'Uploading ' + body.name + '…' : fileName ? 'Starting ' + fileName + '…' : 'Starting…';
		const limit = query.has('limit') ? Number(query.get('limit')) : null;
		const init = {};
		// The service tells CSV, gzip and Parquet apart by the bytes; the name only says what to send it as.
		const contentType = !body ? null : /\.gz$/i.test(body.name) ? 'application/gzip'
			: /\.parquet$/i.test(body.name) ? 'application/vnd.apache.parquet' : 'text/csv';
		// Counted alongside the upload: the service learns the total only once it has read the whole file. The rows
		// of a gzip or Parquet file cannot be counted here: its progress shows rows read without a total.
		const rowsCounted = contentType === 'text/csv' ? countDataRows(body).catch(() => null) : null;
		if (body) {
			// The File streams from disk as the request body; it is never read into memory here.
			init.body = body;
			init.headers = Object.assign({ 'Content-Type': contentType }, HEADERS);
		}
		let job;
		try {
			const url = API + (query.toString() ? '?' + query.toString() : '');
			job = await call('POST', url, init);
		}
		catch (ex) {
			showError(ex.message);
			return;
		}
		finally {
			ui.startStatus.textContent = '';
			setStarting(false);
		}
		follow(job, limit);
		loadRecentJobs();
		if (rowsCounted) {
			const rows = await rowsCounted;
			if (rows !== null && shown !== null && shown.id === job.id) {
				expectedRows = (limit !== null) ? Math.min(limit, rows) : rows;
				showProgress(shown);
			}
		}
	}

	// The data rows of a CSV file as the service counts them: its non-blank lines but the header. Read chunk by
	// chunk, so a large file is never held in memory.
	async function countDataRows(file) {
		const reader = file.stream().getReader();
		let lines = 0;
		let lineHasText = false;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) {
				break;
			}
			for (let i = 0; i < value.length; i++) {
				const b = value[i];
				if (b === 10) {
					if (lineHasText) {
						lines++;
					}
					lineHasText = false;
				}
				else if (b !== 13 && b !== 32 && b !== 9) {
					lineHasText = true;
				}
			}
		}
		if (lineHasText) {
			lines++;
		}
		return Math.max(lines - 1, 0);
	}

	async function cancel() {
		if (!isActive(shown)) {
			return;
		}
		ui.cancel.disabled = true;
		try {
			// The job reads CANCELLED once its open transaction has committed; polling shows when.
			const job = await call('DELETE', API + '/' + encodeURIComponent(shown.id));
			if (shown !== null && shown.id === job.id) {
				showJob(job);
			}
		}
		catch (ex) {
			showError(ex.message);
			ui.cancel.disabled = !isActive(shown);
		}
	}

	function cell(text, numeric) {
		const td = document.createElement('td');
		td.textContent = text;
		if (numeric) {
			td.className = 'number';
		}
		return td;
	}

	function showRecentJobs(jobs) {
		ui.recentJobs.replaceChildren();
		if (jobs.length === 0) {
			const tr = document.createElement('tr');
			const td = cell('No replays yet.', false);
			td.colSpan = 8;
			tr.appendChild(td);
			ui.recentJobs.appendChild(tr);
			return;
		}
		jobs.forEach((job) => {
			const tr = document.createElement('tr');
			const started = document.createElement('td');
			setTime(started, job.startedAt);
			const id = cell(job.id, false);
			id.className = 'id';
			tr.append(id, cell(job.state, false), cell(job.source || '–', false),
					cell(String(job.rowsRead), true), cell(String(job.published), true),
					cell(String(job.rejected), true), cell(String(job.failed), true), started);
			ui.recentJobs.appendChild(tr);
		});
	}

	// Newest first; a job already running when the page opens is shown and followed.
	async function loadRecentJobs(followRunning) {
		try {
			const jobs = await call('GET', API);
			showRecentJobs(jobs);
			if (followRunning && shown === null && jobs.length > 0 && isActive(jobs[0])) {
				follow(jobs[0], jobs[0].options && jobs[0].options.limit ? jobs[0].options.limit : null);
			}
		}
		catch (ex) {
			showError('Recent replays: ' + ex.message);
		}
	}

	function formatSize(bytes) {
		const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
		let size = bytes;
		let unit = 0;
		while (size >= 1024 && unit < units.length - 1) {
			size /= 1024;
			unit++;
		}
		return (unit === 0 ? String(size) : size.toFixed(1)) + ' ' + units[unit];
	}

	function showFiles(files, hint) {
		ui.dataFile.replaceChildren();
		files.forEach((file) => {
			const option = document.createElement('option');
			option.value = file.name;
			option.textContent = file.name + ' (' + formatSize(file.size) + ', ' + file.format
					+ (file.dataset ? ', ' + file.dataset : '') + ')';
			ui.dataFile.appendChild(option);
		});
		if (files.length === 0) {
			const option = document.createElement('option');
			option.value = '';
			option.textContent = 'No files';
			ui.dataFile.appendChild(option);
		}
		filesListed = files.length > 0;
		ui.dataFile.disabled = !filesListed;
		ui.replayFile.disabled = starting || !filesListed;
		ui.dataFileHint.textContent = hint;
	}

	// The files the service can replay by name; without a data directory, the service says how to configure one.
	async function loadFiles() {
		const chosen = ui.dataFile.value;
		try {
			const files = await call('GET', FILES_API);
			showFiles(files, files.length === 0
				? 'The data directory has no files yet: put CSV, gzip CSV or Parquet files in it and refresh the list.'
				: files.length + (files.length === 1 ? ' file.' : ' files.'));
			if (files.some((file) => file.name === chosen)) {
				ui.dataFile.value = chosen;
			}
		}
		catch (ex) {
			showFiles([], ex.message);
		}
	}

	ui.replayBundled.addEventListener('click', () => {
		if (!starting) {
			start(null);
		}
	});
	ui.replayFile.addEventListener('click', () => {
		if (!starting && ui.dataFile.value) {
			start(null, ui.dataFile.value);
		}
	});
	ui.refreshFiles.addEventListener('click', loadFiles);
	ui.upload.addEventListener('click', () => {
		if (starting) {
			return;
		}
		const file = ui.csvFile.files[0];
		if (!file) {
			showError('Choose a CSV file to upload first.');
			ui.csvFile.focus();
			return;
		}
		start(file);
	});
	ui.cancel.addEventListener('click', cancel);
	// Enter in a number field would otherwise submit the form and reload the page.
	$('replay-form').addEventListener('submit', (event) => event.preventDefault());

	ui.controls.disabled = false;
	loadRecentJobs(true);
	loadFiles();
})();
