import type { BoxProps } from '@twilio-paste/core/box';

/** A shell button without native chrome (task rows, canvas tabs): each adds its own border and colours. */
export const bareButton = {
  as: 'button',
  type: 'button',
  cursor: 'pointer',
  borderStyle: 'solid',
  borderWidth: 'borderWidth0',
  _focus: { outline: 'none', boxShadow: 'shadowFocus' },
} as const satisfies Partial<BoxProps> & { type: 'button' };
