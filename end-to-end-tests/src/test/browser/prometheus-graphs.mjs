// Graphs of the Grafana dashboard's queries in Prometheus' own graph page, in headless Chromium, and a screenshot of
// them: Grafana cannot run on the test machines, Prometheus can. MonitoringIT runs this script; by hand:
//   PROMETHEUS_URL=http://127.0.0.1:9090 QUERIES='["up"]' SCREENSHOT=graphs.png node prometheus-graphs.mjs
// Exits with 1 unless every query is drawn as a graph without an error.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const PROMETHEUS_URL = process.env.PROMETHEUS_URL;
const QUERIES = JSON.parse(process.env.QUERIES ?? '[]');
const SCREENSHOT = resolve(process.env.SCREENSHOT ?? 'prometheus-graphs.png');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RANGE = process.env.RANGE ?? '5m';

if (!PROMETHEUS_URL || QUERIES.length === 0) {
	console.error('Set PROMETHEUS_URL and QUERIES (a JSON array of PromQL expressions)');
	process.exit(2);
}

const graphs = QUERIES.map((expr, i) => `g${i}.expr=${encodeURIComponent(expr)}&g${i}.tab=0&g${i}.range_input=${RANGE}`)
	.join('&');
const browser = await chromium.launch({
	executablePath: CHROMIUM,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
		'--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(`${PROMETHEUS_URL}/classic/graph?${graphs}`, { waitUntil: 'load' });
	// Each query's graph is drawn as an SVG path in its own graph area once its range query has answered.
	await page.waitForFunction((count) => {
		const areas = [...document.querySelectorAll('.graph_area')];
		return areas.length === count && areas.every((area) => area.querySelector('svg path'));
	}, QUERIES.length, { timeout: 30_000 });
	const errors = await page.$$eval('.alert-danger', (alerts) => alerts
		.filter((alert) => alert.offsetParent !== null && alert.textContent.trim() !== '')
		.map((alert) => alert.textContent.trim()));
	if (errors.length > 0) {
		throw new Error(`Prometheus showed errors: ${errors.join('; ')}`);
	}
	// The navigation bar is fixed at the top: it would be drawn over a graph in the middle of a full-page screenshot.
	await page.addStyleTag({ content: '.navbar.fixed-top { position: absolute !important; }' });
	mkdirSync(dirname(SCREENSHOT), { recursive: true });
	await page.screenshot({ path: SCREENSHOT, fullPage: true });
	console.log(`${QUERIES.length} graphs drawn; screenshot ${SCREENSHOT}`);
}
catch (error) {
	console.error(error.message);
	process.exitCode = 1;
}
finally {
	await browser.close();
}
