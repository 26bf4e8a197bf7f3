// A consumer of the package as a TypeScript user writes one: it imports the
// package by name (through package.json "exports", as from node_modules) and
// uses every exported name, values and types. `tsc --noEmit -p
// tests/consumer` must accept it (tests/browser/package.test.mjs); it is
// never run. A test also checks that every name the .d.ts files export
// appears here.

import init, {
  encodeDom,
  mount,
  parseDom,
  parseEncoded,
  parseHtml,
  parseJson,
  parseText,
  preferences,
  renderHtml,
  speechPlan,
  stylesheet,
  themes,
  Viewer,
} from 'yilan';
import type {
  Action,
  Addressee,
  Attachment,
  Attachments,
  Block,
  CellImage,
  ChunkKind,
  Contents,
  ContentsEntry,
  Crumb,
  Diagnostic,
  DiagnosticCode,
  Document,
  DocumentInput,
  ErrorCode,
  HtmlOptions,
  Image,
  InitSource,
  Inline,
  Inlines,
  List,
  ListItem,
  Locale,
  MetaField,
  MetaKey,
  Mode,
  MountOptions,
  Note,
  Paragraph,
  PreferenceStorage,
  Preferences,
  RenderOptions,
  Section,
  SetOptions,
  Signature,
  SpeechChunk,
  SpeechEventChunk,
  SpeechHook,
  SpeechOptions,
  Table,
  TableCell,
  TableRow,
  Theme,
  ViewerEventMap,
  YilanError,
} from 'yilan';
import { TAG, YilanReaderElement } from 'yilan/element';
import type { YilanReaderEventMap } from 'yilan/element';
import 'yilan/embed';

const source: InitSource = new URL('https://example.invalid/yilan_bg.wasm');
await init(source);
await init();

// Parsing: every front end gives a whole Document.
const fromText: Document = parseText('关于印发《某某办法》的通知\n一、总则\n正文。');
const htmlOptions: HtmlOptions = { baseUrl: 'https://example.invalid/art/1.html' };
const fromHtml: Document = parseHtml('<html><body><h1>标题</h1></body></html>', htmlOptions);
const fromJson: Document = parseJson('{"version":1}');
const fromObject: Document = parseJson({ version: 1 });
const fromPage: Document = parseDom(document, htmlOptions);
const encoded: string = encodeDom(document.body);
const fromEncoded: Document = parseEncoded(encoded, htmlOptions);
const titles: (string | null)[] = [fromText.title, fromHtml.title, fromJson.title, fromObject.title, fromPage.title, fromEncoded.title];

// A hand-written model uses every block type, and DocumentInput needs only `version`.
const inline: Inline = { text: '链接', href: '/a', strong: true, em: false };
const inlines: Inlines = [inline];
const paragraph: Paragraph = { type: 'paragraph', text: '链接', inlines };
const listItem: ListItem = { marker: '一是', lead: '强化。', text: '内容', inlines: [] };
const list: List = { type: 'list', ordered: true, items: [listItem] };
const photo: CellImage = { src: 'zhang.jpg', alt: '张三照片' };
const cell: TableCell = { text: '合计', header: true, colspan: 2, rowspan: 1, images: [photo] };
const row: TableRow = { header: true, cells: [cell] };
const table: Table = { type: 'table', caption: '表1', rows: [row] };
const attachment: Attachment = { marker: '1.', name: '附件一.pdf', href: 'a.pdf', fileType: 'pdf' };
const attachments: Attachments = { type: 'attachments', label: '附件', items: [attachment] };
const signature: Signature = { type: 'signature', organisations: ['某某市人民政府'], date: '2023年12月1日' };
const addressee: Addressee = { type: 'addressee', text: '各县（市、区）人民政府：' };
const note: Note = { type: 'note', text: '（此件公开发布）' };
const entry: ContentsEntry = { level: 1, marker: '第一章', text: '总则', page: '1' };
const contents: Contents = { type: 'contents', label: '目录', entries: [entry] };
const image: Image = { type: 'image', src: 'a.png', alt: '' };
const section: Section = {
  type: 'section',
  level: 1,
  marker: '一、',
  heading: '总则',
  runIn: false,
  blocks: [paragraph, list, table, attachments, signature, addressee, note, contents, image],
};
const body: Block[] = [section];
const crumb: Crumb = { label: '首页', href: null };
const metaKey: MetaKey = 'indexNo';
const meta: MetaField = { key: metaKey, label: '索引号', value: '001' };
const action: Action = 'print';
const diagnosticCode: DiagnosticCode = 'noTitle';
const diagnostic: Diagnostic = { code: diagnosticCode, message: '没有标题', line: 1 };
const input: DocumentInput = {
  version: 1,
  lang: 'zh-CN',
  title: null,
  breadcrumb: [crumb],
  meta: [meta],
  body,
  actions: [action],
  diagnostics: [diagnostic],
};
const minimal: DocumentInput = { version: 1 };

