// The package in Firefox and WebKit (and, as the control, Chromium), part
// two (engines.test.mjs says why): 朗读 through a host voice and the
// browser's own, long tables and sticky headers, an article's number,
// <yilan-reader>, and hostile input.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { root } from '../../scripts/serve.mjs';
import { forEachEngine } from './harness.mjs';
import { mountReference, openWithPackage, REFERENCE_TEXT, ring, TABLES_HTML, TITLE } from './support.mjs';

forEachEngine((engineTest) => {
  engineTest('朗读 through a host voice: each sentence in turn, marked in the text as it is read; 停止 stops', {}, async (s) => {
    await openWithPackage(s);
    await s.run((text) => {
      window.said = [];
      window.plan = window.yilan.speechPlan(window.yilan.parseText(text));
      window.viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseText(text), {
        mode: 'elderly',
        speech: {
          speak(chunk) {
            const range = CSS.highlights?.get('yl-speech');
            const marked = range ? [...range].map((r) => r.toString()).join('') : null;
            window.said.push({ text: chunk.text, index: chunk.index, marked });
            return new Promise((done) => setTimeout(done, 30));
          },
          cancel() {},
        },
      });
    }, REFERENCE_TEXT);
    // Reading starts at the block at the top of the screen: a paragraph of
    // the body, whose sentences are read as written.
    const first = await s.run(async () => {
      const paragraph = view().getElementById('yl-p2-3-1');
      const barBottom = view().querySelector('.yl-toolbar').getBoundingClientRect().bottom;
      scrollBy(0, paragraph.getBoundingClientRect().top - barBottom - 10);
      await frames();
      return paragraph.textContent;
    });
    await s.clickOn('[data-yl-tool="read"]');
    await s.until(() => window.said.length >= 3);
    const said = await s.run(() => window.said.slice(0, 3).map((chunk) => ({ ...chunk, display: window.plan[chunk.index].display })));
    // (Its run-in heading, （二）精心谋划港城融合蓝图。, on its first line, first.)
    const start = said.findIndex(({ text }) => first.includes(text));
    assert.ok(start === 0 || (start === 1 && said[0].text.includes('精心谋划港城融合蓝图')), `reading starts at the paragraph on screen, not at "${said[0].text}"`);
    for (const { text, marked, display } of said) {
      assert.equal(marked, display, `the text marked while "${text}" is read is that sentence as written`);
    }
    await s.clickOn('[data-yl-tool="stop"]');
    const count = await s.run(() => window.said.length);
    await s.run(() => new Promise((done) => setTimeout(done, 200)));
    assert.equal(await s.run(() => window.said.length), count, 'nothing more is read after 停止');
    assert.equal(await s.run(() => CSS.highlights?.get('yl-speech')?.size ?? 0), 0, 'the mark is gone');
  });

  engineTest('the browser\'s own voices: without a Chinese one, 朗读 says so and reads nothing', {}, async (s, engine, t) => {
    await mountReference(s);
    // (The browsers here have none; a machine whose browser has one skips this.)
    const chinese = await s.run(async () => {
      // (The list may come late: once it has come, or after a second.)
      if (!speechSynthesis.getVoices().length) {
        await new Promise((done) => {
          speechSynthesis.addEventListener('voiceschanged', done, { once: true });
          setTimeout(done, 1000);
        });
      }
      return speechSynthesis.getVoices().filter((voice) => /^(zh|cmn|yue)([-_]|$)/i.test(voice.lang)).map((voice) => voice.name);
    });
    if (chinese.length) {
      t.skip(`${engine} has a Chinese voice here (${chinese.join(', ')})`);
      return;
    }
    await s.clickOn('[data-yl-tool="read"]');
    // A browser that lists no voice at all may list them a moment later: the
    // press waits for them (up to 2 s), then says there is none.
    await s.until(() => view().querySelector('.yl-speech-note').checkVisibility());
    const state = await s.run(() => {
      const read = view().querySelector('[data-yl-tool="read"]');
      const note = view().querySelector('.yl-speech-note');
      return { disabled: read.getAttribute('aria-disabled'), text: read.innerText.trim(), note: note.checkVisibility() ? note.textContent : null };
    });
    assert.deepEqual(state, { disabled: 'true', text: '朗读', note: '本浏览器无中文语音' });
    const live = await s.run(() => view().getElementById('yl-tb-live').textContent.replace(/\u00a0/g, '').trim());
    assert.equal(live, '本浏览器无中文语音，无法朗读');
    assert.equal(await s.run(() => speechSynthesis.speaking || speechSynthesis.pending), false, 'nothing is being said');
  });

  engineTest('a long table keeps its header rows under the bar while its rows scroll by', {}, async (s) => {
    await openWithPackage(s);
    await s.run((html) => {
      window.viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseHtml(html), { mode: 'elderly' });
    }, TABLES_HTML);
    await s.until(() => Boolean(view().querySelector('.yl-head-sticks')));
    // The bar's height, which the header rows stick below, is written in a
    // task after the first frame: wait for it (under load it may come late).
    await s.until(() => getComputedStyle(view().querySelector('.yl-view')).getPropertyValue('--yl-bar-h').trim() !== '0px');
    const placed = await s.run(async () => {
      const region = view().querySelector('.yl-head-sticks');
      const rows = region.querySelectorAll('tbody tr');
      rows[Math.floor(rows.length / 2)].scrollIntoView({ block: 'center' });
      await frames();
      const head = region.querySelector('thead').getBoundingClientRect();
      const bar = view().querySelector('.yl-toolbar').getBoundingClientRect();
      const table = region.querySelector('table').getBoundingClientRect();
      return { tableAbove: table.top < bar.bottom, gap: Math.round(head.top - bar.bottom) };
    });
    assert.deepEqual(placed, { tableAbove: true, gap: 0 }, 'the header sits right under the bar while the table starts above it');
    await s.shot('table-sticky-head');
  });

  engineTest('under a page header fixed at the top (its scroll-padding-top), the toolbar sticks below it', {}, async (s) => {
    await openWithPackage(s);
    const bar = await s.run(async (text) => {
      const header = document.createElement('header');
      header.textContent = '某某市人民政府';
      header.style.cssText = 'position: fixed; top: 0; left: 0; right: 0; height: 64px; background: #036; color: #fff; z-index: 10;';
      document.body.prepend(header);
      document.documentElement.style.scrollPaddingTop = '64px';
      window.viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseText(text), { mode: 'elderly' });
      await frames();
      await sleep(0);
      scrollTo(0, 3000);
      await frames();
      return Math.round(view().querySelector('.yl-toolbar').getBoundingClientRect().top);
    }, REFERENCE_TEXT);
    assert.equal(bar, 64);
  });

  engineTest('an article\'s number leads the first line of its text, as print sets it', { width: 390, height: 844 }, async (s) => {
    await openWithPackage(s);
    const layout = await s.run(async (text) => {
      window.viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseText(text), { mode: 'elderly' });
      await frames();
      const heading = view().querySelector('.yl-leads > h3');
      const range = document.createRange();
      range.selectNodeContents(heading.nextElementSibling);
      const lines = [...range.getClientRects()];
      const number = heading.querySelector('.yl-marker').getBoundingClientRect();
      return {
        // Centres: Firefox gives the bold number's glyphs a box of another
        // height than the text's.
        sameLine: Math.abs(number.top + number.bottom - lines[0].top - lines[0].bottom) < 4,
        numberFirst: number.right <= lines[0].left + 1,
        wrapsUnder: lines.some((r) => r.left < number.left - 1),
      };
    }, '关于印发某某办法的通知\n\n第一章　总则\n第一条　为了规范政务云平台的管理，确保资源的合理分配和安全使用，根据有关规定，制定本办法。\n第二条　本办法适用于本市。\n');
    assert.deepEqual(layout, { sameLine: true, numberFirst: true, wrapsUnder: true });
    await s.shot('article-number-leads');
  });

  engineTest('<yilan-reader> shows the document its src names, and another when src changes', {}, async (s) => {
    await s.open('/tests/browser/pages/blank.html');
    await s.run(async () => {
      await import('/yilan/pkg/element.js');
      const reader = document.createElement('yilan-reader');
      reader.setAttribute('mode', 'elderly');
      reader.src = '/tests/fixtures/text/00-linhai-shangpan-full.txt';
      document.querySelector('#view').append(reader);
    });
    assert.equal(await s.until(() => view()?.querySelector('h1')?.textContent), TITLE);
    await s.run(() => {
      document.querySelector('yilan-reader').src = '/tests/fixtures/html/02-govcn-zhengce-xiaofang-haopai-fujian.html';
    });
    const other = JSON.parse(readFileSync(join(root, 'tests', 'expected', 'html', '02-govcn-zhengce-xiaofang-haopai-fujian.json'), 'utf8')).title;
    assert.equal(await s.until((title) => view()?.querySelector('h1')?.textContent !== title && view()?.querySelector('h1')?.textContent, TITLE), other);
  });

  engineTest('hostile input: no script of it runs, in parseHtml, renderHtml or the mounted view', {}, async (s) => {
    await openWithPackage(s);
    const vectors = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'security', 'xss-vectors.json'), 'utf8'));
    const ran = await s.run(async (vectors) => {
      window.xssRan = [];
      window.alert = window.confirm = window.prompt = window.print = (what) => window.xssRan.push(String(what));
      // The traps work: a handler put in the page itself is caught.
      const witness = document.createElement('div');
      witness.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" onload="alert(\'witness\')">';
      document.body.append(witness);
      await new Promise((done) => setTimeout(done, 100));
      const caught = window.xssRan.splice(0);
      witness.remove();
      const list = Array.isArray(vectors) ? vectors : vectors.vectors;
      for (const vector of list) {
        const input = typeof vector === 'string' ? vector : vector.input ?? vector.payload ?? vector.html;
        const doc = window.yilan.parseHtml(`<html><head><title>${input}</title></head><body><div id="zoom"><p>一、${input}</p><p>${input}</p></div></body></html>`);
        const box = document.createElement('div');
        box.innerHTML = window.yilan.renderHtml(doc);
        document.body.append(box);
        const mounted = document.createElement('div');
        document.body.append(mounted);
        window.yilan.mount(mounted, window.yilan.parseText(`${input}\n一、${input}\n${input}`), { mode: 'elderly' });
      }
      await new Promise((done) => setTimeout(done, 300));
      return { caught, count: list.length, ran: window.xssRan };
    }, vectors);
    assert.deepEqual(ran.caught, ['witness'], 'the traps catch a script that runs');
    assert.ok(ran.count > 10, `the vectors were read (${ran.count})`);
    assert.deepEqual(ran.ran, []);
  });
});
