import type React from 'react';

import { createStore } from './store';

/** Flex's `DynamicContentStore` options: `if` decides per render, `sortOrder` places the fragment. */
export interface ContentOptions<P> {
  sortOrder?: number;
  if?: (props: P) => boolean;
}

export interface ContentFragment<P> {
  element: React.ReactElement;
  options: ContentOptions<P>;
}

/** `Component.Content` as Flex exposes it: plugins add fragments, the host component renders them. */
export function createContent<P>() {
  const fragments = createStore<ContentFragment<P>[]>([]);
  return {
    /** Every fragment added so far; the host component subscribes to re-render. */
    fragments,
    add(element: React.ReactElement, options: ContentOptions<P> = {}): void {
      fragments.set([...fragments.get(), { element, options }]);
    },
    /** The fragments shown for these props, in Flex's order (sortOrder, then insertion). */
    visible(props: P): ContentFragment<P>[] {
      return fragments
        .get()
        .map((fragment, index) => ({ fragment, index }))
        .filter(({ fragment }) => !fragment.options.if || fragment.options.if(props))
        .sort((a, b) => (a.fragment.options.sortOrder ?? 0) - (b.fragment.options.sortOrder ?? 0) || a.index - b.index)
        .map(({ fragment }) => fragment);
    },
  };
}
