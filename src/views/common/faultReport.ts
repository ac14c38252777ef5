import React from 'react';

/**
 * What a render fault in the tab reports: what helps fix our code and nothing a caller said: the error's class
 * name, its message with anything value-like (quoted text, numbers, emails, URLs, phone numbers) replaced, and
 * the names of the components it passed through. Never task attributes, never the error's own properties.
 * Where it goes is the container's choice (flex/reportError: through Flex); views only raise it.
 */
export interface TabErrorReport {
  name: string;
  message: string;
  componentStack: string[];
}

const MAX_MESSAGE_CHARS = 200;
const MAX_COMPONENTS = 20;

const ERROR_NAME = /^[A-Za-z]{1,40}$/;
// Order matters: URLs and emails before the quoted-text and digit rules eat their parts.
const VALUE_LIKE: ReadonlyArray<[RegExp, string]> = [
  [/\b[a-z][a-z0-9+.-]*:\/\/\S+|\b(?:javascript|data|vbscript):\S*/gi, '<url>'],
  [/\S+@\S+/g, '<email>'],
  [/(["'`])(?:(?!\1).)*\1/g, '<text>'],
  [/\+?\d[\d\s().-]{2,}\d|\d{3,}/g, '<number>'],
];
// React 17 stacks read `in Name (at file:line)` or `at Name (url)`; only the component names are kept.
const STACK_FRAME = /^\s*(?:in|at)\s+([A-Za-z_$][\w$]*(?:\.[\w$]+)*)/;

export function scrubMessage(message: string): string {
  let scrubbed = message;
  for (const [pattern, replacement] of VALUE_LIKE) scrubbed = scrubbed.replace(pattern, replacement);
  scrubbed = scrubbed.replace(/\s+/g, ' ').trim();
  return scrubbed.length > MAX_MESSAGE_CHARS ? `${scrubbed.slice(0, MAX_MESSAGE_CHARS)}…` : scrubbed;
}

export function componentNames(componentStack: string | null | undefined): string[] {
  if (typeof componentStack !== 'string') return [];
  const names: string[] = [];
  for (const line of componentStack.split('\n')) {
    const match = STACK_FRAME.exec(line);
    if (match) names.push(match[1]);
    if (names.length >= MAX_COMPONENTS) break;
  }
  return names;
}

export function toTabErrorReport(error: unknown, componentStack?: string | null): TabErrorReport {
  const name = error instanceof Error && ERROR_NAME.test(error.name) ? error.name : 'Error';
  const message = error instanceof Error && typeof error.message === 'string' ? scrubMessage(error.message) : '';
  return { name, message, componentStack: componentNames(componentStack) };
}

/** Reports a render fault (never throws) and returns what it reported. */
export type ReportFault = (error: unknown, componentStack?: string | null) => TabErrorReport;

/** The fault boundaries' reporter; without a container (a view rendered on its own) the browser console. */
export const FaultReportContext = React.createContext<ReportFault>((error, componentStack) => {
  const report = toTabErrorReport(error, componentStack);
  console.error(`[PolyaiContextPlugin] ${report.name}: ${report.message} (Components: ${report.componentStack.join(' < ') || 'unknown'})`);
  return report;
});
