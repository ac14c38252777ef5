import React from 'react';
import { Button } from '@twilio-paste/core/button';
import { CopyIcon } from '@twilio-paste/icons/esm/CopyIcon';

import { copyText } from './clipboard';
import { useStrings } from '../../strings';

interface CopyButtonProps {
  /** What lands on the clipboard. */
  text: string;
  /** Names the value for the button's accessible name and the feedback. */
  label: string;
  onCopied: (message: string) => void;
  disabled?: boolean;
}

/** One value's copy: the button's accessible name, and its click, which reports the outcome through `onCopied`. */
export function useCopyValue(text: string, label: string, onCopied: (message: string) => void): { name: string; copy: () => Promise<void> } {
  const t = useStrings();
  const copy = async () => {
    const copied = await copyText(text);
    onCopied(copied ? t('PolyaiContextCopied', { label }) : t('PolyaiContextCopyFailed'));
  };
  return { name: t('PolyaiContextCopyValue', { label }), copy };
}

/** Icon button that copies one value and reports the outcome through `onCopied`. */
export function CopyButton({ text, label, onCopied, disabled = false }: CopyButtonProps): JSX.Element {
  const { name, copy } = useCopyValue(text, label, onCopied);
  return (
    <Button variant="secondary_icon" size="icon_small" onClick={copy} disabled={disabled} aria-label={name}>
      <CopyIcon decorative />
    </Button>
  );
}

/**
 * The same button as a plain `<button>`, for lists that style it once for all their rows (see the captured
 * fields' table body): a Paste Button is several styled elements and an animation spring per instance.
 */
export function PlainCopyButton({ text, label, onCopied, disabled = false }: CopyButtonProps): JSX.Element {
  const { name, copy } = useCopyValue(text, label, onCopied);
  return (
    <button type="button" onClick={copy} disabled={disabled} aria-label={name}>
      <CopyIcon decorative />
    </button>
  );
}
