// Keeps the dashboard live without reloading it: fetches the page again every 2 seconds and puts its figures,
// charts and tables in place of the shown ones. The page is rendered by the server only, so what a browser
// without JavaScript shows and what this shows are the same.
(() => {
	'use strict';
	const INTERVAL_MS = 2000;
	const status = document.getElementById('live-status');

	function show(text) {
		if (status) {
			status.textContent = text;
		}
	}

	async function refresh() {
		if (document.hidden) {
			schedule();
			return;
		}
		try {
			const response = await fetch(window.location.pathname, { headers: { Accept: 'text/html' }, cache: 'no-store' });
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			const page = new DOMParser().parseFromString(await response.text(), 'text/html');
			swap(page, 'dashboard');
			swap(page, 'last-updated');
			show('Live: updates every 2 seconds.');
		}
		catch (error) {
			show('Cannot reach the service (' + error.message + '); trying again.');
		}
		schedule();
	}

	/** Puts the fetched page's element with this id in place of the shown one, keeping open details open. */
	function swap(page, id) {
		const fresh = page.getElementById(id);
		const shown = document.getElementById(id);
		if (!fresh || !shown) {
			return;
		}
		shown.querySelectorAll('details[id][open]').forEach((details) => {
			const twin = fresh.querySelector('#' + CSS.escape(details.id));
			if (twin) {
				twin.open = true;
			}
		});
		shown.replaceWith(document.adoptNode(fresh));
	}

	function schedule() {
		window.setTimeout(refresh, INTERVAL_MS);
	}

	show('Live: updates every 2 seconds.');
	schedule();
})();
