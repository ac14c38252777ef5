/**
 * The browser benchmark's harness, injected into the offline preview's page (real @twilio/flex-ui with the
 * plugin's production bundle, see preview/app) before any of the page's own scripts: it drives Flex through
 * the preview's runtime (`window.previewRuntime`) and Flex's own actions, and times in the page.
 *
 * Baseline: Flex's own Info tab (`TaskInfoPanel`) for the same task, as Flex ships it. Flex keeps its tabs
 * mounted from the moment a task is shown (BaseTabs' `keepTabsMounted`) and the PolyAI tab builds its content
 * with the canvas too, so opening either shows content that is already there. For reference the harness also
 * adds a tab holding Flex's `TaskInfoPanel` mounted when opened (the baseline of runs before the PolyAI tab
 * was built with the canvas). Each is timed from the click (Flex's `SetComponentState`) by the same watcher:
 * what each painted frame shows, read after that frame is painted. Flex fades a tab in as it is selected
 * (visibility and opacity, 0.15 s), the same for every tab: "painted" is the first frame that shows the
 * content (the fade under way), "faded in" the first frame after the fade ended.
 */
import { liveHandles, timeoutClock, untracked } from './instrument'; // first: it must see every listener and timer
import type * as FlexModule from '@twilio/flex-ui';
import type ReactModule from 'react';

import { conversationAnswer } from '@polyai-context/model';

import { BENCH_CASES, conversationOf } from './cases';
import type {} from '../../preview/app/previewRuntime';

/** The PolyAI tab, Flex's own Info tab, and the harness's Info tab mounted when opened (for reference). */
export type Variant = 'tab' | 'info' | 'infoOnOpen';

/** The plugin's tab (src/flex/hooks/contextTab.tsx), Flex's own Info tab, the harness's; a wrong name fails every measurement loudly. */
const TAB_NAMES: Record<Variant, string> = { tab: 'polyai-context', info: 'info', infoOnOpen: 'bench-info-on-open' };
/** Flex's component-state name for the task canvas tab strip. */
const CANVAS_TABS = 'AgentTaskCanvasTabs';
/** Flex's container of one tab's content: hidden when not selected, faded in when selected. */
const FLEX_TAB = '.Twilio-Tab';
const WAIT_LIMIT_MS = 15_000;

/** Content of each variant: the tab's sections, the Info panel's task SID (Flex's own, or the harness's copy). */
const READY: Record<Variant, string> = {
  tab: '[data-testid="polyai-sections"]',
  info: '[class*="Twilio-TaskInfoPanel"]:not([data-bench-info] *) [data-testid="task-sid"]',
  infoOnOpen: '[data-bench-info] [data-testid="task-sid"]',
};
/** A transcript case's tab is there once its list shows rows (loaded after the mount, by the tab's own request). */
const TRANSCRIPT_READY = '[data-testid="polyai-sections"] [role="log"] [role="list"] > *';
const FIELDS = '[data-testid="polyai-section-fields"]';
const BUSY_TABLE = '[data-testid="polyai-section-fields"] table[aria-busy="true"]';

const flex = () => (window as unknown as { Twilio: { Flex: typeof FlexModule } }).Twilio.Flex;
const react = () => (window as unknown as { React: typeof ReactModule }).React;
function runtime() {
  if (!window.previewRuntime) throw new Error('bench: the preview has not started Flex yet');
  return window.previewRuntime;
}

/**
 * The transcript the plugin's requests get while a transcript case's task is open: what its `polyai-conversation`
 * Function answers (the model's `conversationAnswer`, as the Function calls it): the latest turns for a request
 * that asks for them (`turns: "latest"`, the tab's first), the whole call for one that does not (the tab's
 * second, on demand; every request of a plugin that does not ask). Both are made before any timing, as the bytes
 * the network delivers (a Response made from text encodes it when made: about 19 ms for 10,000 turns, inside
 * the timing, the harness's work and no part of the plugin's). Any other request goes out as usual.
 */
let conversationBodies: { latest: ArrayBuffer; whole: ArrayBuffer } | null = null;
const CONVERSATION_PATH = '/polyai-conversation';
const networkFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (conversationBodies === null || !new URL(url, window.location.href).pathname.endsWith(CONVERSATION_PATH)) return networkFetch(input, init);
  const latest = typeof init?.body === 'string' && (JSON.parse(init.body) as { turns?: unknown }).turns === 'latest';
  return Promise.resolve(new Response(latest ? conversationBodies.latest : conversationBodies.whole, { status: 200, headers: { 'content-type': 'application/json' } }));
};

