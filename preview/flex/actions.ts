/**
 * Flex's action framework: `invokeAction(name, payload)` runs `before<Name>` listeners (any may abort),
 * the action itself, then `after<Name>` listeners. The shell registers the actions it implements.
 */
type Payload = Record<string, unknown>;
type Listener = (payload: Payload, abort: () => void) => void | Promise<void>;
type Implementation = (payload: Payload) => void | Promise<void>;
/** Completes a payload before any listener sees it (Flex resolves `sid` to `task`); throws if it cannot. */
type PayloadPreparer = (payload: Payload) => void;

const listeners = new Map<string, Set<Listener>>();
const implementations = new Map<string, { run: Implementation; prepare?: PayloadPreparer }>();

function listenersFor(event: string): Listener[] {
  return Array.from(listeners.get(event) ?? []);
}

export const Actions = {
  async invokeAction(name: string, payload: Payload = {}): Promise<void> {
    const implementation = implementations.get(name);
    if (!implementation) throw new Error(`Flex preview: action ${name} is not implemented.`);
    implementation.prepare?.(payload);
    let aborted = false;
    for (const listener of listenersFor(`before${name}`)) {
      await listener(payload, () => {
        aborted = true;
      });
      if (aborted) return;
    }
    await implementation.run(payload);
    for (const listener of listenersFor(`after${name}`)) await listener(payload, () => undefined);
  },
  addListener(event: string, listener: Listener): void {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
  },
  removeListener(event: string, listener: Listener): void {
    listeners.get(event)?.delete(listener);
  },
  /** Flex's own actions are built in; the preview shell registers the ones it implements. */
  registerAction(name: string, run: Implementation, prepare?: PayloadPreparer): void {
    implementations.set(name, { run, prepare });
  },
};
