// The consumer's dashboard and the producer's page in headless Chromium, against running services.
// BrowserPagesIT starts the services and runs this script; by hand:
//   PRODUCER_URL=http://127.0.0.1:8080 CONSUMER_URL=http://127.0.0.1:8081 node pages.test.mjs
// Exits with 1 if any test fails. Screenshots and timings.json go to SCREENSHOT_DIR.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const PRODUCER_URL = requiredUrl('PRODUCER_URL');
const CONSUMER_URL = requiredUrl('CONSUMER_URL');
const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Every headline figure of GET /stats that the dashboard shows, by its path in the JSON.
const STATS = ['totalRides', 'totalAmount', 'totalPassengers', 'deadLetters', 'lateRides.tumbling', 'lateRides.hopping',
	'ridesOutsideWindows.tumbling'];
const BUNDLED_RIDES = 266;
const TERMINAL_STATES = ['COMPLETED', 'CANCELLED', 'FAILED'];

const tests = [];
const timings = {};
let browser;

function test(name, body) {
	tests.push({ name, body });
}

test('dashboardShowsTheFiguresOfStatsJsonAndUpdatesWithoutReload', async (context) => {
	const page = await context.newPage();
	const errors = recordErrors(page);
	let navigations = 0;
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame()) {
			navigations++;
		}
	});
	await page.goto(`${CONSUMER_URL}/stats`, { waitUntil: 'load' });
	timings.dashboard = await navigationTiming(page);
	await page.evaluate(() => { window.sameDocument = true; });
	const statsBefore = await getJson(`${CONSUMER_URL}/stats`);
	const ridesBefore = Number(await statValue(page, 'totalRides'));
	const updatedBefore = await page.getAttribute('#last-updated', 'datetime');
	assert.ok(updatedBefore, '#last-updated has no datetime attribute');

	const started = await postReplay('/rides/replay?rate=100');

	await poll('the dashboard\'s totalRides to grow past ' + ridesBefore, 60_000,
			async () => Number(await statValue(page, 'totalRides')) > ridesBefore);
	await poll('#last-updated to change from ' + updatedBefore, 30_000,
			async () => (await page.getAttribute('#last-updated', 'datetime')) !== updatedBefore);
	const job = await poll(`replay job ${started.id} to finish`, 60_000, async () => {
		const now = await getJson(`${PRODUCER_URL}/rides/replay/${started.id}`);
		return TERMINAL_STATES.includes(now.state) && now;
	});
	assert.equal(job.state, 'COMPLETED', `replay job ${job.id}: ${JSON.stringify(job)}`);
	const expectedRides = statsBefore.totalRides + job.published;
	await poll(`every figure on the dashboard to equal GET /stats with totalRides ${expectedRides}`, 60_000,
			async () => {
				const stats = await getJson(`${CONSUMER_URL}/stats`);
				if (stats.totalRides !== expectedRides) {
					return [`GET /stats says totalRides ${stats.totalRides}`];
				}
				const differences = statDifferences(await pageStats(page), stats);
				return differences.length === 0 || differences;
			});
	assert.equal(navigations, 1, 'the dashboard was navigated again (reloaded) while it updated');
	assert.equal(await page.evaluate(() => window.sameDocument), true, 'the dashboard document was replaced');
	assert.deepEqual(errors, [], 'JavaScript errors on the dashboard');
	await screenshot(page, 'dashboard.png');
});

test('chartsDrawTheWindowsOfStatsWindowsJson', async (context) => {
	const page = await context.newPage();
	await page.goto(`${CONSUMER_URL}/stats`);
	for (const [chart, field] of [['#rides-chart', 'rides'], ['#revenue-chart', 'revenue']]) {
		await poll(`${chart} to draw the bars of GET /stats/windows`, 15_000, async () => {
			const bars = await page.$$eval(`${chart} rect.bar`,
					(rects) => rects.map((rect) => ({ start: rect.dataset.start, value: rect.dataset.value })));
			if (bars.length === 0) {
				return [`${chart} has no rect.bar`];
			}
			const { windows } = await getJson(`${CONSUMER_URL}/stats/windows?type=tumbling&limit=${bars.length}`);
			const byStart = new Map(windows.map((window) => [localDateTime(window.start), String(window[field])]));
			const differences = bars.filter((bar) => byStart.get(localDateTime(bar.start)) !== bar.value)
				.map((bar) => `bar ${bar.start} shows ${bar.value}, the window has ${byStart.get(localDateTime(bar.start))}`);
			return differences.length === 0 || differences;
		});
	}
});

