/**
 * The header's switches that reach beyond the page: Flex configuration read when the plugin initialises
 * (language, `auto_select_tab`: choosing one reloads with `?lang=` / `?autoSelect=on`) and the PolyAI
 * stand-in's behaviour (an outage on demand), and who is logged in (agent desktop or a supervisor's Teams view).
 */
import React, { useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';

import { SUPPORTED_LANGUAGES } from '../../src/strings/languages';
import { locationQuery, type PreviewLocation } from './location';

const LANGUAGE_NAMES: Record<(typeof SUPPORTED_LANGUAGES)[number], string> = {
  'en-US': 'English (en-US)',
  'es-ES': 'Español (es-ES)',
  'fr-FR': 'Français (fr-FR)',
  'de-DE': 'Deutsch (de-DE)',
};

/** What each stand-in mode means for the agent; the server lists the modes it offers. */
const POLYAI_MODE_NAMES: Record<string, string> = {
  ok: 'PolyAI working',
  '500': 'Outage: HTTP 500',
  hang: 'Outage: no answer',
  garbage: 'Outage: garbage body',
  '401': 'Outage: rejects our key',
};

interface HeaderSelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: NonNullable<React.ReactNode>;
  /** Wide enough for the longest option's whole label. */
  width?: 'size20' | 'size30';
}

function HeaderSelect({ id, label, value, onChange, children, width = 'size20' }: HeaderSelectProps): JSX.Element {
  return (
    <Box display="flex" alignItems="center" columnGap="space20">
      <Label htmlFor={id} variant="inverse" marginBottom="space0">
        {label}
      </Label>
      <Box width={width}>
        <Select id={id} variant="inverse" value={value} onChange={(event) => onChange(event.target.value)}>
          {children}
        </Select>
      </Box>
    </Box>
  );
}

export function LanguageSwitch({ location }: { location: PreviewLocation }): JSX.Element {
  return (
    <HeaderSelect
      id="preview-language"
      label="Language"
      value={location.language ?? ''}
      onChange={(language) => window.location.assign(locationQuery({ ...location, language: language || null }))}
    >
      <Option value="">Browser&apos;s language</Option>
      {SUPPORTED_LANGUAGES.map((language) => (
        <Option key={language} value={language}>
          {LANGUAGE_NAMES[language]}
        </Option>
      ))}
    </HeaderSelect>
  );
}

/** The admin option `auto_select_tab`: off by default, as in production. */
export function AutoSelectSwitch({ location }: { location: PreviewLocation }): JSX.Element {
  return (
    <HeaderSelect
      id="preview-auto-select"
      label="On Accept"
      value={location.autoSelect ? 'on' : 'off'}
      onChange={(value) => window.location.assign(locationQuery({ ...location, autoSelect: value === 'on' }))}
    >
      <Option value="off">Flex&apos;s default tab</Option>
      <Option value="on">Open PolyAI tab (auto_select_tab)</Option>
    </HeaderSelect>
  );
}

/** Tells the preview server how the PolyAI stand-in should answer from now on (Retry in the tab refetches). */
export function PolyaiOutageSwitch(): JSX.Element | null {
  const session = window.previewSession;
  const [mode, setMode] = useState(session?.polyaiMode ?? 'ok');
  if (!session?.polyaiModes) return null;
  const change = async (next: string) => {
    const response = await fetch('/__preview/polyai-mode', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: next }) });
    if (response.ok) setMode(((await response.json()) as { mode: string }).mode);
  };
  return (
    <HeaderSelect id="preview-polyai-mode" label="PolyAI stand-in" value={mode} onChange={change}>
      {session.polyaiModes.map((name) => (
        <Option key={name} value={name}>
          {POLYAI_MODE_NAMES[name] ?? name}
        </Option>
      ))}
    </HeaderSelect>
  );
}

/** The agent's desktop or a supervisor's Teams view: a different Flex login, so choosing one reloads. */
export function ViewSwitch({ location }: { location: PreviewLocation }): JSX.Element {
  return (
    <HeaderSelect
      id="preview-view"
      label="View"
      width="size30"
      value={location.view}
      onChange={(view) => window.location.assign(locationQuery({ ...location, view: view === 'teams' ? 'teams' : 'agent', task: view === 'teams' ? 'verified' : location.task }))}
    >
      <Option value="agent">Agent desktop</Option>
      <Option value="teams">Teams view (supervisor)</Option>
    </HeaderSelect>
  );
}
