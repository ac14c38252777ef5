import * as FlexPlugin from '@twilio/flex-plugin';

import PolyaiContextPlugin from './PolyaiContextPlugin';

FlexPlugin.loadPlugin(PolyaiContextPlugin);