/** A Function's answer as the bytes the network delivers (a TextEncoder's bytes are never in a SharedArrayBuffer). */
const asBytes = (answer: unknown) => new TextEncoder().encode(JSON.stringify(answer)).buffer as ArrayBuffer;

const nextFrame = () => new Promise<number>((resolve) => untracked.requestAnimationFrame(resolve));

/** Resolves once the current frame has been rendered and painted (a task queued during the frame runs after it). */
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

/** Resolves (with the time) as soon as `condition` holds for the document; rejects after WAIT_LIMIT_MS. */
function whenDocument(condition: () => boolean, what: string): Promise<number> {
  if (condition()) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!condition()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    });
    const timer = untracked.setTimeout(() => {
      observer.disconnect();
      reject(new Error(`bench: ${what} never appeared`));
    }, WAIT_LIMIT_MS);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
}

let installed = false;

/**
 * The reference tab: Flex's own `TaskInfoPanel`, mounted while the tab is selected (the way a plugin adds a
 * tab that builds on the click). Added before the first task rings in.
 */
function installInfoOnOpen(): void {
  if (installed) return;
  installed = true;
  const Flex = flex();
  const { createElement } = react();
  interface TabsState {
    flex: { view: { componentViewStates?: Record<string, { selectedTabName?: string } | undefined> } };
  }
  function MountedWhenOpen(): ReactModule.ReactElement | null {
    const open = Flex.useFlexSelector((state: TabsState) => state.flex.view.componentViewStates?.[CANVAS_TABS]?.selectedTabName === TAB_NAMES.infoOnOpen);
    return open ? createElement('div', { 'data-bench-info': '', style: { height: '100%' } }, createElement(Flex.TaskInfoPanel)) : null;
  }
  Flex.TaskCanvasTabs.Content.add(createElement(Flex.Tab, { key: TAB_NAMES.infoOnOpen, uniqueName: TAB_NAMES.infoOnOpen, label: 'Info (bench)' }, createElement(MountedWhenOpen)), { sortOrder: 1000 });
}

let taskCount = 0;

/** Rings a case's task in as a new reservation, accepts it (TaskRouter's update) and selects it. */
async function openTask(caseId: string): Promise<string> {
  const found = BENCH_CASES.find((candidate) => candidate.id === caseId);
  if (!found) throw new Error(`bench: no case ${caseId}`);
  installInfoOnOpen();
  taskCount += 1;
  const suffix = String(taskCount).padStart(28, '0');
  const sid = `WRbe${suffix}`;
  const { desk } = runtime();
  const call = found.turns ? conversationOf(found.turns) : null;
  conversationBodies = call && { latest: asBytes(conversationAnswer(call, true)), whole: asBytes(conversationAnswer(call, false)) };
  desk.add({ sid, taskSid: `WTbe${suffix}`, attributes: found.attributes(), dateCreated: new Date() });
  desk.update(sid, 'accepted');
  await flex().Actions.invokeAction('SelectTask', { sid });
  await nextFrame();
  await nextFrame();
  return sid;
}

async function closeTask(sid: string): Promise<void> {
  runtime().desk.remove(sid);
  await nextFrame();
  await nextFrame();
}

export interface RowTimings {
  rows: number;
  /** The first frame painted with any captured-field row: what the agent sees first. */
  firstPaintedMs: number;
  /** The frame painted with every row. */
  allPaintedMs: number;
  /** Frames that added rows. */
  commits: number;
  /** Longest time between two consecutive row frames painted (how long the page was busy at once). */
  longestFrameMs: number;
}

export interface Timing {
  /** Click → its content in the DOM inside the selected tab (Flex's action and React's commit). */
  committedMs: number;
  /** Click → the first frame painted that shows its content (Flex's fade-in under way). */
  paintedMs: number;
  /** Click → the first frame painted after Flex's fade-in ended. */
  fadedMs: number;
  rows: RowTimings | null;
}

/**
 * An element matching `selector` that is on screen: the tabs' content is built before it is opened, Flex
 * hides a tab that is not selected with `visibility: hidden` (laid out, not painted), and other canvases
 * (another task's, the Teams view's) may hold hidden matches too.
 */
function visible(selector: string): Element | null {
  for (const found of document.querySelectorAll(selector)) if (found.checkVisibility({ visibilityProperty: true })) return found;
  return null;
}

/**
 * An element matching `selector` in the selected tab, shown or not yet: Flex's selected tab takes pointer
 * events at once, while its visibility and opacity only change as its fade runs (a MutationObserver never
 * hears those change, which is why "painted" is read frame by frame instead).
 */
