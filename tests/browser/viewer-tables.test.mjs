// Tables in the mounted viewer, in Chromium, on the page with the long
// tables (fixture 03): a table that fits the column keeps its header rows
// on screen under the bar while its body scrolls by, unless they would take
// more than a quarter of the screen, and is no tab stop; a table wider than
// the column scrolls sideways in its region, a tab stop that the keyboard
// scrolls; which is which follows the window's size and the text size.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { assertNoViolations } from './axe.mjs';
import { browserTest } from './harness.mjs';
import { inView, openPage } from './viewer-helpers.mjs';

const LONG_TABLES = readFileSync(new URL('../fixtures/html/03-govcn-zhengce-sanji-yiyuan-long-tables.html', import.meta.url), 'utf8');
const STILL = { reducedMotion: 'reduce' };

/**
 * Mounts fixture 03 and waits for the view's first layout reports; `quirks`:
 * in a page with no doctype (as fixture 03 itself is), else in the blank page.
 */
async function mountTables(page, options, { quirks = false } = {}) {
  await openPage(page, { quirks });
  await page.evaluate(
    ([html, options]) => {
      window.viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseHtml(html), options);
    },
    [LONG_TABLES, options],
  );
  await settle(page);
}

/** Two frames and a task: the size observer has reported and its writes are in. */
function settle(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
}

/** The first table's region: its classes and tab index, and whether it scrolls sideways. */
function region(page) {
  return inView(page, (shadow) => {
    const region = shadow.querySelector('.yl-table');
    return {
      fits: region.classList.contains('yl-table-fits'),
      sticks: region.classList.contains('yl-head-sticks'),
      tabIndex: region.tabIndex,
      scrollsSideways: region.scrollWidth > region.clientWidth && getComputedStyle(region).overflowX === 'auto',
      rows: region.querySelector('tbody').rows.length,
      // The share of the screen below the bar that the header rows take.
      headShare: region.querySelector('thead').getBoundingClientRect().height / (innerHeight - shadow.querySelector('.yl-toolbar').getBoundingClientRect().height),
    };
  });
}

/**
 * The lowest contrast of any text in the view's tables against what is
 * behind it (the first background up its ancestors that is not
 * transparent). axe cannot decide text that its own scrolling leaves partly
 * under header rows that stay on screen, or at the edge of a region that
 * scrolls sideways; this decides it.
 */
