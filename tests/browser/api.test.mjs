// The package's pure API in Chromium: loading, parsing, checking model JSON,
// themes and rendering.

import assert from 'node:assert/strict';

import { BLANK_PAGE, REFERENCE_TEXT, attemptsInPage, browserTest, callInPage, open, openWithPackage } from './harness.mjs';

const NO_OPTIONS = {};

browserTest('the package loads with await init(), twice', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const exported = await page.evaluate(async () => {
    // A second init() must be harmless.
    await window.yilan.default();
    return Object.keys(window.yilan).sort();
  });
  assert.deepEqual(exported, [
    'Viewer',
    'default',
    'encodeDom',
    'mount',
    'parseDom',
    'parseEncoded',
    'parseHtml',
    'parseJson',
    'parseText',
    'preferences',
    'renderHtml',
    'speechPlan',
    'stylesheet',
    'themes',
  ]);
});

browserTest('init() accepts an explicit URL of the .wasm', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const kind = await page.evaluate(async () => {
    const yilan = await import('/yilan/pkg/index.js?explicit');
    await yilan.default(new URL('/yilan/pkg/yilan_bg.wasm', location.href));
    return typeof yilan.parseText('一、总体情况').version;
  });
  assert.equal(kind, 'number');
});

browserTest('init() failures are YilanErrors with a code, the browser\'s error their cause; a later init() still works', { expectProblems: [/404/] }, async (page) => {
  // Not loaded yet: a page that has not imported the package.
  await open(page, BLANK_PAGE);
  const failures = await page.evaluate(async () => {
    const yilan = await import('/yilan/pkg/index.js');
    const attempt = (source) =>
      yilan.default(source).then(
        () => 'loaded',
        (error) => ({ name: error.name, code: error.code, path: error.path ?? null, cause: error.cause?.name ?? null }),
      );
    return {
      missing: await attempt('/yilan/pkg/missing.wasm'),
      notWasm: await attempt('/yilan/pkg/index.js'),
      number: await attempt(42),
      again: await attempt(new URL('/yilan/pkg/yilan_bg.wasm', location.href)),
    };
  });
  assert.deepEqual(failures, {
    missing: { name: 'YilanError', code: 'network', path: null, cause: 'Error' },
    notWasm: { name: 'YilanError', code: 'network', path: null, cause: 'CompileError' },
    number: { name: 'YilanError', code: 'argument', path: 'source', cause: null },
    again: 'loaded',
  });
});

browserTest('encodeDom of anything but a Document or an Element is an argument error', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  for (const value of [null, 'x', 42, {}]) {
    const { thrown } = await callInPage(page, (yilan, value) => yilan.encodeDom(value), value);
    assert.deepEqual([thrown?.name, thrown?.code], ['YilanError', 'argument'], JSON.stringify(value));
  }
  const text = await callInPage(page, (yilan) => yilan.encodeDom(document.createTextNode('x')));
  assert.equal(text.thrown?.code, 'argument', 'a text node');
});

