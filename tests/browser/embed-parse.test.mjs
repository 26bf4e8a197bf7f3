// parseHtml in Chromium: the browser's own parser (DOMParser) and the
// encoding walk give, for every HTML fixture page, exactly the reviewed
// document the native front end (html5ever) gives in
// tests/expected/html/*.json, so the two front ends agree. Also its errors,
// and parseDom on a live page.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { browserTest, callInPage, openWithPackage } from './harness.mjs';
import { HTML_PAGES } from './html-pages.mjs';
import { root } from '../../scripts/serve.mjs';

const NO_OPTIONS = {};

for (const { slug, file, base, expected: expectedFile } of HTML_PAGES) {
  browserTest(`parseHtml in Chromium gives the reviewed document of ${slug}`, NO_OPTIONS, async (page) => {
    await openWithPackage(page);
    const html = readFileSync(file, 'utf8');
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    const { value, thrown } = await callInPage(page, (yilan, [h, baseUrl]) => yilan.parseHtml(h, { baseUrl }), [html, base]);
    assert.equal(thrown, undefined);
    assert.deepEqual(value, expected);
  });
}

browserTest('parseHtml runs no script of the page and loads nothing', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const result = await page.evaluate(() => {
    window.ran = false;
    const doc = window.yilan.parseHtml(
      '<title>t</title><img src="/nowhere.png" onerror="window.ran = true"><script>window.ran = true</script>' +
        '<div id="zoom"><p>一、总体情况</p><p>今年以来,工作有序推进。</p></div>',
    );
    return new Promise((resolve) => setTimeout(() => resolve({ ran: window.ran, sections: doc.body.length }), 100));
  });
  assert.deepEqual(result, { ran: false, sections: 1 });
  assert.deepEqual(requests, []);
});

browserTest('parseHtml, parseDom and parseEncoded reject wrong arguments with a code', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const cases = [
    (y) => y.parseHtml(7),
    (y) => y.parseHtml(null),
    (y) => y.parseHtml('<p>x</p>', { baseUrl: 7 }),
    (y) => y.parseHtml('<p>x</p>', 'x'),
    (y) => y.parseDom('<p>x</p>'),
    (y) => y.parseDom(document.createTextNode('x')),
    (y) => y.parseEncoded({}),
  ];
  for (const fn of cases) {
    const { thrown } = await callInPage(page, fn);
    assert.deepEqual(
      { isError: thrown?.isError, name: thrown?.name, code: thrown?.code },
      { isError: true, name: 'YilanError', code: 'argument' },
      fn.toString(),
    );
  }
});

browserTest('parseHtml of a page without content gives a noContent diagnostic, not an error', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const { value } = await callInPage(page, (y) => y.parseHtml(''));
  assert.ok(value.diagnostics.some((d) => d.code === 'noContent'), JSON.stringify(value.diagnostics));
});

// The pages of tests/html_images.rs's button tests, read here by the
// browser's front end: the same actions, the same words left out.
const ARTICLE_BODY = '<p>各县（市、区）人民政府，市政府直属各单位：</p><p>《某某办法》已经市政府同意，现印发给你们，请认真贯彻执行。各地区各部门要结合实际，认真组织实施，确保各项措施落到实处，切实提高群众的获得感和满意度。</p><p>一、总体要求</p><p>各地区各部门要结合实际，认真组织实施，确保各项措施落到实处。</p>';
const ACTION_PAGES = {
  buttons: {
    html: `<div class=article><h1>关于印发某某办法的通知</h1>
      <form><input name=q><button type=submit>搜索本站</button></form>
      <div id=zoom>${ARTICLE_BODY}<p><button type=button onclick='toggleShare()'>分享到微信朋友圈</button></p></div>
      <div class=tools>
        <button type=button onclick="window.external.AddFavorite(location.href, document.title)"><img src='/i/save.gif'></button>
        <button type=button onclick='window.print()'>【打印本页】</button>
        <button type=button onclick='doClose()'><span>关闭窗口</span></button>
      </div></div>`,
    absent: ['搜索本站', '分享', '打印', '关闭', 'save.gif'],
  },
  'input buttons': {
    html: `<div class=article><h1>关于印发某某办法的通知</h1>
      <form><input name=q value='请输入关键字'><input type=submit value='搜索'></form>
      <div id=zoom>${ARTICLE_BODY}</div>
      <p align=center>
        <input type=image src='/i/fav.gif' onclick="window.external.AddFavorite(location.href, document.title)">
        <input type=button value='打印本页' onclick='doPrint()'>
        <input type='BUTTON' value=' 关闭窗口 ' onclick='window.close()'>
        <input type=button value='返回列表' onclick='history.back()'>
      </p></div>`,
    absent: ['请输入关键字', '搜索', '打印', '关闭', '返回列表', 'fav.gif'],
  },
};

for (const [name, { html, absent }] of Object.entries(ACTION_PAGES)) {
  browserTest(`parseHtml: a page's action ${name} are its actions, its other controls no text`, NO_OPTIONS, async (page) => {
    await openWithPackage(page);
    const { value, thrown } = await callInPage(page, (yilan, h) => yilan.parseHtml(h, { baseUrl: 'https://www.example.gov.cn/art/1.html' }), html);
    assert.equal(thrown, undefined);
    assert.deepEqual(value.actions, ['bookmark', 'print', 'close']);
    assert.equal(value.title, '关于印发某某办法的通知');
    const json = JSON.stringify(value);
    for (const word of absent) assert.ok(!json.includes(word), `${word}: ${json}`);
    assert.ok(json.includes('现印发给你们，请认真贯彻执行。'), json);
  });
}

browserTest('parseDom reads the live page as parseHtml reads its source, and changes nothing', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const html = readFileSync(join(root, 'www', 'index.html'), 'utf8');
  const same = await page.evaluate((source) => {
    // The live page: the demo portal's markup written into this document.
    const parsed = new DOMParser().parseFromString(source, 'text/html');
    document.body.replaceWith(document.importNode(parsed.body, true));
    const before = document.body.cloneNode(true);
    const live = window.yilan.parseDom(document.body, { baseUrl: 'http://example.org/a/b.html' });
    const fromSource = window.yilan.parseHtml(`<body>${document.body.innerHTML}</body>`, {
      baseUrl: 'http://example.org/a/b.html',
    });
    return {
      equal: JSON.stringify(live) === JSON.stringify(fromSource),
      untouched: document.body.isEqualNode(before),
      title: live.title,
      sections: live.body.length,
    };
  }, html);
  assert.deepEqual(same, { equal: true, untouched: true, title: '上盘镇2023年工作总结及2024年工作计划', sections: 2 });
});