function selected(selector: string): Element | null {
  for (const found of document.querySelectorAll(selector)) {
    const tab = found.closest(FLEX_TAB);
    if (tab && getComputedStyle(tab).pointerEvents !== 'none') return found;
  }
  return null;
}

/** True once Flex's fade-in of the tab holding `content` has ended. */
function fadedIn(content: Element): boolean {
  const tab = content.closest(FLEX_TAB);
  return !tab || (tab.getAnimations().length === 0 && getComputedStyle(tab).opacity === '1');
}

/** Captured-field rows on screen: none while the tab is hidden, however many are built. */
function visibleRows(): number {
  return visible(FIELDS)?.querySelectorAll('tbody tr').length ?? 0;
}

/**
 * Calls `check` once each frame has been painted, with that time, until it returns true: the page read
 * then is what that frame showed (its DOM and its point in Flex's fade). Resolves with nothing once done.
 */
function everyPaintedFrame(check: (painted: number) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = () =>
      untracked.requestAnimationFrame(() => {
        void afterPaint().then((painted) => {
          try {
            if (check(painted)) resolve();
            else frame();
          } catch (error) {
            reject(error);
          }
        });
      });
    frame();
  });
}

/**
 * Captured-field rows as they appear, read after each painted frame: those built before the opening show
 * with it, the rest as the tab renders them (a frame's worth at a time). `read` returns true once no table
 * is busy and two frames added nothing (the next group may start on the next frame).
 */
function rowWatch(start: number): { read: (painted: number) => boolean; timings: () => RowTimings | null } {
  const paints: Array<{ rows: number; painted: number }> = [];
  let last = 0;
  let quiet = 0;
  return {
    read: (painted) => {
      const rows = visibleRows();
      if (rows !== last) {
        last = rows;
        quiet = 0;
        paints.push({ rows, painted });
        return false;
      }
      quiet = document.querySelector(BUSY_TABLE) ? 0 : quiet + 1;
      return quiet > 2;
    },
    timings: () => {
      if (paints.length === 0) return null;
      const gaps = paints.slice(1).map((paint, index) => paint.painted - paints[index].painted);
      return {
        rows: last,
        firstPaintedMs: paints[0].painted - start,
        allPaintedMs: paints[paints.length - 1].painted - start,
        commits: paints.length,
        longestFrameMs: Math.max(paints[0].painted - start, ...gaps),
      };
    },
  };
}

/**
 * Opens `variant`'s tab on the selected task at the start of a frame, as a click on its header does
 * (Flex's SetComponentState), and times it to its content committed, to the first frame that shows it
 * and to the first frame after Flex's fade-in (every variant read the same way).
 */
async function measureOpen(variant: Variant): Promise<Timing> {
  const selector = variant === 'tab' && conversationBodies !== null ? TRANSCRIPT_READY : READY[variant];
  if (visible(selector) !== null) throw new Error(`bench: ${variant} is already open`);
  await nextFrame();
  return new Promise<Timing>((resolve, reject) => {
    untracked.requestAnimationFrame(() => {
      const start = performance.now();
      const rows = variant === 'tab' ? rowWatch(start) : null;
      const committed = whenDocument(() => selected(selector) !== null, `${variant} content`);
      let painted: number | undefined;
      let faded: number | undefined;
      let rowsDone = rows === null;
      const watched = everyPaintedFrame((at) => {
        const content = visible(selector);
        if (content && painted === undefined) painted = at;
        if (content && faded === undefined && fadedIn(content)) faded = at;
        if (rows && !rowsDone) rowsDone = rows.read(at);
        if (at - start > WAIT_LIMIT_MS) throw new Error(`bench: ${variant} content never showed`);
        return painted !== undefined && faded !== undefined && rowsDone;
      });
      void flex().Actions.invokeAction('SetComponentState', { name: CANVAS_TABS, state: { selectedTabName: TAB_NAMES[variant] } });
      Promise.all([committed, watched])
        .then(([at]) => resolve({ committedMs: at - start, paintedMs: (painted as number) - start, fadedMs: (faded as number) - start, rows: rows?.timings() ?? null }))
        .catch(reject);
    });
  });
}

/** Back to Flex's own first tab, so the next measurement starts from the same state. */
async function resetTab(): Promise<void> {
  await flex().Actions.invokeAction('SetComponentState', { name: CANVAS_TABS, state: { selectedTabName: 'call' } });
  await nextFrame();
  await nextFrame();
}

/**
 * One paired sample: a fresh task of the case, both tabs opened in `order`. Each tab is timed on its first
 * opening for that task (the PolyAI tab keeps its content mounted afterwards, as agents use it).
 */