browserTest('parseHtml resolves a relative baseUrl against the page\'s address; one that is no URL is an argument error', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const html = '<html><body><div class="article"><h1>关于公布名单的通知</h1><p>附件：<a href="files/a.pdf">名单.pdf</a></p></div></body></html>';
  const hrefs = await page.evaluate((html) => {
    const links = (doc) => JSON.stringify(doc).match(/"href":"[^"]*"/g);
    return {
      relative: links(window.yilan.parseHtml(html, { baseUrl: '/notices/42.html' })),
      absolute: links(window.yilan.parseHtml(html, { baseUrl: 'https://www.example.gov.cn/notices/42.html' })),
    };
  }, html);
  assert.deepEqual(hrefs.relative, [`"href":"${new URL('/notices/files/a.pdf', page.url()).href}"`]);
  assert.deepEqual(hrefs.absolute, ['"href":"https://www.example.gov.cn/notices/files/a.pdf"']);
  const { thrown } = await callInPage(page, (yilan, html) => yilan.parseHtml(html, { baseUrl: 'http://[::1' }), html);
  assert.deepEqual([thrown?.code, thrown?.path], ['argument', 'baseUrl']);
  // A lazily loaded image, through the browser's encoding: its own address, not the placeholder.
  const lazy = await page.evaluate(() => {
    const doc = window.yilan.parseHtml(
      '<div class="TRS_Editor"><p>今年以来，工作有序推进，成效明显。</p><p><img src="/images/loading.gif" data-src="/uploads/p1.jpg" alt="现场照片"></p></div>',
      { baseUrl: 'https://www.example.gov.cn/a.html' },
    );
    return doc.body.filter((b) => b.type === 'image').map((b) => b.src);
  });
  assert.deepEqual(lazy, ['https://www.example.gov.cn/uploads/p1.jpg']);
  // A document in a frame, and an <ol start>, through the browser's encoding too.
  const framed = await page.evaluate(() => {
    const doc = window.yilan.parseHtml(
      '<div class="TRS_Editor"><p>现将有关事项公告如下，请认真阅读。</p>' +
        '<iframe src="/pdfjs/web/viewer.html?file=%2Fupload%2Fgg.pdf" title="公告全文">不支持</iframe>' +
        '<object data="/files/c.pdf"></object><ol start="3"><li>携带身份证原件。</li></ol></div>',
      { baseUrl: 'https://www.example.gov.cn/a.html' },
    );
    return {
      links: doc.body.flatMap((b) => b.inlines ?? []).map((i) => [i.text, i.href]),
      markers: doc.body.filter((b) => b.type === 'list').flatMap((b) => b.items.map((i) => i.marker)),
      text: JSON.stringify(doc).includes('不支持'),
    };
  });
  assert.deepEqual(framed, {
    links: [
      ['公告全文', 'https://www.example.gov.cn/upload/gg.pdf'],
      ['c.pdf', 'https://www.example.gov.cn/files/c.pdf'],
    ],
    markers: ['3.'],
    text: false,
  });
});

browserTest('parseText on the reference page returns a version 1 Document', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const result = await callInPage(page, (yilan, text) => yilan.parseText(text), REFERENCE_TEXT);
  assert.equal(result.thrown, undefined, JSON.stringify(result.thrown));
  const doc = result.value;
  assert.equal(doc.version, 1);
  assert.equal(doc.lang, 'zh-CN');
  for (const key of ['breadcrumb', 'meta', 'body', 'actions', 'diagnostics']) {
    assert.ok(Array.isArray(doc[key]), `${key} is an array`);
  }
  // json_compatible serialisation: absent values are null, not undefined.
  assert.ok(doc.title === null || typeof doc.title === 'string');
  assert.ok('title' in doc);
});

browserTest('parseText throws an argument error for a non-string', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const { thrown } = await callInPage(page, (yilan) => yilan.parseText(42));
  assert.deepEqual(
    { isError: thrown?.isError, name: thrown?.name, code: thrown?.code },
    { isError: true, name: 'YilanError', code: 'argument' },
  );
});

browserTest('each call names its argument when it is of the wrong kind', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const errors = await attemptsInPage(page, (yilan, attempt) => {
    const cycle = { version: 1 };
    cycle.self = cycle;
    return {
      text: attempt(() => yilan.parseText(5)),
      html: attempt(() => yilan.parseHtml(5)),
      encoded: attempt(() => yilan.parseEncoded(5)),
      node: attempt(() => yilan.parseDom(5)),
      root: attempt(() => yilan.encodeDom(5)),
      json: attempt(() => yilan.parseJson(7)),
      render: attempt(() => yilan.renderHtml(7)),
      speech: attempt(() => yilan.speechPlan(true)),
      mount: attempt(() => yilan.mount(document.createElement('div'), 7)),
      cycle: attempt(() => yilan.renderHtml(cycle)),
    };
  });
  const notJson = 'expected model JSON as a string or an object';
  assert.deepEqual(errors, {
    text: ['YilanError', 'argument', 'text', 'text must be a string'],
    html: ['YilanError', 'argument', 'html', 'html must be a string'],
    encoded: ['YilanError', 'argument', 'encoded', 'encoded must be a string'],
    node: ['YilanError', 'argument', 'node', 'node must be a Document or an Element'],
    root: ['YilanError', 'argument', 'root', 'encodeDom(root): root must be a Document or an Element'],
    json: ['YilanError', 'argument', 'json', notJson],
    render: ['YilanError', 'argument', 'doc', notJson],
    speech: ['YilanError', 'argument', 'doc', notJson],
    mount: ['YilanError', 'argument', 'doc', notJson],
    cycle: ['YilanError', 'argument', 'doc', 'the document cannot be written as JSON (a cycle or a BigInt?)'],
  });
});