test('dashboardShowsTheFiguresWithoutJavaScript', async () => {
	const context = await newContext({ javaScriptEnabled: false });
	try {
		const page = await context.newPage();
		await page.goto(`${CONSUMER_URL}/stats`);
		const shown = await pageStats(page);
		const stats = await getJson(`${CONSUMER_URL}/stats`);

		assert.ok(shown.totalRides, 'no data-value for totalRides without JavaScript');
		assert.deepEqual(statDifferences(shown, stats), [], 'figures rendered by the server differ from GET /stats');
	}
	finally {
		await context.close();
	}
});

test('dashboardFitsAPhoneScreenWithoutHorizontalScrolling', async () => {
	const context = await newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
	try {
		const page = await context.newPage();
		await page.goto(`${CONSUMER_URL}/stats`, { waitUntil: 'load' });
		timings.dashboardOnPhone = await navigationTiming(page);
		await page.locator('[data-stat="totalRides"]').waitFor();
		await screenshot(page, 'dashboard-phone.png');
		const { scrollWidth, clientWidth, overflowing } = await page.evaluate(() => {
			const clientWidth = document.documentElement.clientWidth;
			const overflowing = [...document.body.querySelectorAll('*')]
				.filter((element) => element.getBoundingClientRect().right > clientWidth + 1)
				.slice(0, 5)
				.map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
					+ (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : '')
					+ ` (right edge at ${Math.round(element.getBoundingClientRect().right)}px)`);
			return { scrollWidth: document.documentElement.scrollWidth, clientWidth, overflowing };
		});

		assert.ok(scrollWidth <= clientWidth + 1, `the dashboard is ${scrollWidth}px wide on a ${clientWidth}px wide `
				+ `phone screen; wider than the screen: ${overflowing.join(', ')}`);
	}
	finally {
		await context.close();
	}
});

test('producerPageStartsAndCancelsAReplay', async (context) => {
	const page = await context.newPage();
	const errors = recordErrors(page);
	await page.goto(`${PRODUCER_URL}/`);

	await page.fill('#rate', '10');
	await page.click('#replay-bundled');
	await poll('#job-state RUNNING with rides read', 30_000, async () => {
		const state = (await page.textContent('#job-state')).trim();
		const progress = await page.$eval('#progress', (bar) => bar.value);
		const rowsRead = Number((await page.textContent('#job-rows-read')).trim());
		return state === 'RUNNING' && (progress > 0 || rowsRead > 0) || [`${state}, progress ${progress}, rows read ${rowsRead}`];
	});
	assert.ok(await page.isEnabled('#cancel'), '#cancel is disabled while the job runs');
	await page.click('#cancel');
	await poll('#job-state CANCELLED', 30_000, async () => (await page.textContent('#job-state')).trim() === 'CANCELLED');

	const id = (await page.textContent('#job-id')).trim();
	const job = await getJson(`${PRODUCER_URL}/rides/replay/${encodeURIComponent(id)}`);
	assert.equal(job.state, 'CANCELLED', `GET /rides/replay/${id}: ${JSON.stringify(job)}`);
	assert.ok(job.published < BUNDLED_RIDES, `the cancelled job published all ${job.published} rides`);
	assert.ok(await page.isDisabled('#cancel'), '#cancel is still enabled after the job was cancelled');
	assert.deepEqual(errors, [], 'JavaScript errors on the producer page');
	await screenshot(page, 'producer.png');
});

for (const [service, url] of [['producer', PRODUCER_URL], ['consumer', CONSUMER_URL]]) {
	test(`swaggerUiOfThe${service[0].toUpperCase()}${service.slice(1)}ShowsEveryOperationOfItsApiDocs`, async (context) => {
		const page = await context.newPage();
		const errors = recordErrors(page);
		const docs = await getJson(`${url}/v3/api-docs`);
		const operations = Object.values(docs.paths).reduce((count, path) => count + Object.keys(path).length, 0);
		await page.goto(`${url}/swagger-ui/index.html`);
		await poll(`Swagger UI to list the ${operations} operations of /v3/api-docs`, 30_000, async () => {
			const shown = await page.$$eval('.opblock', (blocks) => blocks.length);
			return shown === operations || [`${shown} shown`];
		});
		assert.equal((await page.textContent('.info .title')).includes(docs.info.title), true,
				`the title ${docs.info.title} is not shown`);
		assert.deepEqual(errors, [], `JavaScript errors on the ${service}'s Swagger UI`);
		await screenshot(page, `swagger-ui-${service}.png`);
	});
}

await main();

