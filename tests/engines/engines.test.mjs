// The package in Firefox and WebKit (and, as the control, Chromium), with
// real pointer and key input: the tests of tests/browser/ run in Chromium
// alone, while readers come with Safari (iPhones, WeChat on iOS) and
// Firefox too. What differs between engines is what these cover: the
// browser's own HTML parser under parseHtml, the live page's DOM under the
// embed, focus and keys in a shadow root, `inert`, sticky positioning and
// scroll anchoring (WebKit has none: the viewer keeps the reader's place
// itself), the CSS custom highlight of the sentence read, what a browser
// without a Chinese voice says, and axe on all of it.

//
// Here: parsing, the portal, the toolbar, focus, places, axe. Speech,
// tables, the element and hostile input: engines-reading.test.mjs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { HTML_PAGES } from '../browser/html-pages.mjs';
import { forEachEngine } from './harness.mjs';
import { axeFindings, enterPortal, focused, openWithPackage, ring, scrollsEnded, TITLE, viewState } from './support.mjs';

forEachEngine((engineTest) => {
  engineTest('parseHtml gives the reviewed document of every HTML page', {}, async (s) => {
    await openWithPackage(s);
    for (const { slug, file, base, expected } of HTML_PAGES) {
      const parsed = await s.run((html, baseUrl) => JSON.parse(JSON.stringify(window.yilan.parseHtml(html, { baseUrl }))), readFileSync(file, 'utf8'), base);
      assert.deepEqual(parsed, JSON.parse(readFileSync(expected, 'utf8')), slug);
    }
  });

  engineTest('the demo portal: 进入老年模式 covers the page with the view; 退出老年模式 gives the page back as it was', {}, async (s) => {
    await s.open('/');
    const scroll = await s.run(() => {
      document.querySelector('#enter-elderly').scrollIntoView({ block: 'center' });
      window.savedBody = document.body.cloneNode(true);
      return Math.round(scrollY);
    });
    await s.clickOn('#enter-elderly');
    await s.until(() => view()?.querySelector('h1') && !document.querySelector('yilan-embed-view[inert]'));
    const inMode = await s.run(() => {
      const host = document.querySelector('yilan-embed-view');
      const rect = host.getBoundingClientRect();
      const others = [...document.body.children].filter((element) => element !== host && !element.matches('script, yilan-embed'));
      return {
        title: view().querySelector('h1').textContent,
        covers: [rect.left, rect.top, rect.right, rect.bottom].map(Math.round).join(' ') === `0 0 ${innerWidth} ${innerHeight}`,
        pageInert: others.length > 0 && others.every((element) => element.inert),
        mode: view().querySelector('.yl-view').dataset.mode,
      };
    });
    assert.deepEqual(inMode, { title: TITLE, covers: true, pageInert: true, mode: 'elderly' });
    assert.equal(await focused(s), 'larger', 'the focus is on the toolbar, on 放大');
    await s.shot('portal-elderly');

    await s.clickOn('[data-yl-tool="mode"]');
    await s.until(() => !document.querySelector('yilan-embed-view:not([inert])'));
    const after = await s.run(() => {
      const body = document.body.cloneNode(true);
      for (const element of body.querySelectorAll('yilan-embed-view[inert]')) element.remove();
      return {
        same: body.isEqualNode(window.savedBody),
        inert: [...document.querySelectorAll('[inert]')].filter((element) => element.localName !== 'yilan-embed-view').length,
        scroll: Math.round(scrollY),
        focus: document.activeElement?.id,
      };
    });
    assert.deepEqual(after, { same: true, inert: 0, scroll, focus: 'enter-elderly' });
  });

  engineTest('the toolbar by keyboard: 放大 enlarges the text, arrows move, 配色 chooses 黑底黄字, Escape returns, Tab leaves', {}, async (s) => {
    await enterPortal(s);
    assert.equal(await focused(s), 'larger');
    const fontSize = () => s.run(() => parseFloat(getComputedStyle(view().querySelector('.yl-body p')).fontSize));
    const before = await fontSize();
    await s.press('Enter');
    assert.equal((await viewState(s)).scale, '1.25');
    assert.equal(await fontSize(), before * 1.25, 'the text is 1.25 times as large');
    await s.press('ArrowRight');
    assert.equal(await focused(s), 'theme');
    // Moved by keys (after a click entered the mode), the focus shows.
    assert.deepEqual(await ring(s), { style: 'solid', wide: true }, 'the focused tool has a visible ring');
    await s.press('Enter');
    assert.equal(await focused(s), 'auto', 'the panel opens on the current choice');
    assert.deepEqual(await ring(s), { style: 'solid', wide: true }, 'the choice focused has a visible ring');
    await s.press('Tab');
    await s.press('Tab');
    assert.equal(await focused(s), 'yellow-on-black');
    await s.press('Space');
    assert.equal((await viewState(s)).theme, 'yellow-on-black');
    // (The colours change in a short transition.)
    const colours = await s.until(() => {
      const background = getComputedStyle(view().querySelector('.yl-view')).backgroundColor;
      const text = getComputedStyle(view().querySelector('.yl-body p')).color;
      return background === 'rgb(0, 0, 0)' && text === 'rgb(255, 255, 0)' && { background, text };
    });
    assert.deepEqual(colours, { background: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 0)' });
    await s.press('Escape');
    assert.equal(await focused(s), 'theme', 'Escape returns to 配色');
    assert.deepEqual(await ring(s), { style: 'solid', wide: true }, '配色 focused again has a visible ring');
    assert.equal(await s.run(() => view().getElementById('yl-tb-theme').hidden), true, 'and the panel is closed');
    await s.press('Tab');
    const left = await focused(s);
    assert.ok(left && !['smaller', 'larger', 'theme', 'read', 'point', 'rate', 'guide', 'cursor', 'outline', 'print', 'mode'].includes(left), `Tab left the toolbar for what follows it (${left})`);
    await s.press('Shift+Tab');
    assert.equal(await focused(s), 'theme', 'Shift+Tab comes back to the same tool');
    await s.shot('keyboard-yellow-on-black');
  });

  engineTest('the focus ring follows how the reader works: none after a click, shown after keys; a new view forgets the keys; in and out by keys, always shown', {}, async (s) => {
    await enterPortal(s);
    assert.equal(await focused(s), 'larger');
    assert.equal((await ring(s)).style, 'none', 'entered by a click: no ring');
    // Leave by keys, come back by the pointer.
    await s.press('End');
    assert.equal((await ring(s)).style, 'solid', 'moved by a key: a ring');
    await s.press('Enter');
    await s.until(() => !document.querySelector('yilan-embed-view:not([inert])'));
    // The view's own focus calls from here on, with the ring they ask for.
    await s.run(() => {
      window.focusCalls = [];
      const original = HTMLElement.prototype.focus;
      HTMLElement.prototype.focus = function (options) {
        if (this.getRootNode() !== document) window.focusCalls.push(options?.focusVisible ?? null);
        return original.call(this, options);
      };
    });
    await s.clickOn('#enter-elderly');
    await s.until(() => view()?.querySelector('h1') && !document.querySelector('yilan-embed-view[inert]'));
    assert.equal(await focused(s), 'larger');
    const calls = await s.run(() => window.focusCalls);
    assert.ok(calls.length > 0 && !calls.includes(true), `entered by a click again, the view asks for no ring (${JSON.stringify(calls)})`);

    // By keys all the way: out with Enter on 退出老年模式, the toggle shows
    // its ring; in again with Enter on it, so does 放大.
    await s.press('End');
    await s.press('Enter');
    await s.until(() => !document.querySelector('yilan-embed-view:not([inert])'));
    assert.deepEqual(
      await s.run(() => [document.activeElement.id, document.activeElement.matches(':focus-visible')]),
      ['enter-elderly', true],
      'left by a key: the toggle has the focus, with its ring',
    );
    await s.press('Enter');
    await s.until(() => view()?.querySelector('h1') && !document.querySelector('yilan-embed-view[inert]'));
    assert.equal(await focused(s), 'larger');
    assert.equal((await ring(s)).style, 'solid', 'entered by a key: 放大 has its ring');
  });

  engineTest('目录 by keyboard: a section chosen gets the focus, its heading at the top of the view below the bar', {}, async (s) => {
    await enterPortal(s);
    await s.press('End');
    await s.press('ArrowLeft');
    await s.press('ArrowLeft');
    assert.equal(await focused(s), 'outline');
    await s.press('Enter');
    const entries = await s.run(() => [...view().querySelectorAll('[data-yl-target]')].map((entry) => [entry.dataset.ylTarget, entry.textContent]));
    assert.deepEqual(entries[0], ['yl-s1-h', '一、2023年工作总结']);
    const second = entries.findIndex(([, text]) => text.startsWith('二、'));
    assert.ok(second > 0, 'the second part is listed');
    for (let i = 0; i < second; i += 1) await s.press('Tab');
    await s.press('Enter');
    assert.equal(await focused(s), entries[second][0]);
    // (A smooth scroll may start a moment late on a busy machine: first
    // the heading on its way, then the scroll at rest.)
    await s.until((id) => view().getElementById(id).getBoundingClientRect().top < 600, entries[second][0]);
    await scrollsEnded(s);
    const place = await s.run((id) => {
      const heading = view().getElementById(id);
      return {
        top: heading.getBoundingClientRect().top,
        bar: view().querySelector('.yl-toolbar').getBoundingClientRect().bottom,
        panelHidden: view().getElementById('yl-tb-outline').hidden,
        margin: getComputedStyle(heading).scrollMarginTop,
        barHeight: getComputedStyle(heading).getPropertyValue('--yl-bar-h'),
      };
    }, entries[second][0]);
    assert.equal(place.panelHidden, true, 'the panel closed');
    assert.ok(
      place.top >= place.bar && place.top < place.bar + 60,
      `the heading (top ${place.top}) is just below the bar (bottom ${place.bar}; scroll margin ${place.margin}, --yl-bar-h ${place.barHeight})`,
    );
  });

  engineTest('放大 and 缩小 keep the block being read where it was on the screen', {}, async (s) => {
    await enterPortal(s);
    // The block at the top of the view (the first whose box reaches below
    // the bar), or the block `id`: its top, below the bar.
    const topOfView = (id) =>
      s.run((id) => {
        const host = document.querySelector('yilan-embed-view');
        const areaTop = Math.max(host.getBoundingClientRect().top, view().querySelector('.yl-toolbar').getBoundingClientRect().bottom);
        const blocks = [...view().querySelectorAll('[id^="yl-"]')].filter((element) => !element.id.startsWith('yl-tb'));
        const leaves = blocks.filter((element, i) => !(blocks[i + 1] && element.contains(blocks[i + 1])));
        const block = id
          ? view().getElementById(id)
          : leaves.find((element) => {
              const rect = element.getBoundingClientRect();
              return rect.height > 0 && rect.bottom > areaTop;
            });
        const rect = block.getBoundingClientRect();
        return { id: block.id, top: rect.top - areaTop, height: rect.height, scroll: host.scrollTop };
      }, id);
    await s.run(() => view().getElementById('yl-p2-3-1').scrollIntoView({ block: 'start' }));
    await s.run(() => frames());
    const before = await topOfView();
    assert.match(before.id, /^yl-(p2-3-1|s2-3-h)$/, 'the paragraph scrolled to, or its run-in heading, is at the top');
    assert.ok(before.scroll > 500, `the view is scrolled to the middle (${before.scroll})`);
    // The point of the block at the top of the view: its top edge or, for a
    // block the bar cuts, the same share of its height.
    const share = Math.max(0, -before.top) / before.height;
    const was = before.top + share * before.height;
    for (const [what, tool] of [
      ['放大', 'larger'],
      ['放大 again', 'larger'],
      ['缩小', 'smaller'],
    ]) {
      await s.clickOn(`[data-yl-tool="${tool}"]`);
      await s.run(() => frames());
      const after = await topOfView(before.id);
      const now = after.top + share * after.height;
      assert.ok(Math.abs(now - was) <= 2, `${what}: ${before.id} was ${was.toFixed(1)} px below the bar, now ${now.toFixed(1)}`);
    }
    assert.equal((await viewState(s)).scale, '1.25');
  });

  engineTest('on a phone the bar is 更多工具 and 退出老年模式; 更多工具 shows the rest', { width: 390, height: 844 }, async (s) => {
    await enterPortal(s);
    const shown = () =>
      s.run(() => [...view().querySelectorAll('[role="toolbar"] [data-yl-tool]')].filter((tool) => tool.getClientRects().length > 0).map((tool) => tool.dataset.ylTool));
    assert.deepEqual(await shown(), ['more', 'mode']);
    await s.shot('phone-folded');
    await s.clickOn('[data-yl-tool="more"]');
    assert.deepEqual(await shown(), ['more', 'smaller', 'larger', 'theme', 'read', 'point', 'rate', 'guide', 'cursor', 'outline', 'print', 'mode']);
    assert.equal(await s.run(() => view().querySelector('[data-yl-tool="more"]').getAttribute('aria-expanded')), 'true');
    await s.shot('phone-unfolded');
  });

  engineTest('on a page whose root is transformed, the floating button is in the window\'s corner (in the top layer)', {}, async (s) => {
    // The embed added by a script of the page's (a CMS snippet), to a page
    // with no toggle of its own that scales itself to fit.
    await s.open('/tests/browser/pages/blank.html');
    await s.run(() => {
      document.documentElement.style.cssText = 'transform: scale(0.8); transform-origin: 0 0';
      document.body.insertAdjacentHTML('beforeend', '<h1>关于上盘镇的通知</h1>' + '<p>正文段落。</p>'.repeat(300));
      window.scrollTo(0, 1000);
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/yilan/pkg/embed.js';
      document.head.append(script);
    });
    await s.until(() => Boolean(document.querySelector('yilan-embed')?.shadowRoot.querySelector('button:not([hidden])')));
    const button = await s.run(async () => {
      await frames();
      const host = document.querySelector('yilan-embed');
      const box = host.shadowRoot.querySelector('button').getBoundingClientRect();
      const { clientWidth, clientHeight } = document.documentElement;
      return { lifted: host.matches(':popover-open'), right: Math.round(clientWidth - box.right), bottom: Math.round(clientHeight - box.bottom), height: Math.round(box.height) };
    });
    if (s.engine === 'webkit') {
      // WebKit 2.50 lays a top layer element under a transformed root out
      // at the page's bottom; the embed sees it and leaves the button in
      // the document, where it was before (documented).
      assert.equal(button.lifted, false);
    } else {
      assert.deepEqual(button, { lifted: true, right: 16, bottom: 16, height: 48 });
    }
  });

  engineTest('a page scaled down with `zoom` on <body> or <html>, or with a `transform` on <html>: the view covers the window, its tools at their own size', {}, async (s) => {
    for (const [element, property, value] of [
      ['body', 'zoom', '0.64'],
      ['documentElement', 'zoom', '0.64'],
      // A transformed root holds every fixed element (set aside in the mode).
      ['documentElement', 'transform', 'scale(0.8)'],
    ]) {
      await s.open('/');
      await s.run((name, property, value) => {
        document[name].style[property] = value;
        document[name].style.transformOrigin = '0 0';
        window.scrollTo(0, 400);
      }, element, property, value);
      // (Clicked in the page: WebKit places a zoomed element's box in its
      // own coordinates, where a click by the driver would miss it.)
      await s.run(() => document.querySelector('#enter-elderly').click());
      await s.until(() => view()?.querySelector('h1') && !document.querySelector('yilan-embed-view[inert]'));
      const measure = () => {
        const rect = document.querySelector('yilan-embed-view:not([inert])').getBoundingClientRect();
        return {
          covers: [rect.left, rect.top, rect.right, rect.bottom].map(Math.round).join(' ') === `0 0 ${innerWidth} ${innerHeight}`,
          tool: Math.round(view().querySelector('[data-yl-tool="larger"]').getBoundingClientRect().height),
        };
      };
      const shown = await s.run(measure);
      assert.deepEqual(shown, { covers: true, tool: 60 }, `${property} on ${element}`);
      // Printed and back on screen, it is the same.
      await s.run(async () => {
        window.dispatchEvent(new Event('beforeprint'));
        await frames();
        window.dispatchEvent(new Event('afterprint'));
        await frames();
      });
      assert.deepEqual(await s.run(measure), shown, `${property} on ${element}, after printing`);
      await s.clickOn('[data-yl-tool="mode"]');
      await s.until(() => !document.querySelector('yilan-embed-view:not([inert])'));
    }
  });

  engineTest('a returning reader finds the page in the mode, in the theme chosen before', {}, async (s) => {
    await s.open('/');
    await s.run(() => localStorage.setItem('yilan:prefs:v1', JSON.stringify({ mode: 'elderly', theme: 'yellow-on-black', scale: 1.5 })));
    await s.open('/');
    await s.until(() => view()?.querySelector('h1') && !document.querySelector('yilan-embed-view[inert]'));
    assert.deepEqual(await viewState(s), { mode: 'elderly', theme: 'yellow-on-black', scale: '1.5' });
  });

  engineTest('axe finds nothing on the view in the standard colours and in 黑底黄字 at 2×', {}, async (s) => {
    await enterPortal(s);
    const check = async (what) => {
      const findings = await axeFindings(s, ['yilan-embed-view']);
      assert.deepEqual(findings, { violations: [], undecided: [], contrastPassed: true }, what);
    };
    await check('standard colours at 1×');
    await s.clickOn('[data-yl-tool="theme"]');
    assert.equal(await focused(s), 'auto', 'the panel opened on the current choice');
    assert.equal((await ring(s)).style, 'none', 'opened by the pointer, it shows no focus ring');
    await s.clickOn('[data-yl-theme="yellow-on-black"]');
    await s.clickOn('[data-yl-tool="theme"]');
    for (let i = 0; i < 4; i += 1) await s.clickOn('[data-yl-tool="larger"]');
    assert.deepEqual(await viewState(s), { mode: 'elderly', theme: 'yellow-on-black', scale: '2' });
    await s.run(() => view().querySelector('.yl-toolbar').parentElement.scrollIntoView());
    await check('黑底黄字 at 2×');
  });
});