/** A document using every kind of block, as model JSON. */
const SAMPLE = {
  version: 1,
  lang: 'zh-CN',
  title: '上盘镇2023年工作总结及2024年工作计划',
  breadcrumb: [
    { label: '首页', href: '/' },
    { label: '计划总结', href: null },
  ],
  meta: [
    { key: 'indexNo', label: '索引号', value: 'LH331082-080/2024-131280' },
    { key: 'docNo', label: '文号', value: '' },
  ],
  body: [
    {
      type: 'section',
      level: 1,
      marker: '一、',
      heading: '2023年工作总结',
      runIn: false,
      blocks: [
        { type: 'paragraph', text: '今年以来，工作有序推进。' },
        {
          type: 'section',
          level: 2,
          marker: '（一）',
          heading: '重点项目加速推进。',
          runIn: true,
          blocks: [{ type: 'paragraph', text: '台州新材料产业园。', inlines: [{ text: '台州新材料产业园。', strong: true }] }],
        },
        { type: 'list', ordered: true, items: [{ marker: '一是', lead: '筑牢工业发展硬支撑。', text: '推进项目。' }] },
      ],
    },
    {
      type: 'table',
      caption: '表1',
      rows: [
        { header: true, cells: [{ text: '项目' }, { text: '金额', colspan: 2 }] },
        { header: false, cells: [{ text: '甲', header: true }, { text: '1' }, { text: '2' }] },
      ],
    },
    { type: 'attachments', label: '附件', items: [{ marker: '1.', name: '清单.pdf', href: 'a.pdf', fileType: 'pdf' }] },
    { type: 'addressee', text: '各村（居）：' },
    { type: 'note', text: '（此件公开发布）' },
    { type: 'contents', entries: [{ level: 1, marker: '一、', text: '总体情况' }] },
    { type: 'image', src: 'a.png', alt: '图' },
    { type: 'signature', organisations: ['上盘镇人民政府'], date: '2024年2月1日' },
  ],
  actions: ['print', 'close'],
  diagnostics: [{ code: 'unplaced', message: '一行未能归类', line: 3 }],
};

browserTest('parseJson round-trips a document, from an object and from text', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const fromObject = await callInPage(page, (yilan, doc) => yilan.parseJson(doc), SAMPLE);
  assert.equal(fromObject.thrown, undefined, JSON.stringify(fromObject.thrown));
  // SAMPLE spells out every field the model always writes, so nothing is
  // added or lost on the way through.
  assert.deepEqual(fromObject.value, SAMPLE);

  const fromText = await callInPage(page, (yilan, text) => yilan.parseJson(text), JSON.stringify(SAMPLE));
  assert.deepEqual(fromText.value, fromObject.value);

  // And again: what parseJson returns, parseJson takes.
  const again = await callInPage(page, (yilan, doc) => yilan.parseJson(yilan.parseJson(doc)), SAMPLE);
  assert.deepEqual(again.value, fromObject.value);
});

browserTest('parseJson fills in the model defaults', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const { value, thrown } = await callInPage(page, (yilan) => yilan.parseJson('{"version":1,"title":null}'));
  assert.equal(thrown, undefined, JSON.stringify(thrown));
  assert.deepEqual(value, {
    version: 1,
    lang: 'zh-CN',
    title: null,
    breadcrumb: [],
    meta: [],
    body: [],
    actions: [],
    diagnostics: [],
  });
});

