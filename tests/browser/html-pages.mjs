// The HTML pages whose parse has a reviewed expectation in
// tests/expected/html/<slug>.json: every fixture page and the demo portal,
// each with the address it was served from (the same table as
// tests/html_corpus.rs), which its links resolve against.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { root } from '../../scripts/serve.mjs';

const BASES = {
  '01-govcn-zhengce-guofa-2018-43': 'http://www.gov.cn/zhengce/content/2018-12/29/content_5353307.htm',
  '02-govcn-zhengce-xiaofang-haopai-fujian': 'http://www.gov.cn/zhengce/content/2018-12/11/content_5347765.htm',
  '03-govcn-zhengce-sanji-yiyuan-long-tables': 'http://www.gov.cn/zhengce/content/2019-01/30/content_5362266.htm',
  '04-handan-xxgk-detail-saved.jsp': 'http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200802_1352104.html',
  '07-zj-jyt-tuwen-hanweb-article': 'http://jyt.zj.gov.cn/art/2024/10/21/art_1543973_58942886.html',
  'www-index': 'http://www.linhai.gov.cn/art/2024/2/1/art_1229316983_3915851.html',
};

/** `{ slug, file, base, expected }` of each page, `expected` the path of its reviewed document. */
export const HTML_PAGES = readdirSync(join(root, 'tests', 'fixtures', 'html'))
  .filter((name) => name.endsWith('.html'))
  .sort()
  .map((name) => [name.slice(0, -'.html'.length), join(root, 'tests', 'fixtures', 'html', name)])
  .concat([['www-index', join(root, 'www', 'index.html')]])
  .map(([slug, file]) => ({ slug, file, base: BASES[slug], expected: join(root, 'tests', 'expected', 'html', `${slug}.json`) }));

// Every fixture page is here, and every one has a base.
assert.equal(HTML_PAGES.length, 6);
for (const { slug, base } of HTML_PAGES) assert.ok(base, `a base URL for ${slug}`);
