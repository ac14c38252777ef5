/**
 * Rules of what the tab shows (docs/configuration.md and docs/agent-experience.md) at their boundaries: the
 * confidence badge's colour on both sides of each threshold, and long text cut after 200 characters.
 */
import React from 'react';
import { screen } from '@testing-library/react';

import { DEFAULT_CONFIG, parseConfig } from '../../../src/config';
import { CLAMP_CHARS, ClampedText } from '../../../src/views/common/ClampedText';
import { confidenceVariant } from '../../../src/views/HandoffContextView/sections/HandoffSection';
import { renderInLanguage } from '../../support/render';

describe('the confidence badge: at or above high green, at or above medium amber, below red', () => {
  it.each([
    [1, 'success'], [0.8, 'success'], [0.7999, 'warning'], [0.5, 'warning'], [0.4999, 'error'], [0, 'error'],
  ])('with the default thresholds (0.8, 0.5), %s is %s', (confidence, variant) => {
    expect(confidenceVariant(confidence, DEFAULT_CONFIG.confidenceThresholds)).toBe(variant);
  });

  it.each([
    [0.6, 'success'], [0.59, 'warning'], [0.3, 'warning'], [0.29, 'error'],
  ])('with an admin\'s thresholds (0.6, 0.3), %s is %s', (confidence, variant) => {
    expect(confidenceVariant(confidence, parseConfig({ confidence_thresholds: { high: 0.6, medium: 0.3 } }).config.confidenceThresholds)).toBe(variant);
  });

  it('with medium equal to high there is no amber', () => {
    const thresholds = { high: 0.7, medium: 0.7 };
    expect([confidenceVariant(0.7, thresholds), confidenceVariant(0.69, thresholds)]).toEqual(['success', 'error']);
  });
});

describe('long text is cut after 200 characters with "Show more"', () => {
  it('200 characters: shown whole, nothing to expand', () => {
    const text = 'a'.repeat(CLAMP_CHARS);
    renderInLanguage(<ClampedText text={text} />);
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('201 characters: cut, with "Show more"', () => {
    expect(CLAMP_CHARS).toBe(200);
    const text = 'a'.repeat(CLAMP_CHARS + 1);
    renderInLanguage(<ClampedText text={text} />);
    expect(screen.getByText(`${'a'.repeat(CLAMP_CHARS)}…`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show more' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('cuts at the last space before the limit, never inside a word', () => {
    const text = `${'word '.repeat(39)}longword${'x'.repeat(20)}`;
    renderInLanguage(<ClampedText text={text} />);
    expect(screen.getByText(`${'word '.repeat(38)}word…`)).toBeInTheDocument();
  });
});