/** Bad model JSON and the error each must throw. */
const BAD = [
  {
    name: 'a section level out of range',
    input: { version: 1, title: null, body: [{ type: 'section', level: 9, marker: '', heading: 'x', blocks: [] }] },
    code: 'value',
    path: 'body[0].level',
  },
  { name: 'text that is not JSON', input: '{"version": 1,', code: 'syntax', path: '' },
  { name: 'a field of the wrong type', input: { version: 1, title: 5 }, code: 'shape', path: 'title' },
  { name: 'an unknown field', input: { version: 1, title: null, colour: 'red' }, code: 'shape', path: 'colour' },
  {
    name: 'an unknown field deep inside a block',
    input: { version: 1, body: [{ type: 'paragraph', text: 'a', inlines: [{ text: 'a', bold: true }] }] },
    code: 'shape',
    path: 'body[0].inlines[0].bold',
  },
  { name: 'an unknown block type', input: { version: 1, title: null, body: [{ type: 'video' }] }, code: 'shape', path: 'body[0].type' },
  { name: 'a model version from the future', input: { version: 2, title: null }, code: 'version', path: 'version' },
];

for (const bad of BAD) {
  browserTest(`parseJson throws a YilanError for ${bad.name}`, NO_OPTIONS, async (page) => {
    await openWithPackage(page);
    const { value, thrown } = await callInPage(page, (yilan, input) => yilan.parseJson(input), bad.input);
    assert.equal(value, undefined, `no error thrown; returned ${JSON.stringify(value)}`);
    assert.equal(thrown.isError, true, 'a real Error');
    assert.equal(thrown.name, 'YilanError');
    assert.equal(thrown.code, bad.code, thrown.message);
    assert.equal(thrown.path, bad.path, thrown.message);
    assert.ok(thrown.message.length > 0);
  });
}

browserTest('a model error names the field\'s own range and where nesting went too deep, for an object and for its text alike', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const errors = await attemptsInPage(page, (yilan, attempt) => {
    const section = (level) => ({ version: 1, body: [{ type: 'section', level, marker: '一、', heading: '总则', blocks: [] }] });
    let deep = 1;
    for (let n = 0; n < 3000; n += 1) deep = { x: deep };
    const tooDeep = { version: 1, title: deep };
    return {
      fraction: attempt(() => yilan.renderHtml(section(1.5))),
      fractionText: attempt(() => yilan.parseJson(JSON.stringify(section(1.5)))),
      string: attempt(() => yilan.speechPlan(section('2'))),
      // Out of range whether the level's type could hold it or not.
      pastByte: attempt(() => yilan.renderHtml(section(300))),
      nine: attempt(() => yilan.renderHtml(section(9))),
      colspan: attempt(() => yilan.renderHtml({ version: 1, body: [{ type: 'table', rows: [{ cells: [{ text: 'a', colspan: 2.5 }] }] }] })),
      deep: attempt(() => yilan.renderHtml(tooDeep)),
      deepText: attempt(() => yilan.parseJson(JSON.stringify(tooDeep))),
      nan: attempt(() => yilan.renderHtml({ version: NaN })),
    };
  });
  const range = 'invalid type: floating point `1.5`, expected an integer from 1 to 4';
  const deepPath = 'title.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x';
  assert.deepEqual(errors, {
    fraction: ['YilanError', 'shape', 'body[0].level', `body[0].level: ${range}`],
    fractionText: ['YilanError', 'shape', 'body[0].level', `body[0].level: ${range}`],
    string: ['YilanError', 'shape', 'body[0].level', 'body[0].level: invalid type: string "2", expected an integer from 1 to 4'],
    pastByte: ['YilanError', 'value', 'body[0].level', 'body[0].level: invalid value: integer `300`, expected an integer from 1 to 4'],
    nine: ['YilanError', 'value', 'body[0].level', 'body[0].level: expected 1 to 4, got 9'],
    colspan: [
      'YilanError',
      'shape',
      'body[0].rows[0].cells[0].colspan',
      'body[0].rows[0].cells[0].colspan: invalid type: floating point `2.5`, expected an integer from 1 to 1000',
    ],
    // An object was never text to its caller: the path alone says where.
    deep: ['YilanError', 'tooLarge', deepPath, `${deepPath}: nested more than 127 levels deep`],
    deepText: ['YilanError', 'tooLarge', deepPath, `${deepPath}: nested more than 127 levels deep at line 1 column 652`],
    nan: ['YilanError', 'version', 'version', 'version: unsupported model version null (NaN and Infinity become null in JSON; this library reads version 1)'],
  });
});