async function main() {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const results = [];
	try {
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
				'--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
		});
		console.log(`Chromium ${browser.version()}; producer ${PRODUCER_URL}, consumer ${CONSUMER_URL}`);
		for (const { name, body } of tests) {
			results.push(await run(name, body));
		}
	}
	catch (error) {
		console.error(`Could not start Chromium from ${CHROMIUM}: ${error.message}`);
		results.push({ name: 'launchChromium', passed: false });
	}
	finally {
		await browser?.close();
	}
	writeFileSync(join(SCREENSHOT_DIR, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
	console.log(`\nDashboard load times (ms): ${JSON.stringify(timings)}`);
	console.log('\nSummary');
	for (const { name, passed, millis } of results) {
		console.log(`  ${passed ? 'PASS' : 'FAIL'} ${name}${millis === undefined ? '' : ` (${millis} ms)`}`);
	}
	const failed = results.filter((result) => !result.passed).length;
	console.log(`${results.length - failed} passed, ${failed} failed`);
	process.exitCode = failed === 0 ? 0 : 1;
}

async function run(name, body) {
	const started = Date.now();
	const context = await newContext();
	try {
		await body(context);
		return { name, passed: true, millis: Date.now() - started };
	}
	catch (error) {
		console.error(`FAIL ${name}\n${error.stack ?? error}`);
		for (const [index, page] of context.pages().entries()) {
			await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-failure-${index}.png`), fullPage: true })
				.catch(() => {});
		}
		return { name, passed: false, millis: Date.now() - started };
	}
	finally {
		await context.close();
	}
}

async function newContext(options = {}) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	context.setDefaultTimeout(15_000);
	return context;
}

// Calls check until it returns something truthy other than an array, which it returns; an array says what is
// still wrong, for the message if the time runs out.
async function poll(what, timeoutMillis, check) {
	const deadline = Date.now() + timeoutMillis;
	let last;
	while (true) {
		try {
			last = await check();
			if (last && !Array.isArray(last)) {
				return last;
			}
		}
		catch (error) {
			last = error.message;
		}
		if (Date.now() > deadline) {
			throw new assert.AssertionError({ message: `Timed out after ${timeoutMillis} ms waiting for ${what}`
				+ (last ? `; last: ${Array.isArray(last) ? last.join('; ') : last}` : '') });
		}
		await new Promise((wake) => setTimeout(wake, 250));
	}
}

// An ISO local date-time in one form, as LocalDateTime.toString() leaves out zero seconds and Jackson does not.
function localDateTime(text) {
	const parts = /^(\d{4}-\d\d-\d\dT\d\d:\d\d)(?::(\d\d)(?:\.(\d+))?)?$/.exec(text ?? '');
	if (!parts) {
		return text;
	}
	const fraction = (parts[3] ?? '').replace(/0+$/, '');
	return `${parts[1]}:${parts[2] ?? '00'}${fraction ? '.' + fraction : ''}`;
}

async function statValue(page, name) {
	return page.getAttribute(`[data-stat="${name}"]`, 'data-value');
}

async function pageStats(page) {
	return page.$$eval('[data-stat]',
			(elements) => Object.fromEntries(elements.map((element) => [element.dataset.stat, element.dataset.value])));
}

// What the page shows differently from the /stats JSON, one line per figure; every figure must be shown.
function statDifferences(shown, stats) {
	const differences = [];
	for (const name of STATS) {
		const expected = name.split('.').reduce((node, key) => node?.[key], stats);
		if (!(name in shown)) {
			differences.push(`no [data-stat="${name}"]`);
		}
		else if (shown[name] !== String(expected)) {
			differences.push(`${name} shows ${shown[name]}, GET /stats has ${expected}`);
		}
	}
	return differences;
}

async function navigationTiming(page) {
	return page.evaluate(() => {
		const [navigation] = performance.getEntriesByType('navigation');
		return {
			domContentLoaded: Math.round(navigation.domContentLoadedEventEnd),
			load: Math.round(navigation.loadEventEnd),
		};
	});
}

function recordErrors(page) {
	const errors = [];
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

async function screenshot(page, file) {
	await page.screenshot({ path: join(SCREENSHOT_DIR, file), fullPage: true });
}

async function getJson(url) {
	const response = await fetch(url, { headers: { Accept: 'application/json' } });
	assert.equal(response.status, 200, `GET ${url}: ${response.status} ${await response.clone().text()}`);
	return response.json();
}

async function postReplay(path) {
	// The producer refuses to start a replay without it (or a CSV body), as a form on another site could.
	const response = await fetch(PRODUCER_URL + path, { method: 'POST', headers: { 'X-Requested-By': 'browser-tests' } });
	const body = await response.text();
	assert.equal(response.status, 202, `POST ${path}: ${response.status} ${body}`);
	return JSON.parse(body);
}

function requiredUrl(name) {
	const value = process.env[name];
	if (!value) {
		console.error(`Set ${name}, e.g. ${name}=http://127.0.0.1:8080`);
		process.exit(2);
	}
	return value.replace(/\/$/, '');
}
