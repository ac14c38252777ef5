/**
 * The bench page: Paste's provider mounted once (as Flex mounts it for the whole desktop), and one
 * slot the node side fills and empties through `window.__bench`.
 */
import { liveHandles, untracked } from './instrument'; // first: it must see every listener and timer
import React, { useState } from 'react';
import ReactDOM from 'react-dom';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { KEYSTROKE_CASES, RENDER_CASES, type Rendered } from './cases';

type Variant = 'tab' | 'baseline';

let setContent: (content: React.ReactElement | null) => void = () => undefined;

function Slot(): JSX.Element {
  const [content, set] = useState<React.ReactElement | null>(null);
  setContent = set;
  // The size of a task canvas tab panel.
  return <div style={{ width: 480, height: 800, overflow: 'hidden' }}>{content}</div>;
}

const rendered = new Map<string, Rendered>();
function renderedCase(id: string): Rendered {
  let cached = rendered.get(id);
  if (!cached) {
    const found = RENDER_CASES.find((candidate) => candidate.id === id);
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
 * then painted (the frame done). Starting in rAF means no wait for vsync is counted.
 */
async function measure(id: string, variant: Variant): Promise<{ commitMs: number; layoutMs: number; paintedMs: number }> {
  const content = renderedCase(id)[variant];
  await nextFrame();
  const timing = await new Promise<{ commitMs: number; layoutMs: number; paintedMs: number }>((resolve) => {
    untracked.requestAnimationFrame(() => {
      const start = performance.now();
      mount(content);
      const committed = performance.now();
      void document.body.offsetHeight; // style and layout now, as the frame would
      const laidOut = performance.now();
      void afterPaint().then((painted) =>
        resolve({ commitMs: committed - start, layoutMs: laidOut - start, paintedMs: painted - start }),
      );
    });
  });
  mount(null);
  await nextFrame();
  return timing;
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
Object.assign(window, { __bench: { cases, measure, cycle, liveHandles, domNodes } });