browserTest('parseJson rejects a value that is neither text nor an object', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const { thrown } = await callInPage(page, (yilan) => yilan.parseJson(7));
  assert.equal(thrown?.code, 'argument');
});

browserTest('themes() lists the themes with stable ids and Chinese labels', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const { value, thrown } = await callInPage(page, (yilan) => yilan.themes());
  assert.equal(thrown, undefined, JSON.stringify(thrown));
  assert.ok(Array.isArray(value), 'an array');
  const ids = value.map((theme) => theme.id);
  for (const id of ['standard', 'yellow-on-black']) {
    assert.ok(ids.includes(id), `has ${id}: ${ids.join(', ')}`);
  }
  assert.ok(value.length >= 5, 'at least five themes');
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  assert.equal(ids[0], 'standard', 'the default first');
  for (const theme of value) {
    assert.match(theme.id, /^[a-z]+(-[a-z]+)*$/, `id ${theme.id}`);
    assert.match(theme.label, /\p{Script=Han}/u, `label of ${theme.id}`);
    assert.match(theme.labelZhTw, /\p{Script=Han}/u, `Traditional label of ${theme.id}`);
    assert.match(theme.labelEn, /^[A-Z][a-z ]+$/, `English label of ${theme.id}`);
    assert.equal(typeof theme.dark, 'boolean');
  }
  assert.equal(value.find((theme) => theme.id === 'yellow-on-black').label, '黑底黄字');
});

browserTest('stylesheet() is the CSS the package ships as yilan.css', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const { value: css } = await callInPage(page, (yilan) => yilan.stylesheet());
  const shipped = await page.evaluate(async () => (await fetch('/yilan/pkg/yilan.css')).text());
  assert.equal(shipped, css);
  // It parses, and every theme has its block.
  const { value: ruleCount } = await callInPage(page, (yilan) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(yilan.stylesheet());
    return sheet.cssRules.length;
  });
  assert.ok(ruleCount > 20, `${ruleCount} rules`);
  const { value: themes } = await callInPage(page, (yilan) => yilan.themes());
  for (const { id } of themes) {
    assert.ok(css.includes(`.yl-view[data-theme="${id}"]`), `a block for ${id}`);
  }
});

browserTest('speechPlan reads the reference page from its title, chunks tied to ids in the view', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const { value, thrown } = await callInPage(
    page,
    (yilan, text) => {
      const doc = yilan.parseText(text);
      const view = document.querySelector('#view');
      view.innerHTML = yilan.renderHtml(doc);
      const chunks = yilan.speechPlan(doc);
      return {
        chunks,
        missing: chunks.filter((chunk) => !document.getElementById(chunk.target)).map((chunk) => chunk.target),
        from: yilan.speechPlan(doc, { from: 'yl-s2', includeTitle: true }).map((chunk) => chunk.index),
      };
    },
    REFERENCE_TEXT,
  );
  assert.equal(thrown, undefined, JSON.stringify(thrown));
  const { chunks, missing, from } = value;
  assert.ok(chunks.length > 20, `${chunks.length} chunks`);
  assert.deepEqual(
    { kind: chunks[0].kind, target: chunks[0].target, text: chunks[0].text },
    { kind: 'title', target: 'yl-title', text: '上盘镇2023年工作总结及2024年工作计划' },
  );
  assert.deepEqual(chunks.map((chunk) => chunk.index), chunks.map((_, i) => i), 'indices count up from 0');
  assert.deepEqual(missing, [], 'every target is an element of the view');
  assert.ok(from.length > 0 && from.length < chunks.length, 'from starts later');
  assert.equal(from[0], chunks.findIndex((chunk) => chunk.target === 'yl-s2'));
});

