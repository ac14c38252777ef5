/**
 * The Teams view, offline (`?view=teams`): a supervisor monitoring an agent's live PolyAI call opens it in
 * Flex's own supervisor task canvas (`Supervisor.TaskCanvas`: its header, `Supervisor.TaskCanvasTabs` with
 * Flex's Overview and Info tabs and whatever plugins add there).
 *
 * Flex's `TeamsView` itself cannot start offline: it asks Flex's SupervisorService on construction, and Flex
 * creates that service only once its Twilio Sync client has connected (`initSyncSDK`); neither is exported.
 * So the team's live data enters Flex's own supervisor state (`SUPERVISOR_UPDATE`, handled by Flex's reducer)
 * in the shape Flex builds from Sync's `tr-worker` / `tr-reservation` live queries, Flex's `TaskCardList`
 * lists each agent's tasks, and the canvas gets its task the way Flex's SupervisorTaskContextSource gives it
 * (TaskContext with the task and its channel definition).
 */
import * as Flex from '@twilio/flex-ui';
import React, { useEffect, useState } from 'react';
import * as ReactRedux from 'react-redux';
import { Box } from '@twilio-paste/core/box';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import type { FlexStore, PreviewUser } from './flexRuntime';
import type { ThemeName } from './location';
import { SAMPLE_TASKS, type PreviewTask } from './tasks';

/**
 * What Flex grants a supervisor (Flex derives these from the `supervisor` role), except `monitorCall`: with it,
 * Flex shows its Overview tab for a live call, whose Monitor button reads Flex's TaskRouter worker client, which
 * Flex creates only once connected to TaskRouter (and does not export). Without it Flex hides that tab, as for a
 * supervisor who may not monitor calls; the call's monitoring is still in Flex's state (`callMonitoring`).
 */
export const PREVIEW_SUPERVISOR: PreviewUser = {
  identity: 'preview.supervisor@example.com',
  roles: ['supervisor'],
  permissions: { agentDesktopView: true, teamsView: true, monitorCall: false, seeTaskInfo: true },
};

/** Sync's `tr-reservation` live-query item: what Flex's InsightsTask reads (`InsightsTaskData`). */
interface LiveReservation {
  reservation_sid: string;
  task_sid: string;
  worker_sid: string;
  worker_name: string;
  status: string;
  task_status: string;
  task_channel_unique_name: string;
  task_channel_type: string;
  queue_name: string;
  attributes: Record<string, unknown>;
  date_created: string;
  date_updated: string;
  task_date_created: string;
  task_age: number;
  task_priority: number;
  workspace_sid: string;
  task_routing_target: string | null;
}

/** Sync's `tr-worker` live-query item (`InsightsWorkerData`). */
interface LiveWorker {
  worker_sid: string;
  friendly_name: string;
  activity_name: string;
  attributes: Record<string, unknown>;
  date_updated: string;
  date_activity_changed: string;
}

const notInTeamsView = () => Promise.reject(new Error('Not implemented'));

/**
 * Flex's InsightsTask (not exported by @twilio/flex-ui): the same values read from the same live-query item
 * (Flex reads them through getters over `source`; the item never changes here). A supervisor's task is
 * read-only, so its actions reject as Flex's do.
 */
class TeamTask {
  readonly sid: string;
  readonly taskSid: string;
  readonly workerSid: string;
  readonly attributes: Record<string, unknown>;
  readonly status: string;
  readonly taskStatus: string;
  readonly taskChannelUniqueName: string;
  readonly channelType: string;
  readonly queueName: string;
  readonly age: number;
  readonly priority: number;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
  readonly routingTarget: string | null;
  readonly formattedAttributes: { from?: string; outbound_to?: string };
  /** Flex formats the number for display; the preview shows it as the sample has it. */
  readonly defaultFrom: string;
  readonly addOns = undefined;
  readonly conference = undefined;
  readonly complete = notInTeamsView;
  readonly setAttributes = notInTeamsView;
  readonly wrapUp = notInTeamsView;

  constructor(readonly source: LiveReservation) {
    const attributes = source.attributes as { channelType?: string; name?: string; from?: string; outbound_to?: string };
    this.sid = source.reservation_sid;
    this.taskSid = source.task_sid;
    this.workerSid = source.worker_sid;
    this.attributes = source.attributes;
    this.status = source.status === 'wrapup' ? 'wrapping' : source.status;
    this.taskStatus = source.task_status;
    this.taskChannelUniqueName = source.task_channel_unique_name;
    this.channelType = attributes.channelType ?? source.task_channel_unique_name;
    this.queueName = source.queue_name;
    this.age = source.task_age;
    this.priority = source.task_priority;
    this.dateCreated = new Date(source.date_created);
    this.dateUpdated = new Date(source.date_updated);
    this.routingTarget = source.task_routing_target;
    this.formattedAttributes = { ...(attributes.from ? { from: attributes.from } : {}), ...(attributes.outbound_to ? { outbound_to: attributes.outbound_to } : {}) };
    this.defaultFrom = attributes.name ?? attributes.from ?? 'Anonymous';
  }
}

/** Flex's InsightsWorker (not exported): the values the Teams view's components read. */
class TeamWorker {
  readonly sid: string;
  readonly name: string;
  readonly fullName: string;
  readonly activityName: string;
  readonly attributes: Record<string, unknown>;
  readonly dateUpdated: Date;
  readonly isAvailable = false;

