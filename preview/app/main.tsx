/** Preview entry: install the local Flex, run the real plugin entry, then show the agent desktop. */
import './installFlex';
import '../../src/index';

import React from 'react';
import ReactDOM from 'react-dom';

import { Plugins } from '../flex';
import { Desktop } from './Desktop';
import { readLocation } from './location';

Plugins.ready().then(
  () => ReactDOM.render(<Desktop initial={readLocation(window.location.search)} />, document.getElementById('root')),
  (error: unknown) => {
    // Flex shows a failed plugin in its own error UI; the preview says it where the desktop would be.
    document.getElementById('root')!.textContent = `The plugin failed to initialise: ${String(error)}`;
  },
);
