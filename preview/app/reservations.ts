/**
 * Tasks enter real Flex as TaskRouter reservations: Flex's worker reducer wraps each one in its own
 * `TaskRouterTask` (`WORKER_ADD_RESERVATION`), and every later change of the reservation arrives as a
 * separate update (`WORKER_UPDATE_RESERVATION`), as the TaskRouter SDK's events do in production.
 * The objects here have the TaskRouter SDK's shape for what Flex reads and calls on them.
 */
import type { FlexStore } from './flexRuntime';

const ADD_RESERVATION = 'WORKER_ADD_RESERVATION';
const UPDATE_RESERVATION = 'WORKER_UPDATE_RESERVATION';

/** Reservation status → the TaskRouter SDK event the reservation emits (Flex's actions wait for them). */
const SDK_EVENT: Record<string, string> = { accepted: 'accepted', rejected: 'rejected', wrapping: 'wrapup', completed: 'completed' };

/** Reservation status → the task's status, as TaskRouter reports them together. */
const TASK_STATUS: Record<string, string> = { pending: 'reserved', accepted: 'assigned', wrapping: 'wrapping', completed: 'completed', rejected: 'pending' };

/**
 * When the reservation's `accepted` update reaches Flex relative to the AcceptTask action: `late`
 * (after the action and its after-listeners) or `early` (while the action still waits on the
 * reservation's `conference()`). Both happen in production; the preview's `?accepted=` picks one.
 */
export type AcceptedUpdateOrder = 'late' | 'early';

export interface PreviewReservationInput {
  sid: string;
  taskSid: string;
  attributes: Record<string, unknown>;
  dateCreated: Date;
  /** The TaskRouter queue the call waited in (the samples wait in one named after them); default `Everyone`. */
  queueName?: string;
}

const DELETE_RESERVATION = 'WORKER_DELETE_RESERVATION';

type Listener = (...args: unknown[]) => void;

/** A TaskRouter-SDK-shaped reservation with its task: the fields Flex's TaskRouterTask reads. */
export interface SdkReservation {
  sid: string;
  status: string;
  workerSid: string;
  dateCreated: Date;
  dateUpdated: Date;
  task: Record<string, unknown> & { sid: string; status: string; attributes: Record<string, unknown> };
  [method: string]: unknown;
}

export interface ReservationDesk {
  add(input: PreviewReservationInput): void;
  /** The reservation leaves the agent (TaskRouter's `completed`/`canceled` events remove it from Flex). */
  remove(sid: string): void;
  /** The reservation's status changes, as a TaskRouter event tells Flex. */
  update(sid: string, status: string): void;
  setAcceptedOrder(order: AcceptedUpdateOrder): void;
}

const WORKER_SID = 'WK00000000000000000000000000000001';

export function reservationDesk(store: FlexStore, initialOrder: AcceptedUpdateOrder): ReservationDesk {
  const reservations = new Map<string, SdkReservation>();
  let acceptedOrder = initialOrder;

  const update = (sid: string, status: string) => {
    const current = reservations.get(sid);
    if (!current) return;
    const now = new Date();
    // A new object per update, as the SDK's event hands Flex the reservation in its new state.
    const next: SdkReservation = { ...current, status, dateUpdated: now, task: { ...current.task, status: TASK_STATUS[status] ?? current.task.status, dateUpdated: now } };
    reservations.set(sid, next);
    store.dispatch({ type: UPDATE_RESERVATION, payload: next });
    const event = SDK_EVENT[status];
    if (event) emitters.get(sid)?.(event, next);
  };
  const emitters = new Map<string, (event: string, reservation: SdkReservation) => void>();

  const later = (run: () => void) => setTimeout(run, 0);

  const build = ({ sid, taskSid, attributes, dateCreated, queueName = 'Everyone' }: PreviewReservationInput): SdkReservation => {
    const listeners = new Map<string, Set<Listener>>();
    emitters.set(sid, (event, reservation) => listeners.get(event)?.forEach((listener) => listener(reservation)));
    const sdkEvents = {
      on: (event: string, listener: Listener) => void (listeners.get(event) ?? listeners.set(event, new Set()).get(event)!).add(listener),
      addListener: (event: string, listener: Listener) => sdkEvents.on(event, listener),
      removeListener: (event: string, listener: Listener) => void listeners.get(event)?.delete(listener),
      off: (event: string, listener: Listener) => sdkEvents.removeListener(event, listener),
      once: (event: string, listener: Listener) => sdkEvents.on(event, listener),
      removeAllListeners: () => listeners.clear(),
    };
    const task = {
      ...sdkEvents,
      sid: taskSid,
      status: 'reserved',
      attributes,
      age: 0,
      priority: 0,
      reason: null,
      timeout: 86400,
      queueName,
      queueSid: 'WQ00000000000000000000000000000001',
      taskChannelUniqueName: 'voice',
      taskChannelSid: 'TC00000000000000000000000000000001',
      workflowName: 'Assign to Anyone',
      workflowSid: 'WW00000000000000000000000000000001',
      routingTarget: null,
      addOns: {},
      transfers: null,
      dateCreated,
      dateUpdated: dateCreated,
      setAttributes: (next: Record<string, unknown>) => Promise.resolve({ ...task, attributes: next }),
      updateParticipant: () => Promise.resolve(task),
      complete: () => Promise.resolve(task),
      wrapUp: () => Promise.resolve(task),
      fetchParticipants: () => Promise.resolve([]),
    };
    return {
      ...sdkEvents,
      sid,
      status: 'pending',
      workerSid: WORKER_SID,
      dateCreated,
      dateUpdated: dateCreated,
      task,
      // AcceptTask for a voice task: Flex asks TaskRouter to connect the agent to the call's conference.
      // The `accepted` update comes separately, before or after this promise settles.
      conference: () =>
        new Promise((resolve) => {
          if (acceptedOrder === 'early') {
            update(sid, 'accepted');
            later(() => resolve(reservations.get(sid)));
          } else {
            later(() => {
              resolve(reservations.get(sid));
              // After the action's promise chain (and its after-listeners) has run.
              later(() => later(() => update(sid, 'accepted')));
            });
          }
        }),
      accept: () => Promise.resolve(later(() => update(sid, 'accepted'))),
      reject: () => Promise.resolve(later(() => update(sid, 'rejected'))),
      dequeue: () => Promise.resolve(later(() => update(sid, 'accepted'))),
      call: () => Promise.resolve(),
      redirect: () => Promise.resolve(),
      updateParticipant: () => Promise.resolve(),
      wrap: () => Promise.resolve(later(() => update(sid, 'wrapping'))),
      complete: () => Promise.resolve(later(() => update(sid, 'completed'))),
    };
  };

  return {
    add(input) {
      const reservation = build(input);
      reservations.set(reservation.sid, reservation);
      store.dispatch({ type: ADD_RESERVATION, payload: reservation });
    },
    update,
    remove(sid) {
      const reservation = reservations.get(sid);
      if (!reservation) return;
      reservations.delete(sid);
      store.dispatch({ type: DELETE_RESERVATION, payload: reservation });
    },
    setAcceptedOrder(order) {
      acceptedOrder = order;
    },
  };
}