function tableContrast(page) {
  return inView(page, (shadow) => {
    const rgba = (value) => value.match(/[\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
      const linear = (c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    let worst = { ratio: Infinity, text: '', count: 0 };
    for (const region of shadow.querySelectorAll('.yl-table')) {
      const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const text = walker.currentNode.data.trim();
        const parent = walker.currentNode.parentElement;
        if (!text || parent.closest('.yl-visually-hidden')) continue;
        let behind = parent;
        while (rgba(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentElement ?? behind.getRootNode().host;
        const [hi, lo] = [luminance(rgba(getComputedStyle(parent).color)), luminance(rgba(getComputedStyle(behind).backgroundColor))].sort((a, b) => b - a);
        const ratio = (hi + 0.05) / (lo + 0.05);
        worst.count += 1;
        if (ratio < worst.ratio) worst = { ...worst, ratio, text: text.slice(0, 12) };
      }
    }
    return worst;
  });
}

/** axe, with the tables' contrast proven by {@link tableContrast}. */
async function assertAccessible(page) {
  const worst = await tableContrast(page);
  assert.ok(worst.count > 100, `the tables' text was checked (${worst.count} texts)`);
  assert.ok(worst.ratio >= 7, `every text in the tables at 7:1 or more: "${worst.text}" at ${worst.ratio.toFixed(2)}`);
  await assertNoViolations(page, { partlyHiddenIn: '.yl-table' });
}

/**
 * Scrolls the window until the middle of the first table's body is at the
 * top of the screen; gives where its header rows and the bar then are.
 */
async function scrollIntoBody(page) {
  await inView(page, (shadow) => {
    const rows = shadow.querySelector('.yl-table tbody').rows;
    rows[Math.floor(rows.length / 2)].scrollIntoView({ block: 'start' });
  });
  await settle(page);
  return inView(page, (shadow) => {
    const bar = shadow.querySelector('.yl-toolbar').getBoundingClientRect();
    const head = shadow.querySelector('.yl-table thead').getBoundingClientRect();
    return { barBottom: bar.bottom, headTop: head.top, headBottom: head.bottom, scrolled: window.scrollY };
  });
}

browserTest('a table that fits the column keeps its header rows on screen under the bar, and is no tab stop', STILL, async (page) => {
  await mountTables(page, { mode: 'elderly' });
  const state = await region(page);
  assert.ok(state.rows > 40, `a long table (${state.rows} rows)`);
  assert.deepEqual({ ...state, rows: 0, headShare: 0 }, { fits: true, sticks: true, tabIndex: -1, scrollsSideways: false, rows: 0, headShare: 0 });
  // No column one character wide (指/标/性/质 a line each).
  const narrowest = await inView(page, (shadow) =>
    Math.min(
      ...[...shadow.querySelectorAll('.yl-table :is(th, td)')].map((cell) => {
        const style = getComputedStyle(cell);
        return (cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) / parseFloat(style.fontSize);
      }),
    ),
  );
  assert.ok(narrowest >= 1.99, `every column two characters wide or more (the narrowest: ${narrowest.toFixed(2)})`);
  await assertAccessible(page);
  const at = await scrollIntoBody(page);
  assert.ok(at.scrolled > 1000, `the page scrolled (${at.scrolled} px)`);
  assert.ok(Math.abs(at.headTop - at.barBottom) <= 1, `the header rows right under the bar (${at.headTop} against ${at.barBottom})`);
  assert.ok(at.headBottom > at.headTop + 20, 'and shown');
});

browserTest('on a page with no doctype (quirks mode), the tables take the theme\'s colours and the text\'s size and spacing', STILL, async (page) => {
  await mountTables(page, { mode: 'elderly', theme: 'yellow-on-black', scale: 2 }, { quirks: true });
  assert.equal(await page.evaluate(() => document.compatMode), 'BackCompat');
  const looks = await inView(page, (shadow) => {
    const paragraph = getComputedStyle(shadow.querySelector('.yl-body p'));
    const cell = getComputedStyle(shadow.querySelector('.yl-table td'));
    const px = (value) => Number.parseFloat(value);
    return {
      color: cell.color === paragraph.color,
      // The cell's text is 0.9375 of the paragraphs', and spaced as they are.
      size: Math.round((px(cell.fontSize) / px(paragraph.fontSize)) * 1000) / 1000,
      spacing: Math.round((px(cell.lineHeight) / px(cell.fontSize)) * 100) === Math.round((px(paragraph.lineHeight) / px(paragraph.fontSize)) * 100),
    };
  });
  assert.deepEqual(looks, { color: true, size: 0.938, spacing: true });
  await assertAccessible(page);
});

browserTest('in the standard mode the header rows stay at the top of the window', STILL, async (page) => {
  await mountTables(page, { mode: 'standard' });
  assert.equal((await region(page)).sticks, true);
  const at = await scrollIntoBody(page);
  assert.ok(Math.abs(at.headTop) <= 1, `at the top (${at.headTop})`);
});

browserTest('header rows taller than a quarter of the screen scroll away with the table', { ...STILL, viewport: { width: 1280, height: 600 } }, async (page) => {
  // (At 2.5× the first table still fits the column of a 1280 px window; at
  // 3× its Chinese text makes it wider.)
  await mountTables(page, { mode: 'elderly', scale: 2.5 });
  const state = await region(page);
  assert.equal(state.fits, true, 'the table still fits the column at 2.5×');
  assert.ok(state.headShare > 0.25, `the header rows take ${state.headShare.toFixed(2)} of the screen`);
  assert.equal(state.sticks, false);
  const at = await scrollIntoBody(page);
  assert.ok(at.headBottom <= at.barBottom, `scrolled away under the bar (${at.headBottom})`);
});

browserTest('a table wider than the column scrolls sideways in its region, which the keyboard reaches and scrolls', { ...STILL, viewport: { width: 390, height: 844 } }, async (page) => {
  await mountTables(page, { mode: 'elderly', scale: 2 });
  assert.deepEqual({ ...(await region(page)), rows: 0, headShare: 0 }, { fits: false, sticks: false, tabIndex: 0, scrollsSideways: true, rows: 0, headShare: 0 });
  await assertAccessible(page);
  await inView(page, (shadow) => shadow.querySelector('.yl-table').focus());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('yilan-view').shadowRoot.querySelector('.yl-table').scrollLeft > 0, null, { timeout: 5000 });
  // A line above the table says that it scrolls sideways, and it stays
  // in sight (at the region's left edge) as the table scrolls.
  const hint = await inView(page, (shadow) => {
    const region = shadow.querySelector('.yl-table');
    const style = getComputedStyle(region, '::before');
    return { content: style.content, position: style.position, scrolled: region.scrollLeft > 0 };
  });
  assert.deepEqual(hint, { content: '"表格较宽，可左右滚动查看" / ""', position: 'sticky', scrolled: true });
});

browserTest('which tables fit follows the window\'s size and the text size', { ...STILL, viewport: { width: 1280, height: 600 } }, async (page) => {
  await mountTables(page, { mode: 'elderly', scale: 2.5 });
  const wide = { fits: true, sticks: false, tabIndex: -1, scrollsSideways: false, rows: 0, headShare: 0 };
  assert.deepEqual({ ...(await region(page)), rows: 0, headShare: 0 }, wide, 'at 2.5× on a wide screen: fits, header rows too tall to stay');
  const hint = () => inView(page, (shadow) => getComputedStyle(shadow.querySelector('.yl-table'), '::before').content);
  assert.equal(await hint(), 'none', 'no line about scrolling above a table that fits');
  await page.setViewportSize({ width: 390, height: 600 });
  await settle(page);
  assert.deepEqual({ ...(await region(page)), rows: 0, headShare: 0 }, { fits: false, sticks: false, tabIndex: 0, scrollsSideways: true, rows: 0, headShare: 0 }, 'narrowed: scrolls sideways');
  assert.notEqual(await hint(), 'none', 'and says so');
  await page.setViewportSize({ width: 1280, height: 600 });
  await settle(page);
  assert.deepEqual({ ...(await region(page)), rows: 0, headShare: 0 }, wide, 'widened again');
  // Taller alone (the view's size stays): the same header rows now take
  // less than a quarter of the screen.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await settle(page);
  const tall = await region(page);
  assert.ok(tall.headShare <= 0.25, `${tall.headShare.toFixed(2)} of a taller screen`);
  assert.equal(tall.sticks, true, 'on a taller window the header rows stay');
  await page.setViewportSize({ width: 1280, height: 600 });
  await settle(page);
  assert.equal((await region(page)).sticks, false, 'and not once it is short again');
  await page.evaluate(() => window.viewer.setScale(1));
  await settle(page);
  assert.equal((await region(page)).sticks, true, 'at 1× the header rows stay');
  await page.evaluate(() => window.viewer.setScale(2.5));
  await settle(page);
  assert.equal((await region(page)).sticks, false, 'and at 2.5× again they do not');
});

/** The first body row of the first table that shows below its stuck header rows, and where. */
function firstRowShown(page) {
  return inView(page, (shadow) => {
    const head = shadow.querySelector('.yl-table thead').getBoundingClientRect();
    const rows = [...shadow.querySelector('.yl-table tbody').rows];
    const at = rows.findIndex((row) => row.getBoundingClientRect().bottom > head.bottom + 1);
    return { at, headBottom: head.bottom, top: rows[at].getBoundingClientRect().top };
  });
}

browserTest('in a long table the reader keeps the row under the header rows through 放大, and what scrolls into view stops below them', STILL, async (page) => {
  await mountTables(page, { mode: 'elderly' });
  await inView(page, (shadow) => shadow.querySelector('.yl-table tbody').rows[20].scrollIntoView({ block: 'center' }));
  await settle(page);
  const before = await firstRowShown(page);
  assert.ok(before.at > 5, `mid-table (row ${before.at})`);
  await page.evaluate(() => window.viewer.setScale(1.25));
  await settle(page);
  const after = await firstRowShown(page);
  assert.ok(Math.abs(after.at - before.at) <= 1, `the same row at the top: ${before.at} before, ${after.at} after`);
  await page.evaluate(() => window.viewer.setTheme('yellow-on-black'));
  await settle(page);
  assert.ok(Math.abs((await firstRowShown(page)).at - before.at) <= 1, 'and through 配色');

  // A cell brought into view (a link reached by Tab, the sentence read)
  // stops below the header rows, not under them.
  const placed = await inView(page, async (shadow) => {
    const cell = shadow.querySelector('.yl-table tbody').rows[40].cells[0];
    cell.scrollIntoView({ block: 'start' });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return { cell: cell.getBoundingClientRect().top, head: shadow.querySelector('.yl-table thead').getBoundingClientRect().bottom };
  });
  assert.ok(placed.cell >= placed.head, `the cell at ${placed.cell}, below the header rows' ${placed.head}`);

  // Printed from the middle of the table, the header rows are in the flow.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await inView(page, (shadow) => getComputedStyle(shadow.querySelector('.yl-table thead')).position), 'static');
});

/** A picture `width` by `height` pixels, as an image server sends it. */
function picture(width, height) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#777"/></svg>`;
}

/** The pictures of CELL_IMAGES: a large photo, a smaller one, a 二维码. */
const PICTURES = { 'zhang.svg': picture(2400, 1800), 'li.svg': picture(600, 800), 'qr.svg': picture(300, 300) };

/** A staff list with a photo column (one photo lazily loaded) and a decorative 二维码. */
const CELL_IMAGES = `<div class="TRS_Editor"><p>今年以来，工作有序推进，成效明显。</p><table>
<tr><th>序号</th><th>姓名</th><th>照片</th></tr>
<tr><td>1</td><td>张三</td><td><img src="/cell-images/zhang.svg" alt="张三照片"></td></tr>
<tr><td>2</td><td>李四</td><td><img src="/cell-images/loading.gif" data-src="/cell-images/li.svg" alt="李四照片"></td></tr>
<tr><td>3</td><td>王五</td><td>扫码查看<img src="/cell-images/qr.svg" alt=""></td></tr>
</table></div>`;

browserTest('an image in a table cell shows in its cell, under its text and no wider than the cell, and axe finds nothing', STILL, async (page) => {
  const requested = [];
  await page.route('**/cell-images/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    requested.push(name);
    return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PICTURES[name] ?? '' });
  });
  await openPage(page);
  // Read in the browser, written out as model JSON and read back: the
  // model's images, then the view of what was read back.
  const model = await page.evaluate((html) => {
    const read = window.yilan.parseJson(JSON.stringify(window.yilan.parseHtml(html)));
    window.viewer = window.yilan.mount(document.querySelector('#view'), read, { mode: 'elderly' });
    return read.body[1].rows.map((row) => row.cells.map((cell) => [cell.text, cell.images ?? []]));
  }, CELL_IMAGES);
  assert.deepEqual(model.slice(1), [
    [['1', []], ['张三', []], ['', [{ src: '/cell-images/zhang.svg', alt: '张三照片' }]]],
    [['2', []], ['李四', []], ['', [{ src: '/cell-images/li.svg', alt: '李四照片' }]]],
    [['3', []], ['王五', []], ['扫码查看', [{ src: '/cell-images/qr.svg', alt: '' }]]],
  ]);
  await page.waitForFunction(() => {
    const images = [...document.querySelector('yilan-view').shadowRoot.querySelectorAll('.yl-table img')];
    return images.length === 3 && images.every((image) => image.complete && image.naturalWidth > 0);
  }, null, { timeout: 5000 });
  await settle(page);
  assert.deepEqual(requested.sort(), ['li.svg', 'qr.svg', 'zhang.svg'], 'each image at its own address, not the placeholder');

  const cells = await inView(page, (shadow) =>
    [...shadow.querySelectorAll('.yl-table img')].map((image) => {
      const cell = image.closest('td, th');
      const style = getComputedStyle(cell);
      const inner = cell.getBoundingClientRect();
      const box = image.getBoundingClientRect();
      const text = [...cell.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.data).join('');
      const textBottom = (() => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        range.setEndBefore(image);
        return range.getBoundingClientRect().bottom;
      })();
      return {
        cell: cell.id,
        alt: image.getAttribute('alt'),
        text,
        inside:
          box.left >= inner.left + parseFloat(style.paddingLeft) - 0.5 &&
          box.right <= inner.right - parseFloat(style.paddingRight) + 0.5 &&
          box.top >= inner.top &&
          box.bottom <= inner.bottom,
        under: !text || box.top >= textBottom - 0.5,
        shrunk: box.width < image.naturalWidth,
        lines: box.height / parseFloat(getComputedStyle(image).fontSize),
      };
    }),
  );
  assert.deepEqual(
    cells.map(({ cell, alt, text, inside, under }) => ({ cell, alt, text, inside, under })),
    [
      { cell: 'yl-t2-2-3', alt: '张三照片', text: '', inside: true, under: true },
      { cell: 'yl-t2-3-3', alt: '李四照片', text: '', inside: true, under: true },
      { cell: 'yl-t2-4-3', alt: '', text: '扫码查看', inside: true, under: true },
    ],
  );
  assert.ok(cells[0].shrunk, 'the large photo is shown smaller than its own size');
  assert.ok(cells.every((cell) => cell.lines <= 12.01), `no image taller than 12em (${cells.map((cell) => cell.lines.toFixed(2))})`);
  // The photo does not widen the table past the column, nor squeeze the
  // text columns to a character a line.
  const table = await inView(page, (shadow) => {
    const region = shadow.querySelector('.yl-table');
    const names = [...region.querySelectorAll('tbody tr td:nth-child(2)')];
    return {
      scrollsSideways: region.scrollWidth > region.clientWidth,
      narrowest: Math.min(...names.map((td) => {
        const style = getComputedStyle(td);
        return (td.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) / parseFloat(style.fontSize);
      })),
    };
  });
  assert.equal(table.scrollsSideways, false, 'the table fits the column');
  assert.ok(table.narrowest >= 1.99, `the name column two characters wide or more (${table.narrowest.toFixed(2)})`);
  await assertNoViolations(page, { partlyHiddenIn: '.yl-table' });
});
