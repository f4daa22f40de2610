// Opens the service page in headless Chromium (a fresh profile each launch), checks what a person would look for, and keeps screenshots.
// Usage: node page-check.mjs <page-url> <screenshot-directory> [screenshot-prefix]; prints one JSON line, exits 1 on the first miss.
import { chromium } from 'playwright-core';

const [, , pageUrl, shots, prefix = ''] = process.argv;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const seen = {};
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });

  const response = await page.goto(pageUrl);
  expect(response.headers()['content-type'].startsWith('text/html'), 'the page is HTML for a browser');
  const operations = await page.locator('table.operations').innerText();
  for (const text of ['getItem', 'GET /items/{id}', 'grpc', 'timeout: 2s', 'circuitBreaker']) {
    expect(operations.includes(text), `operations table shows ${text}`);
  }
  seen.messages = await page.locator('table.messages').innerText();
  for (const text of ['itemChanged', 'shelf.items.changed', 'shelf.items.changed.dlq', 'publisher, consumer']) {
    expect(seen.messages.includes(text), `messages table shows ${text}`);
  }
  const circuits = await page.locator('td.circuit').allInnerTexts();
  expect(circuits.includes('OPEN'), `an open circuit is shown (${circuits})`);
  seen.circuits = circuits;
  await page.screenshot({ path: `${shots}/${prefix}service-page.png`, fullPage: true });

  for (const kind of ['openapi', 'asyncapi']) {
    const href = await page.locator(`text=${kind} document`).getAttribute('href');
    const document = await page.request.get(new URL(href, page.url()).toString());
    expect(document.ok() && (await document.text()).includes('shelf'), `the ${kind} document link answers (${href}: ${document.status()})`);
  }

  await page.click('text=OpenAPI view');
  await page.waitForSelector('.opblock-summary-path', { timeout: 15000 });
  const paths = await page.locator('.opblock-summary-path').allInnerTexts();
  expect(paths.some((path) => path.includes('/items/{id}')), `Swagger UI lists /items/{id} (${paths})`);
  seen.openapiPaths = paths;
  await page.screenshot({ path: `${shots}/${prefix}openapi-view.png`, fullPage: true });

  await page.goto(pageUrl);
  await page.click('text=AsyncAPI view');
  const asyncapi = await page.locator('body').innerText();
  expect(asyncapi.includes('shelf.items.changed') && asyncapi.includes('itemChanged'), 'AsyncAPI view shows the channel');
  await page.screenshot({ path: `${shots}/${prefix}asyncapi-view.png`, fullPage: true });

  console.log(JSON.stringify({ ok: true, seen }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error && error.message ? error.message : error), seen }));
  process.exitCode = 1;
} finally {
  await browser.close();
}

function expect(condition, what) {
  if (!condition) {
    throw new Error(`expected: ${what}`);
  }
}