browserTest('speechPlan checks its options', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const { thrown } = await callInPage(page, (yilan) => yilan.speechPlan({ version: 1, title: 't' }, { maxChars: 'long' }));
  assert.deepEqual([thrown?.code, thrown?.path], ['argument', 'maxChars']);
});

browserTest('speechPlan takes maxChars from 1: 0 and below, fractions and the rest are argument errors that give the range', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const errors = await attemptsInPage(page, (yilan, attempt) => {
    const doc = { version: 1, title: '关于印发通知的通知' };
    const plan = (maxChars) => attempt(() => yilan.speechPlan(doc, { maxChars }));
    return {
      zero: plan(0),
      negative: plan(-5),
      fraction: plan(1.5),
      tooMany: plan(2 ** 32),
      nan: plan(NaN),
      string: plan('long'),
      one: yilan.speechPlan(doc, { maxChars: 1 }).slice(0, 3).map((chunk) => chunk.text),
      most: yilan.speechPlan(doc, { maxChars: 2 ** 32 - 1 }).map((chunk) => chunk.text)[0],
    };
  });
  const range = ['YilanError', 'argument', 'maxChars', 'maxChars must be a whole number from 1 to 4294967295'];
  assert.deepEqual(errors, {
    zero: range,
    negative: range,
    fraction: range,
    tooMany: range,
    nan: range,
    string: ['YilanError', 'argument', 'maxChars', 'invalid type: string, expected a whole number from 1 to 4294967295'],
    one: ['关', '于', '印'],
    most: '关于印发通知的通知',
  });
});

browserTest('renderHtml returns the article for a document', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const { value, thrown } = await callInPage(page, (yilan, doc) => yilan.renderHtml(doc, { mode: 'elderly', scale: 2 }), SAMPLE);
  assert.equal(thrown, undefined, JSON.stringify(thrown));
  assert.equal(typeof value, 'string');
  assert.match(value, /<article\b/);
  assert.ok(value.includes('2023年工作总结'), 'the heading is in the view');
});

browserTest('renderHtml checks the document and the options', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const badDoc = await callInPage(page, (yilan) => yilan.renderHtml({ version: 1, title: 3 }));
  assert.equal(badDoc.thrown?.code, 'shape');
  const badMode = await callInPage(page, (yilan) => yilan.renderHtml({ version: 1, title: null }, { mode: 'large' }));
  assert.deepEqual([badMode.thrown?.code, badMode.thrown?.path], ['argument', 'mode']);
  const badScale = await callInPage(page, (yilan) => yilan.renderHtml({ version: 1, title: null }, { scale: 30 }));
  assert.deepEqual([badScale.thrown?.code, badScale.thrown?.path], ['argument', 'scale']);
  const badType = await callInPage(page, (yilan) => yilan.renderHtml({ version: 1, title: null }, { scale: 'big' }));
  assert.deepEqual([badType.thrown?.code, badType.thrown?.path], ['argument', 'scale']);
});

browserTest('half of a character in a document object (a string cut inside an emoji) is a value error that names where', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const errors = await attemptsInPage(page, (yilan, attempt) => {
    const doc = yilan.parseText('关于某事的通知😀\n一、总体情况\n正文一段。');
    const cut = { ...doc, title: doc.title.slice(0, -1) };
    const deep = structuredClone(doc);
    deep.body[0].blocks[0].text = '\udc00正文';
    const meta = { version: 1, meta: [{ key: 'other', label: '备注', value: 'a\ud800' }] };
    return {
      render: attempt(() => yilan.renderHtml(cut)),
      speech: attempt(() => yilan.speechPlan(deep)),
      json: attempt(() => yilan.parseJson(deep)),
      mount: attempt(() => yilan.mount(document.querySelector('#view'), cut)),
      meta: attempt(() => yilan.renderHtml(meta)),
      key: attempt(() => yilan.renderHtml({ version: 1, ['t\ud800']: 1 })),
      whole: attempt(() => yilan.renderHtml({ ...doc })),
    };
  });
  const message = (path) => `${path}: half of a character (a lone surrogate): text must be whole characters`;
  assert.deepEqual(errors, {
    render: ['YilanError', 'value', 'title', message('title')],
    speech: ['YilanError', 'value', 'body[0].blocks[0].text', message('body[0].blocks[0].text')],
    json: ['YilanError', 'value', 'body[0].blocks[0].text', message('body[0].blocks[0].text')],
    mount: ['YilanError', 'value', 'title', message('title')],
    meta: ['YilanError', 'value', 'meta[0].value', message('meta[0].value')],
    // A key: the path of its object (here the document's, empty).
    key: ['YilanError', 'value', '', 'a key with half of a character (a lone surrogate): text must be whole characters'],
    whole: 'no error',
  });
});