// A switch over the block union narrows by `type`.
function words(block: Block): number {
  switch (block.type) {
    case 'section':
      return block.heading.length + block.blocks.reduce((n, b) => n + words(b), 0);
    case 'paragraph':
    case 'addressee':
    case 'note':
      return block.text.length;
    case 'list':
      return block.items.length;
    case 'table':
      return block.rows.length;
    case 'attachments':
      return block.items.length;
    case 'signature':
      return block.organisations.length;
    case 'contents':
      return block.entries.length;
    case 'image':
      return (block.alt ?? '').length;
  }
}

// Rendering and speech.
const mode: Mode = 'elderly';
const locale: Locale = 'zh-TW';
const renderOptions: RenderOptions = { mode, theme: 'yellow-on-black', scale: 1.5, locale };
const html: string = renderHtml(input, renderOptions) + renderHtml(minimal, { idPrefix: 'second-' });
const speechOptions: SpeechOptions = { includeTitle: true, maxChars: 40, from: null, idPrefix: 'yl-' };
const chunks: SpeechChunk[] = speechPlan(fromText, speechOptions);
const kinds: ChunkKind[] = chunks.map((chunk) => chunk.kind);
const css: string = stylesheet();
const dark: Theme[] = themes().filter((theme) => theme.dark);

// Mounting, the viewer and its events.
const storage: PreferenceStorage = sessionStorage;
const hook: SpeechHook = {
  speak: (chunk: SpeechEventChunk) => fetch(`/tts?text=${encodeURIComponent(chunk.text)}&rate=${chunk.rate}`),
  cancel: () => undefined,
};
const mountOptions: MountOptions = { mode, locale: 'en', storage, announce: true, speech: hook, voice: 'Microsoft Xiaoxiao' };
const viewer: Viewer = mount(document.body, fromText, mountOptions);
const modeListener = (event: ViewerEventMap['modechange']): Mode => event.detail;
viewer.addEventListener('modechange', (event) => modeListener(event));
viewer.addEventListener('scalechange', (event) => console.log(event.detail.toFixed(2)));
viewer.addEventListener('action', (event) => {
  if (event.detail === 'print') {
    event.preventDefault();
  }
});
viewer.setMode('standard');
const asPage: SetOptions = { store: false };
viewer.setTheme('auto', asPage);
viewer.setScale(viewer.scale + 0.25);
viewer.focus();
viewer.addEventListener('chunkstart', (event) => console.log(event.detail.id, event.detail.kind, event.detail.index));
viewer.addEventListener('speechend', (event) => console.log(event.detail.reason));
viewer.addEventListener('speecherror', (event) => console.log(event.detail.message));
viewer.setSpeechRate(0.8);
const voiceNames: string[] = viewer.voices().filter((v) => v.local && v.lang.startsWith('zh')).map((v) => v.name);
viewer.setVoice(voiceNames[0] ?? null);
const chosenVoice: string | null = viewer.voice;
viewer.speak({ from: 'yl-s2' });
viewer.pause();
viewer.resume();
viewer.stop();
const speaking: 'idle' | 'speaking' | 'paused' = viewer.speechState;
const rate: number = viewer.speechRate;
const stored: Preferences = preferences({ storage: null });
const state: [Mode, string, number, boolean] = [viewer.mode, viewer.theme, viewer.scale, stored.guide];
viewer.destroy();
viewer.free();

// Errors: a YilanError has a code.
try {
  parseJson('{');
} catch (error) {
  const e = error as YilanError;
  const code: ErrorCode = e.code;
  console.log(code, e.path ?? '', e.message);
}

// The custom element.
const reader = document.createElement(TAG);
const typed: YilanReaderElement = reader;
const fromQuery: YilanReaderElement | null = document.querySelector('yilan-reader');
reader.src = '/docs/notice.json';
reader.mode = 'elderly';
reader.theme = 'cream';
reader.scale = 1.5;
reader.locale = 'en';
reader.model = input;
reader.addEventListener('load', (event) => console.log(event.detail.version));
reader.addEventListener('error', (event) => console.log(event.detail.message));
reader.addEventListener('themechange', (event) => console.log(event.detail.toUpperCase()));
const onLoad = (event: YilanReaderEventMap['load']): void => console.log(event.detail);
reader.addEventListener('load', onLoad);
const readerState: [Mode | null, string | null, number | null, Viewer | null] = [
  reader.mode,
  reader.theme,
  reader.scale,
  reader.viewer,
];
document.body.append(reader);

console.log(titles, words(section), html, kinds, css, dark, state, typed, fromQuery, readerState, speaking, rate, chosenVoice);