  constructor(readonly source: LiveWorker) {
    this.sid = source.worker_sid;
    this.name = source.friendly_name;
    this.fullName = (source.attributes.full_name as string | undefined) ?? source.friendly_name;
    this.activityName = source.activity_name;
    this.attributes = source.attributes;
    this.dateUpdated = new Date(source.date_updated);
  }
}

/** The monitored call's agent already gave a verdict; the supervisor sees it read-only. */
export const MONITORED_VERDICT = { verdict: 'incomplete', reason: 'missing_data', by: 'agent', at: '2026-11-30T06:00:00.000Z', insights_keys: [] };

/** The team: an agent per call, each on a live (accepted) call; the first one is being monitored. */
const TEAM: Array<{ name: string; sample: string; verdict?: object }> = [
  { name: 'Alex Agent', sample: 'verified', verdict: MONITORED_VERDICT },
  { name: 'Blair Agent', sample: 'unverified' },
  { name: 'Casey Agent', sample: 'not-polyai' },
];

function liveCall(task: PreviewTask, workerSid: string, workerName: string, verdict: object | undefined): TeamTask {
  const created = task.dateCreated.toISOString();
  return new TeamTask({
    reservation_sid: task.sid,
    task_sid: task.taskSid,
    worker_sid: workerSid,
    worker_name: workerName,
    status: 'accepted',
    task_status: 'assigned',
    task_channel_unique_name: 'voice',
    task_channel_type: 'voice',
    queue_name: 'Everyone',
    attributes: verdict ? { ...task.attributes, polyai_verdict: verdict } : task.attributes,
    date_created: created,
    date_updated: created,
    task_date_created: created,
    task_age: 95,
    task_priority: 0,
    workspace_sid: 'WS00000000000000000000000000000000',
    task_routing_target: null,
  });
}

/** Puts the team into Flex's supervisor state, the first call monitored, as Flex's services would. */
export function startTeam(store: FlexStore): void {
  const workers = TEAM.map(({ name, sample, verdict }, index) => {
    const sid = `WK${String(index + 1).padStart(32, '7')}`;
    const worker = new TeamWorker({ worker_sid: sid, friendly_name: name, activity_name: 'On a call', attributes: { full_name: name }, date_updated: '2026-11-30T09:00:00.000Z', date_activity_changed: '2026-11-30T09:00:00.000Z' });
    const task = SAMPLE_TASKS.find((candidate) => candidate.id === sample)!;
    return { worker, tasks: [liveCall(task, sid, name, verdict)] };
  });
  // CallMonitoringStatus.monitoring (2): Flex's state while a supervisor listens in on the call.
  const monitored = workers[0];
  store.dispatch({ type: 'SUPERVISOR_UPDATE', payload: { workers, isLoadingWorkers: false, callMonitoring: { status: 2, task: monitored.tasks[0], workers: [monitored.worker] } } });
}

interface SupervisorViewState {
  flex: { supervisor: { workers: Array<{ worker: TeamWorker; tasks: TeamTask[] }> } };
}

/** The team's calls (Flex's own task cards) beside Flex's supervisor task canvas for the chosen one. */
export function TeamsDesk({ initialTask, theme }: { initialTask: string | null; theme: ThemeName }): JSX.Element {
  const workers = ReactRedux.useSelector((state: SupervisorViewState) => state.flex.supervisor.workers);
  const initialSid = SAMPLE_TASKS.find((task) => task.id === initialTask)?.sid;
  const [selectedSid, setSelectedSid] = useState(initialSid);
  const selected = workers.flatMap(({ tasks }) => tasks).find((task) => task.sid === selectedSid);
  useEffect(() => {
    // Flex's own SelectTaskInSupervisor (task cards, the canvas's close button) tells Flex's SupervisorService,
    // which does not exist offline: the preview's replacement selects the task here instead, the canvas
    // opening on its first tab.
    Flex.Actions.replaceAction('SelectTaskInSupervisor', async (payload: { task?: Flex.ITask }) => {
      await Flex.Actions.invokeAction('SetComponentState', { name: 'SupervisorCanvasTabs', state: { selectedTabName: undefined } });
      setSelectedSid(payload.task?.sid);
    });
  }, []);
  const choose = (task: Flex.ITask) => Flex.Actions.invokeAction('SelectTaskInSupervisor', { task });
  return (
    <Box display="flex" height="100%" minHeight="0">
      <CustomizationProvider baseTheme={theme === 'dark' ? 'dark' : 'default'}>
        <Box as="section" aria-label="Team" width="size40" flexShrink={0} overflowY="auto" padding="space40" backgroundColor="colorBackgroundBody" color="colorText">
          <Heading as="h2" variant="heading40">
            Team · live calls
          </Heading>
          {workers.map(({ worker, tasks }) => (
            <Box key={worker.sid} marginBottom="space40" data-preview-worker={worker.sid}>
              <Text as="p" fontWeight="fontWeightSemibold">
                {worker.fullName} · {worker.activityName}
              </Text>
              <Flex.Supervisor.TaskCardList tasks={tasks as unknown as Flex.ITask[]} selectedTaskSid={selectedSid} onCardSelected={choose} />
            </Box>
          ))}
        </Box>
      </CustomizationProvider>
      <Box flexGrow={1} minWidth="0" display="flex" flexDirection="column" data-preview-supervisor-canvas={selected?.sid ?? ''}>
        {selected ? (
          <Flex.TaskContext.Provider value={{ task: selected as unknown as Flex.ITask, channelDefinition: Flex.TaskChannels.getForTask(selected as unknown as Flex.ITask) }}>
            <Flex.Supervisor.TaskCanvas />
          </Flex.TaskContext.Provider>
        ) : null}
      </Box>
    </Box>
  );
}
