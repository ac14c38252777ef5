/**
 * Flex's `Monitor`: `sendDebuggerEvent(message, description)` records a custom FlexError (Flex sends it to
 * the Twilio Debugger; offline it is kept here and written to the console, where the browser tests see it).
 */
export interface FlexErrorJSON {
  message: string;
  description: string;
  time: string;
}

const errors: FlexErrorJSON[] = [];

export const Monitor = {
  sendDebuggerEvent(message: string, description = ''): void {
    errors.push({ message, description, time: new Date().toISOString() });
    console.error(`[Flex Monitor] ${message}${description ? ` (${description})` : ''}`);
  },
  getErrors(): { errors: FlexErrorJSON[] } {
    return { errors: [...errors] };
  },
  getLogs(): { logs: string } {
    return { logs: errors.map((error) => `${error.time} ${error.message} ${error.description}`).join('\n') };
  },
};