async function measurePair(caseId: string, order: Variant[]): Promise<Record<Variant, Timing>> {
  const sid = await openTask(caseId);
  const timings: Partial<Record<Variant, Timing>> = {};
  try {
    for (const variant of order) {
      timings[variant] = await measureOpen(variant);
      await resetTab();
    }
  } finally {
    await closeTask(sid);
  }
  return timings as Record<Variant, Timing>;
}

/** `count` tasks handled one after the other: rung in, accepted, `variant` opened and painted, task gone. */
async function cycle(caseId: string, variant: Variant, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const sid = await openTask(caseId);
    await measureOpen(variant);
    await resetTab();
    await closeTask(sid);
  }
}

/** Types `text` into the element's value as a user would: the native setter, then an input event. */
function typeInto(input: HTMLInputElement, text: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export interface Keystroke {
  /** Input event (dispatched at a frame's start) → handled, React's commit included. */
  handledMs: number;
  /** Input event → the end of that frame, painted. */
  paintedMs: number;
}

/** `word` typed one letter per frame (faster than anyone types), each letter timed to its frame painted. */
async function typeLetters(input: HTMLInputElement, word: string): Promise<Keystroke[]> {
  const keystrokes: Keystroke[] = [];
  for (let length = 1; length <= word.length; length += 1) {
    keystrokes.push(
      await new Promise<Keystroke>((resolve) => {
        untracked.requestAnimationFrame(() => {
          const start = performance.now();
          typeInto(input, word.slice(0, length));
          const handled = performance.now();
          void afterPaint().then((painted) => resolve({ handledMs: handled - start, paintedMs: painted - start }));
        });
      }),
    );
  }
  return keystrokes;
}

/** A controlled React input in the same page, its state its own (as the tab's search box keeps it): the floor. */
function plainInput(): { input: HTMLInputElement; remove: () => void } {
  const React = react();
  const ReactDOM = (window as unknown as { ReactDOM: { render(element: unknown, container: Element): void; unmountComponentAtNode(container: Element): void } }).ReactDOM;
  function PlainSearch(): ReactModule.ReactElement {
    const [value, setValue] = React.useState('');
    return React.createElement('input', { type: 'search', 'aria-label': 'bench plain search', value, onChange: (event: { target: { value: string } }) => setValue(event.target.value) });
  }
  const container = document.createElement('div');
  document.body.appendChild(container);
  ReactDOM.render(React.createElement(PlainSearch), container);
  return {
    input: container.querySelector('input') as HTMLInputElement,
    remove: () => {
      ReactDOM.unmountComponentAtNode(container);
      container.remove();
    },
  };
}

const marks = () => document.querySelectorAll('[data-testid="polyai-sections"] [role="log"] mark').length;

/**
 * One round of typing into the transcript search of a fresh task of `caseId` and into the plain input, in
 * `order`. The tab's box searches once typing pauses (debounced): that update is timed from its timer
 * firing to the highlights committed.
 */
async function typeWord(caseId: string, word: string, order: Array<'tab' | 'plain'>): Promise<{ tab: Keystroke[]; plain: Keystroke[]; updateMs: number; highlights: number }> {
  const sid = await openTask(caseId);
  const plain = plainInput();
  try {
    await measureOpen('tab');
    const search = document.querySelector<HTMLInputElement>('[data-testid="polyai-sections"] input[type="search"]');
    if (!search) throw new Error('bench: no transcript search box');
    const typed: Partial<Record<'tab' | 'plain', Keystroke[]>> = {};
    let updateMs = 0;
    for (const variant of order) {
      const input = variant === 'tab' ? search : plain.input;
      typed[variant] = await typeLetters(input, word);
      if (variant === 'tab') {
        const committed = await whenDocument(() => marks() > 0, 'search highlights');
        updateMs = committed - timeoutClock.lastFiredAt;
      }
    }
    const highlights = marks();
    typeInto(search, '');
    typeInto(plain.input, '');
    await new Promise((resolve) => untracked.setTimeout(resolve, 300)); // the clearing search runs, outside any timing
    await resetTab();
    return { tab: typed.tab ?? [], plain: typed.plain ?? [], updateMs, highlights };
  } finally {
    plain.remove();
    await closeTask(sid);
  }
}

function cases() {
  return BENCH_CASES.map(({ id, label, inputSize, turns }) => ({ id, label, inputSize, turns: turns ?? null }));
}

const domNodes = () => document.getElementsByTagName('*').length;
Object.assign(window, { __bench: { cases, measurePair, typeWord, cycle, liveHandles, domNodes } });
