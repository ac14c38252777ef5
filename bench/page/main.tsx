/**
 * The bench page: Paste's provider mounted once (as Flex mounts it for the whole desktop), and one
 * slot the node side fills and empties through `window.__bench`.
 */
import { liveHandles, timeoutClock, untracked } from './instrument'; // first: it must see every listener and timer
import React, { useState } from 'react';
import ReactDOM from 'react-dom';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { KEYSTROKE_CASES, RENDER_CASES, type Rendered } from './cases';

type Variant = 'tab' | 'baseline';

let setContent: (content: React.ReactElement | null) => void = () => undefined;
const SLOT_ID = 'bench-slot';

function Slot(): JSX.Element {
  const [content, set] = useState<React.ReactElement | null>(null);
  setContent = set;
  // The size of a task canvas tab panel.
  return <div id={SLOT_ID} style={{ width: 480, height: 800, overflow: 'hidden' }}>{content}</div>;
}

const slot = () => document.getElementById(SLOT_ID) as HTMLElement;
const WAIT_LIMIT_MS = 10_000;

/** Resolves (with the time) as soon as `condition` holds for the slot's DOM; rejects after WAIT_LIMIT_MS. */
function whenSlot(condition: (root: Element) => boolean): Promise<number> {
  if (condition(slot())) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!condition(slot())) return;
      observer.disconnect();
      untrackedClear();
      resolve(performance.now());
    });
    const timer = untracked.setTimeout(() => {
      observer.disconnect();
      reject(new Error('bench: content never appeared'));
    }, WAIT_LIMIT_MS);
    const untrackedClear = () => clearTimeout(timer);
    observer.observe(slot(), { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

const rendered = new Map<string, Rendered>();
function renderedCase(id: string): Rendered {
  let cached = rendered.get(id);
  if (!cached) {
    const found = [...RENDER_CASES, ...KEYSTROKE_CASES].find((candidate) => candidate.id === id);
    if (!found?.render) throw new Error(`no render for case ${id}`);
    cached = found.render(); // parsing happens here, outside any timing
    rendered.set(id, cached);
  }
  return cached;
}

const nextFrame = () => new Promise<number>((resolve) => untracked.requestAnimationFrame(resolve));

/** Resolves once the current frame has been rendered and painted (a task queued from rAF runs after it). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(performance.now());
    };
    channel.port2.postMessage(null);
  });
}

function mount(content: React.ReactElement | null): void {
  ReactDOM.flushSync(() => setContent(content));
}

/**
 * Mounts one case at the start of a frame: commit (React), then layout (forced, still inside the frame),
 * then painted (the frame done). Starting in rAF means no wait for vsync is counted. Content that
 * arrives later (the transcript, loaded by an effect) is timed to the frame that paints it, waiting for
 * that frame included: that is when the agent sees it.
 */
async function measure(id: string, variant: Variant): Promise<Timing> {
  const found = renderedCase(id);
  const content = found[variant];
  await nextFrame();
  const timing = await new Promise<Timing>((resolve, reject) => {
    untracked.requestAnimationFrame(() => {
      const start = performance.now();
      mount(content);
      const committed = performance.now();
      void document.body.offsetHeight; // style and layout now, as the frame would
      const laidOut = performance.now();
      const ready = found.ready;
      if (!ready || ready(slot())) {
        void afterPaint().then((painted) => resolve({ commitMs: committed - start, layoutMs: laidOut - start, paintedMs: painted - start }));
        return;
      }
      whenSlot(ready)
        .then((arrived) => {
          void document.body.offsetHeight;
          const arrivedLaidOut = performance.now();
          return nextFrame().then(() => afterPaint().then((painted) => resolve({ commitMs: arrived - start, layoutMs: arrivedLaidOut - start, paintedMs: painted - start })));
        })
        .catch(reject);
    });
  });
  mount(null);
  await nextFrame();
  return timing;
}

interface Timing {
  commitMs: number;
  layoutMs: number;
  paintedMs: number;
}

/** Types `text` into the element's value as a user would: the native setter, then an input event. */
function typeInto(input: HTMLInputElement, text: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const waitMs = (ms: number) => new Promise<void>((resolve) => untracked.setTimeout(resolve, ms));
const marks = (root: Element) => root.querySelectorAll('[role="log"] mark').length;

interface KeystrokeRound {
  /** Per keystroke: input event (dispatched at a frame's start) to that frame painted. */
  keystrokes: Array<{ handledMs: number; paintedMs: number }>;
  /** The debounced search (tab only): timer fired to highlights committed, and to their frame painted. */
  update: { committedMs: number; paintedMs: number; searchOnlyMs: number; matches: number } | null;
}

/**
 * One round of typing `word` into the case's search box, one letter per frame (faster than anyone
 * types, so the debounce fires once, after the last letter), then clearing it. The tab's debounced
 * highlight update is timed from the moment its timer fires; the baseline has none.
 */
async function typeWord(id: string, variant: Variant, word: string): Promise<KeystrokeRound> {
  const found = renderedCase(id);
  if (!found.searchInput || !found.searchOnlyMs) throw new Error(`case ${id} has no search input`);
  mount(found[variant]);
  if (found.ready) await whenSlot(found.ready);
  await nextFrame();
  await nextFrame();
  const input = found.searchInput(slot());
  if (!input) throw new Error(`case ${id} (${variant}): no search input`);
  const keystrokes: KeystrokeRound['keystrokes'] = [];
  for (let length = 1; length <= word.length; length += 1) {
    keystrokes.push(
      await new Promise((resolve) => {
        untracked.requestAnimationFrame(() => {
          const start = performance.now();
          typeInto(input, word.slice(0, length));
          const handled = performance.now();
          void afterPaint().then((painted) => resolve({ handledMs: handled - start, paintedMs: painted - start }));
        });
      }),
    );
  }
  let update: KeystrokeRound['update'] = null;
  if (variant === 'tab') {
    const committed = await whenSlot((root) => marks(root) > 0);
    const fired = timeoutClock.lastFiredAt;
    await nextFrame();
    const painted = await afterPaint();
    update = { committedMs: committed - fired, paintedMs: painted - fired, searchOnlyMs: found.searchOnlyMs(word), matches: marks(slot()) };
  }
  typeInto(input, '');
  await waitMs(300); // the clearing search runs and paints, outside any timing
  mount(null);
  await nextFrame();
  return { keystrokes, update };
}

/** `count` task switches: mount the tab, let it paint, unmount it, let that paint. */
async function cycle(id: string, count: number): Promise<void> {
  const content = renderedCase(id).tab;
  for (let index = 0; index < count; index += 1) {
    mount(content);
    await nextFrame();
    mount(null);
    await nextFrame();
  }
}

function cases() {
  const describe = (kind: 'mount' | 'keystroke') => (found: (typeof RENDER_CASES)[number]) => ({
    id: found.id,
    label: found.label,
    inputSize: found.inputSize,
    kind,
    turns: found.turns ?? null,
    missing: found.missing ?? null,
    items: found.render ? renderedCase(found.id).items : null,
    capturedFields: found.render ? renderedCase(found.id).capturedFields : null,
  });
  return [...RENDER_CASES.map(describe('mount')), ...KEYSTROKE_CASES.map(describe('keystroke'))];
}

const root = document.getElementById('root');
ReactDOM.render(
  <CustomizationProvider baseTheme="default">
    <Slot />
  </CustomizationProvider>,
  root,
);

const domNodes = () => document.getElementsByTagName('*').length;
Object.assign(window, { __bench: { cases, measure, typeWord, cycle, liveHandles, domNodes } });