browserTest('half of a character in model JSON text (JSON.stringify of a string cut inside an emoji) names the field and the escape', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const errors = await attemptsInPage(page, (yilan, attempt) => ({
    title: attempt(() => yilan.parseJson('{"version":1,"title":"a\\ud800b"}')),
    cut: attempt(() => yilan.parseJson(JSON.stringify({ version: 1, title: '通知😀'.slice(0, -1) }))),
    deep: attempt(() => yilan.renderHtml(`{
  "version": 1,
  "body": [{"type": "paragraph", "text": "ab", "inlines": [{"text": "\\udc00"}]}]
}`)),
  }));
  assert.deepEqual(errors, {
    title: [
      'YilanError',
      'value',
      'title',
      'title: half of a character (a lone surrogate) in the \\u escape at line 1 column 24: text must be whole characters',
    ],
    // Columns count bytes of UTF-8, as for any error in text: 通知 is six.
    cut: [
      'YilanError',
      'value',
      'title',
      'title: half of a character (a lone surrogate) in the \\u escape at line 1 column 29: text must be whole characters',
    ],
    deep: [
      'YilanError',
      'value',
      'body[0].inlines[0].text',
      'body[0].inlines[0].text: half of a character (a lone surrogate) in the \\u escape at line 3 column 70: text must be whole characters',
    ],
  });
});

browserTest('a field given twice in model JSON text is a shape error at the second, in every object read', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const errors = await attemptsInPage(page, (yilan, attempt) => ({
    title: attempt(() => yilan.parseJson('{"version":1,"title":"a","title":"b"}')),
    meta: attempt(() => yilan.parseJson('{"version":1,"meta":[{"key":"other","key":"docNo","label":"文号","value":"1"}]}')),
    type: attempt(() => yilan.renderHtml('{"version":1,"body":[{"type":"note","text":"a","type":"paragraph"}]}')),
    cell: attempt(() =>
      yilan.speechPlan('{"version":1,"body":[{"type":"table","rows":[{"cells":[{"text":"a","rowspan":1,"rowspan":2}]}]}]}'),
    ),
  }));
  assert.deepEqual(errors, {
    title: ['YilanError', 'shape', 'title', 'title: duplicate field `title`'],
    meta: ['YilanError', 'shape', 'meta[0].key', 'meta[0].key: duplicate field `key`'],
    type: ['YilanError', 'shape', 'body[0].type', 'body[0].type: duplicate field `type`'],
    cell: ['YilanError', 'shape', 'body[0].rows[0].cells[0].rowspan', 'body[0].rows[0].cells[0].rowspan: duplicate field `rowspan`'],
  });
});

browserTest('a document parsed from page text near the limit renders, though its model JSON is over the reading limit', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const result = await page.evaluate(() => {
    const yilan = window.yilan;
    // 6 MiB of short paragraphs: its model JSON is about three times that, over 16 MiB.
    const doc = yilan.parseText('正文一段。\n'.repeat((6 * 2 ** 20) / 16));
    const html = yilan.renderHtml(doc);
    const chunks = yilan.speechPlan(doc).length;
    let copy;
    try {
      yilan.renderHtml({ ...doc, title: '改过的标题' });
      copy = 'no error';
    } catch (e) {
      copy = e.code;
    }
    return { html: html.length > 6 * 2 ** 20, chunks: chunks > 100000, copy };
  });
  // The document renders (also as its very JSON text); a changed copy, read as model JSON, meets the reading limit.
  assert.deepEqual(result, { html: true, chunks: true, copy: 'tooLarge' });
});
