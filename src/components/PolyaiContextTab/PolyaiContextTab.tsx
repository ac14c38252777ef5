import React, { useMemo } from 'react';
import { Manager, withTaskContext, type ITask } from '@twilio/flex-ui';

import { HandoffContextView } from '../HandoffContextView/HandoffContextView';
import { TabErrorBoundary } from '../TabErrorBoundary/TabErrorBoundary';
import { pickStrings, StringsContext } from '../../strings';
import { handoffContextOf } from '../../utils/handoffContextCache';

interface PolyaiContextTabProps {
  task?: ITask;
}

/** Container: takes the task from Flex, hands plain props to the views. */
function PolyaiContextTabContent({ task }: PolyaiContextTabProps): JSX.Element {
  const attributes: unknown = task?.attributes;
  const context = useMemo(() => handoffContextOf(attributes), [attributes]);
  const strings = useMemo(() => pickStrings(Manager.getInstance().strings), []);
  return (
    <StringsContext.Provider value={strings}>
      <TabErrorBoundary>
        <HandoffContextView context={context} />
      </TabErrorBoundary>
    </StringsContext.Provider>
  );
}

export const PolyaiContextTab = withTaskContext(PolyaiContextTabContent);
