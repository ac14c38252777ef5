import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

/**
 * The rows of a long list that are in view of a scroll area the list does not own (the tab's one scroll
 * area), plus a few either side: only those are rendered. Rows are placed by their estimated height until
 * they are shown, then by their measured one (and again whenever it changes: a message revealed, a font
 * loaded). Small on purpose: a general virtualiser cost the bundle more than the list it served.
 */
export interface RowWindowOptions {
  count: number;
  /** The element that scrolls; null: none (yet), the window then starts at the list's top. */
  scrollArea: HTMLElement | null;
  /** Where the list starts in the scroll area's content, px. */
  offset: number;
  /** A row's height before it is measured. */
  estimate: (index: number) => number;
  /** Stable identity of the row at `index`: a measured height follows its row when the list's start moves. */
  keyOf: (index: number) => number;
  /** Rows rendered beyond each edge of the view. */
  overscan: number;
}

export interface WindowRow {
  index: number;
  /** Top of the row in the list, px. */
  top: number;
}

export interface RowWindow {
  rows: WindowRow[];
  /** Height of the whole list, every row measured or estimated. */
  height: number;
  /** Ref for each rendered row element, which carries its index as `data-index`. */
  measure: (element: HTMLElement | null) => void;
  /** Scrolls the area so the row is in view: at the top (`start`), or by as little as needed (`auto`). */
  scrollToIndex: (index: number, align: 'auto' | 'start') => void;
}

/** An area not laid out (yet) counts as a window high: rows render rather than none. */
function viewHeight(scrollArea: HTMLElement | null): number {
  const height = scrollArea?.clientHeight ?? 0;
  return height > 0 ? height : typeof window === 'undefined' ? 0 : window.innerHeight;
}

/** First index whose row ends below `y` (tops: ascending, one more than rows). */
function rowAt(tops: Float64Array, y: number): number {
  let low = 0;
  let high = tops.length - 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tops[middle + 1] <= y) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low);
}

/** Times a scroll to a row is corrected as rows around it are measured and move it. */
const SCROLL_CORRECTIONS = 3;

export function useRowWindow({ count, scrollArea, offset, estimate, keyOf, overscan }: RowWindowOptions): RowWindow {
  const sizes = useRef(new Map<number, number>());
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState(() => ({ top: 0, height: viewHeight(null) }));

  const readView = useCallback(
    () =>
      setView((current) => {
        const next = { top: scrollArea?.scrollTop ?? 0, height: viewHeight(scrollArea) };
        return current.top === next.top && current.height === next.height ? current : next;
      }),
    [scrollArea],
  );
  useLayoutEffect(() => {
    readView();
    if (!scrollArea) return undefined;
    scrollArea.addEventListener('scroll', readView, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(readView);
    resized?.observe(scrollArea);
    return () => {
      scrollArea.removeEventListener('scroll', readView);
      resized?.disconnect();
    };
  }, [scrollArea, readView]);

  // Row tops from the measured heights, else the estimates: one pass over the list per change.
  const tops = useMemo(() => {
    const result = new Float64Array(count + 1);
    for (let index = 0; index < count; index += 1) result[index + 1] = result[index] + (sizes.current.get(keyOf(index)) ?? estimate(index));
    return result;
    // `measured` stands for what sizes holds.
  }, [count, estimate, keyOf, measured]); // eslint-disable-line react-hooks/exhaustive-deps

  // One measuring function and one observer for the list's life: rows keep being watched when its start moves.
  const keyOfNow = useRef(keyOf);
  keyOfNow.current = keyOf;
  const keep = useCallback((element: Element) => {
    const index = Number((element as HTMLElement).dataset.index);
    const height = Math.ceil(element.getBoundingClientRect().height);
    // A hidden row measures 0: it keeps what it had until it shows again.
    if (!Number.isInteger(index) || index < 0 || height <= 0) return;
    const key = keyOfNow.current(index);
    if (sizes.current.get(key) === height) return;
    sizes.current.set(key, height);
    setMeasured((version) => version + 1);
  }, []);

  // Rows shown are watched for height changes; rows gone from the document are let go after each render.
  const watched = useRef(new Set<Element>());
  const observer = useMemo(() => (typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => entries.forEach((entry) => keep(entry.target)))), [keep]);
  useEffect(() => () => observer?.disconnect(), [observer]);
  useLayoutEffect(() => {
    for (const element of watched.current) {
      if (element.isConnected) continue;
      observer?.unobserve(element);
      watched.current.delete(element);
    }
  });
  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      keep(element);
      if (observer && !watched.current.has(element)) {
        watched.current.add(element);
        observer.observe(element);
      }
    },
    [keep, observer],
  );

  const rows = useMemo(() => {
    if (count === 0) return [];
    const first = Math.max(0, rowAt(tops, view.top - offset) - overscan);
    const end = view.top - offset + view.height;
    const shown: WindowRow[] = [];
    let index = first;
    for (; index < count && tops[index] < end; index += 1) shown.push({ index, top: tops[index] });
    for (const last = Math.min(count, index + overscan); index < last; index += 1) shown.push({ index, top: tops[index] });
    return shown;
  }, [count, tops, view, offset, overscan]);

  // A scroll asked for is applied again once the rows around it have been measured (they move it).
  const target = useRef<{ index: number; align: 'auto' | 'start'; tries: number } | null>(null);
  const scrollTo = useCallback(() => {
    const wanted = target.current;
    if (!wanted || !scrollArea || wanted.index >= count) return;
    const top = offset + tops[wanted.index];
    const bottom = offset + tops[wanted.index + 1];
    const current = scrollArea.scrollTop;
    const height = viewHeight(scrollArea);
    const next = wanted.align === 'start' || top < current ? top : bottom > current + height ? bottom - height : current;
    wanted.tries += 1;
    if (wanted.tries >= SCROLL_CORRECTIONS || next === current) target.current = null;
    if (next === current) return;
    scrollArea.scrollTo({ top: next });
    // The rows there render now, not on the scroll event that follows.
    readView();
  }, [scrollArea, count, offset, tops, readView]);
  useLayoutEffect(scrollTo, [scrollTo]);
  const scrollToIndex = useCallback(
    (index: number, align: 'auto' | 'start') => {
      target.current = { index, align, tries: 0 };
      scrollTo();
    },
    [scrollTo],
  );

  return { rows, height: tops[count], measure, scrollToIndex };
}
